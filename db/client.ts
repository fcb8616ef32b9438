import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];

/** Statements with more parameters than this (bulk inserts) are sent unprepared, as before. */
const MAX_PREPARED_PARAMETERS = 1_000;

type Client = postgres.Sql;
type UnsafeArgs = Parameters<Client["unsafe"]>;

/**
 * drizzle sends every query through `unsafe(…, { prepare: false })`. With parameters, postgres.js
 * then spends two round trips on it, one to describe the statement and one to run it, and the
 * server parses it each time. Here a query of ordinary size is prepared once per connection and
 * then only bound and run: one round trip. Plans are still made for each execution's values
 * (plan_cache_mode, below), so the planner never swaps in a generic plan for skewed data.
 */
function preparing<T extends Client | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "unsafe") {
        return (query: UnsafeArgs[0], parameters: UnsafeArgs[1] = [], options: UnsafeArgs[2] = {}) =>
          target.unsafe(
            query,
            parameters,
            parameters.length > 0 && parameters.length <= MAX_PREPARED_PARAMETERS
              ? { ...options, prepare: true }
              : options,
          );
      }
      if (property === "begin" || property === "savepoint") {
        // The transaction's own client is a new object: it prepares its queries too.
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: postgres.TransactionSql) => unknown;
          return (value as (...a: unknown[]) => unknown).call(
            target,
            ...args,
            (inner: postgres.TransactionSql) => work(preparing(inner)),
          );
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/**
 * A server on this machine is reached through its Unix socket when the URL names the socket's
 * directory as libpq does (`postgres://user@localhost/db?host=/var/run/postgresql`): postgres.js
 * takes a socket as an option, not in the URL.
 */
export function postgresTarget(url: string): { url: string; path?: string } {
  const parsed = new URL(url);
  const socketDirectory = parsed.searchParams.get("host");
  if (!socketDirectory?.startsWith("/")) return { url };
  parsed.searchParams.delete("host");
  return { url: parsed.toString(), path: `${socketDirectory}/.s.PGSQL.${parsed.port || 5432}` };
}

export function createDatabase(databaseUrl: string, options: { max?: number } = {}) {
  const { url, path } = postgresTarget(databaseUrl);
  const sql = postgres(url, {
    ...(path ? { path } : {}),
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { plan_cache_mode: "force_custom_plan" },
    // Keep dates as strings; a JS Date would shift a birthday across time zones.
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
  });
  return { sql, db: drizzle(preparing(sql), { schema }) };
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

const globalForDb = globalThis as unknown as {
  sanadDb?: ReturnType<typeof createDatabase>;
  sanadDbBackground?: Set<Promise<void>>;
};

/** One pool per process; dev reloads reuse it instead of leaking connections. */
export function getDb(): Database {
  globalForDb.sanadDb ??= createDatabase(databaseUrl());
  return globalForDb.sanadDb.db;
}

/** Work started on the pool after a response (e.g. linking audit rows); closeDb waits for it. */
export function trackBackgroundWork(work: Promise<void>): void {
  globalForDb.sanadDbBackground ??= new Set();
  const pending = globalForDb.sanadDbBackground;
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

export async function closeDb(): Promise<void> {
  await Promise.allSettled([...(globalForDb.sanadDbBackground ?? [])]);
  await globalForDb.sanadDb?.sql.end({ timeout: 5 });
  globalForDb.sanadDb = undefined;
}
