import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { freePort } from "../embedded-db";
import { type Timing, time } from "./stats";

export interface Server {
  base: string;
  pid: number | undefined;
  /** Stops the server and resolves once its process has exited (or after 10 s). */
  stop: () => Promise<void>;
}

const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) a process has used, from /proc; null where there is none. */
function processCpuMs(pid: number | string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by every PostgreSQL process of this machine (Linux only). */
function postgresCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    const ms = processCpuMs(pid);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/** CPU used between two readings of postgresCpuMs, counting processes that started meanwhile. */
function postgresCpuBetween(before: Map<string, number>, after: Map<string, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/** `next start` of the existing production build against the bench database, on loopback only. */
export async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/sign-in`)).ok)
        return {
          base,
          pid: child.pid,
          stop: () => {
            if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
            const exited = new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 10_000);
              child.once("exit", () => {
                clearTimeout(timer);
                resolve();
              });
            });
            child.kill("SIGTERM");
            return exited;
          },
        };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error("the production server did not start (run `npm run build` first)");
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] as string);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }).toString(),
  });
  const session = cookiesOf(response).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return [...jar, session].join("; ");
}

const NATIONALITIES = ["NER", "NGA", "SDN", "TCD", "MLI", "GHA", "EGY", "BGD", "SYR", "ERI"];

/**
 * A new person per request, spread over birth dates and nationalities as a day of registrations
 * would be: were they all born on one day in one country, every duplicate check would compare the
 * name with everyone the run had registered so far.
 */
function person(i: number) {
  const letters = "bdfgjklmnprstvz";
  let name = "Q";
  for (let k = 0; k < 8; k++) name += letters[Math.floor(Math.random() * letters.length)];
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 45 * 365) * 86_400_000);
  return {
    biodata: {
      familyName: `${name}${i}`,
      givenNames: "Bench",
      sex: i % 2 ? "male" : "female",
      dobMode: "exact",
      dateOfBirth: born.toISOString().slice(0, 10),
      nationality: NATIONALITIES[i % NATIONALITIES.length],
      populationType: "migrant",
      languages: [],
      baladiyaPcode: "LY021104",
      detained: false,
      vulnerabilities: [],
    },
    consent: { obtained: "yes", givenBy: "self", givenOn: "2024-01-01", purposes: ["services"] },
  };
}

export interface RegistrationRun {
  perSecond: number;
  p50: number;
  p97_5: number;
  non2xx: number;
  /** The non-2xx responses by status (409: a duplicate warning; 5xx would be a failure). */
  non2xxByStatus: Record<string, number>;
  errors: number;
  /**
   * CPU milliseconds per request: the Next server process, every PostgreSQL process, and this
   * process (the load generator); null where /proc is not there to read.
   */
  cpuMsPerRequest: { server: number; postgres: number; loadGenerator: number } | null;
}

/**
 * Registrations per second with `connections` concurrent clients, each request a new person, and
 * where the CPU of each request went: on a machine of a few cores the sum bounds the rate.
 */
export async function registrationsPerSecond(
  server: Server,
  cookie: string,
  seconds: number,
  connections = 20,
): Promise<RegistrationRun> {
  let i = 0;
  const serverBefore = server.pid === undefined ? null : processCpuMs(server.pid);
  const postgresBefore = postgresCpuMs();
  const selfBefore = process.cpuUsage();
  const result = await autocannon({
    url: `${server.base}/api/beneficiaries`,
    method: "POST",
    connections,
    duration: seconds,
    headers: { "content-type": "application/json", cookie },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(person(i++)) }) }],
  });
  const self = process.cpuUsage(selfBefore);
  const serverAfter = server.pid === undefined ? null : processCpuMs(server.pid);
  const requests = result.requests.total;
  const perRequest = (ms: number) => Math.round((ms / Math.max(1, requests)) * 10) / 10;
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    non2xx: result.non2xx,
    non2xxByStatus: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {})
        .filter(([status]) => !status.startsWith("2"))
        .map(([status, stats]) => [status, stats?.count ?? 0]),
    ),
    errors: result.errors,
    cpuMsPerRequest:
      serverBefore === null || serverAfter === null || postgresBefore.size === 0
        ? null
        : {
            server: perRequest(serverAfter - serverBefore),
            postgres: perRequest(postgresCpuBetween(postgresBefore, postgresCpuMs())),
            loadGenerator: perRequest((self.user + self.system) / 1000),
          },
  };
}

export async function pageTime(base: string, path: string, cookie: string, runs: number): Promise<Timing> {
  return time(async () => {
    const r = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    await r.text();
  }, runs);
}

/**
 * The JavaScript a page makes the browser download: every script it references, gzipped. That is
 * the `<script src>` tags and the chunks named only in the page's inline RSC data (the client
 * components of error boundaries, which React loads as it reads that data). A `nomodule` script
 * (Next's legacy polyfills) is left out: every browser Next supports runs ES modules, and such a
 * browser never downloads it.
 */
export async function pageJavaScript(
  base: string,
  path: string,
  cookie: string,
): Promise<{ files: number; gzipKb: number }> {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const tags = [...html.matchAll(/<script([^>]+)>/g)].map((m) => m[1] as string);
  const srcOf = (attributes: string) => /\ssrc="([^"]+)"/.exec(attributes)?.[1];
  const legacy = new Set(tags.filter((a) => /\bnomodule\b/i.test(a)).map(srcOf));
  const sources = [
    ...new Set([
      ...tags.filter((a) => !/\bnomodule\b/i.test(a)).map(srcOf),
      ...[...html.matchAll(/\/_next\/static\/chunks\/[\w\-.]+\.js/g)].map((m) => m[0]),
    ]),
  ].filter((src): src is string => src !== undefined && !legacy.has(src));
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return { files: sources.length, gzipKb: Math.round((bytes / 1024) * 10) / 10 };
}
