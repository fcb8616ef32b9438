/**
 * Cost of the audit hash chain: audit inserts per second, one writer and eight concurrent ones,
 * then how fast the linker chains what they wrote (rows are linked after commit, migration 0027),
 * on a scratch database.
 * Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench/audit-chain.ts
 */
import postgres from "postgres";
import { migrateDatabase } from "../../db/migrate";

const base = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const name = `sanad_bench_audit_${process.pid}`;
const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = new URL(base);
url.pathname = `/${name}`;
try {
  await migrateDatabase(url.toString());
  const sql = postgres(url.toString(), { max: 8, onnotice: () => {} });
  const insert = () =>
    sql.begin(
      (tx) =>
        tx`insert into audit_events (action, entity, entity_id, detail) values ('read', 'beneficiary', gen_random_uuid()::text, '{"n":1}')`,
    );
  const measure = async (label: string, writers: number, total: number) => {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = 0; i < total / writers; i++) await insert();
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    console.info(`${label.padEnd(28)} ${writers} writer(s): ${Math.round(total / seconds)} inserts/s`);
  };
  for (const writers of [1, 8]) await measure("appended (pending)", writers, 4000);
  const start = performance.now();
  const [linked] = await sql<{ n: number }[]>`select audit_chain_link_pending() as n`;
  const seconds = (performance.now() - start) / 1000;
  console.info(
    `${"linked after commit".padEnd(28)} ${linked?.n} rows: ${Math.round((linked?.n ?? 0) / seconds)} rows/s`,
  );
  await sql.end();
} finally {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
