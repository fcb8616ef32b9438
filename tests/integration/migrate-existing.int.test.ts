import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import journal from "@/db/migrations/meta/_journal.json";
import { beneficiaries } from "@/db/schema";
import { nameKey } from "@/lib/domain/names";
import { makeUser } from "../support/factories";

/**
 * Upgrading a database that holds people: migration 0036 rewrites the beneficiaries table (its
 * stored generated columns), which empties the visibility map. Unless the table is vacuumed
 * afterwards, the duplicate check's index-only scan reads every candidate from the heap.
 */
async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const rows = (await getDb().execute(query)) as unknown as T[];
  return rows[0] as T;
}

/** The journal's "when" of migration 0036: its row, and every later one's, is deleted below. */
const MIGRATION_0036_WHEN = (
  journal.entries.find((e) => e.tag === "0036_trigram_signatures") ??
  (() => {
    throw new Error("migration 0036 is not in the journal");
  })()
).when;

beforeAll(async () => {
  const owner = await makeUser("caseworker", "TIP");
  await getDb()
    .insert(beneficiaries)
    .values(
      Array.from({ length: 3000 }, (_, i) => ({
        caseNumber: `LBY-24-V${String(i).padStart(5, "0")}`,
        familyName: `Family${i}`,
        givenNames: "Given",
        nameKey: nameKey(`Family${i}`, "Given"),
        sex: "male" as const,
        dateOfBirth: "1990-01-01",
        nationality: "NER",
        populationType: "migrant" as const,
        baladiyaPcode: "LY021401",
        officeCode: "TIP",
        ownerId: owner.actor.id,
        createdBy: owner.actor.id,
      })),
    );
  // The database as it was before migration 0036, with its people: 0037 undone, then 0036.
  for (const statement of [
    sql`alter table consents alter column id set default gen_random_uuid()`,
    sql`drop function uuid_v7()`,
    sql`drop index beneficiaries_owner_name_idx`,
    sql`drop index beneficiaries_dup_idx`,
    sql`alter table beneficiaries drop column name_signature, drop column name_trigrams`,
    sql`create index beneficiaries_owner_name_idx on beneficiaries (owner_id, name_key, id)`,
    sql`create index beneficiaries_dup_idx on beneficiaries (nationality, sex, date_of_birth, name_key, id)`,
    // 0036 and every migration after it (created_at is the journal's "when" of each).
    sql`delete from drizzle.__drizzle_migrations where created_at >= ${MIGRATION_0036_WHEN}`,
  ])
    await getDb().execute(statement);
});

describe("migrating a database that holds data", () => {
  it("vacuums and analyses after the new migrations, so index-only scans work at once", async () => {
    const url = process.env.DATABASE_URL as string;
    await migrateDatabase(url);
    const table = await one<{ pages: number; visible: number; analysed: boolean }>(sql`
      select c.relpages as pages, c.relallvisible as visible, s.last_analyze is not null as analysed
      from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'beneficiaries'`);
    expect(table.pages).toBeGreaterThan(10);
    expect(table.visible).toBe(table.pages);
    expect(table.analysed).toBe(true);
    const withSignatures = await one<{ n: number }>(
      sql`select count(*)::int as n from beneficiaries where name_trigrams = cardinality(show_trgm(name_key))`,
    );
    expect(withSignatures.n).toBe(3000);
  });
});
