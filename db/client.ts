import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];

export function createDatabase(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Keep dates as strings; a JS Date would shift a birthday across time zones.
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
  });
  return { sql, db: drizzle(sql, { schema }) };
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
