import postgres from "postgres";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedReference } from "../../db/seed/reference";

/**
 * Builds one migrated template database with reference data; every test file then gets its own
 * copy (database-per-file.ts), so files run in parallel without seeing each other's rows.
 * TEST_DATABASE_URL names the server and a prefix; scripts/test.ts sets it.
 */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set: run the suite with `npm test`.");
  const url = new URL(base);
  const prefix = url.pathname.slice(1) || "sanad_test";
  const template = `${prefix}_template`;
  const admin = postgres({ ...connectionOf(url), database: "postgres", max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${template}" with (force)`);
  await admin.unsafe(`create database "${template}"`);
  const templateUrl = withDatabase(url, template);
  await migrateDatabase(templateUrl);
  const { db, sql } = createDatabase(templateUrl, { max: 1 });
  await seedReference(db);
  await sql.end();
  provide("templateDatabase", template);
  provide("serverUrl", base);
  return async () => {
    const leftovers = await admin<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`${prefix}_f_%`} or datname = ${template}`;
    for (const { datname } of leftovers)
      await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}

export function connectionOf(url: URL) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username || "postgres"),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

export function withDatabase(url: URL, database: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    serverUrl: string;
  }
}
