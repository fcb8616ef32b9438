/**
 * `npm test`: typecheck, lint, unit tests, integration tests against a real PostgreSQL, then
 * Playwright against a production build. Uses DATABASE_URL's server when set (creating and
 * dropping its own databases there), otherwise an embedded PostgreSQL that it starts and stops.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { migrateDatabase } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { withPostgresServer } from "./embedded-db";

const started = Date.now();
const timings: Array<[string, number]> = [];

function run(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const t0 = Date.now();
  console.info(`\n▶ ${label}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => {
      timings.push([label, Date.now() - t0]);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (exit ${code})`));
    });
  });
}

const bin = (name: string) => path.resolve("node_modules/.bin", name);

async function main(): Promise<void> {
  // `npx tsx scripts/test.ts e2e -- e2e/some.spec.ts` runs chosen stages, and passes what follows
  // `--` to Playwright; when the end-to-end stage does not run, to vitest's integration stage
  // (`integration -- tests/integration/x.int.test.ts`).
  const dashdash = process.argv.indexOf("--");
  const only = process.argv.slice(2, dashdash === -1 ? undefined : dashdash);
  const chosen = dashdash === -1 ? [] : process.argv.slice(dashdash + 1);
  const want = (step: string) => only.length === 0 || only.includes(step);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (want("typecheck")) await run("typecheck", bin("tsc"), ["--noEmit"], env);
  if (want("lint")) await run("lint", bin("biome"), ["check", "."], env);
  if (want("unit")) await run("unit tests", bin("vitest"), ["run", "--project", "unit"], env);
  if (!want("integration") && !want("e2e") && !want("bench")) return;

  await withPostgresServer(async (serverUrl) => {
    const prefix = `sanad_t${randomBytes(3).toString("hex")}`;
    const admin = postgres(serverUrl("postgres"), { max: 1, onnotice: () => {} });
    try {
      if (want("integration")) {
        await run(
          "integration tests",
          bin("vitest"),
          ["run", "--project", "integration", ...(want("e2e") ? [] : chosen)],
          {
            ...env,
            TEST_DATABASE_URL: serverUrl(prefix),
            DATABASE_URL: "",
          },
        );
      }
      if (want("e2e")) {
        const e2eDb = `${prefix}_e2e`;
        await admin.unsafe(`create database "${e2eDb}"`);
        const url = serverUrl(e2eDb);
        await migrateDatabase(url);
        await seedDatabase(url, { beneficiaries: 300 });
        await run("production build", process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
        await run("end-to-end tests", bin("playwright"), ["test", ...chosen], {
          ...env,
          E2E_DATABASE_URL: url,
          E2E_AUTH_SECRET: randomBytes(32).toString("base64url"),
          DATABASE_URL: "",
        });
      }
      if (want("bench")) {
        // A small run of the benchmark harness, so that it keeps working; its figures are not judged here.
        const http = existsSync(path.resolve(".next/BUILD_ID")) ? [] : ["--no-http"];
        await run(
          "benchmark (small)",
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "scripts/bench/index.ts", "--small", ...http],
          { ...env, DATABASE_URL: serverUrl("postgres") },
        );
      }
    } finally {
      const leftovers = await admin<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`${prefix}%`}`;
      for (const { datname } of leftovers)
        await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    }
  });
}

main().then(
  () => {
    for (const [label, ms] of timings) console.info(`  ${label.padEnd(20)} ${(ms / 1000).toFixed(1)} s`);
    console.info(`npm test passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
