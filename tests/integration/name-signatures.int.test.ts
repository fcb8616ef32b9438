import { type SQL, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { beneficiaries } from "@/db/schema";
import { DUPLICATE_SIMILARITY, findDuplicates } from "@/lib/dal/beneficiaries/find-duplicates";
import { listBeneficiaries, PAGE_SIZE, SEARCH_SIMILARITY } from "@/lib/dal/beneficiaries/list-beneficiaries";
import type { DalContext } from "@/lib/dal/context";
import { nameKey } from "@/lib/domain/names";
import { makeUser } from "../support/factories";

/**
 * The duplicate check and a caseworker's name search rule names out by their trigram signatures
 * before they score them (migration 0035). Ruling out a true match would let a person be
 * registered twice without a warning, or hide a case from the caseworker looking for it, so both
 * must return exactly what scoring every name returns.
 */

const LATIN = [
  "mo",
  "ha",
  "med",
  "am",
  "ad",
  "ab",
  "del",
  "ra",
  "man",
  "ous",
  "sa",
  "yu",
  "suf",
  "ib",
  "ali",
  "ah",
];
const ARABIC = ["محمد", "أحمد", "احمد", "مُحَمَّد", "علي", "عبد", "الرحمن", "يوسف", "إبراهيم", "ابراهيم", "حسن"];
const BIRTH = "1951-06-15";

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function latinWord(next: () => number): string {
  const parts = 1 + Math.floor(next() * 3);
  let word = "";
  for (let i = 0; i < parts; i++) word += pick(next, LATIN);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function person(next: () => number): { familyName: string; givenNames: string; nameAr?: string } {
  const familyName = latinWord(next);
  const givenNames = next() < 0.4 ? `${latinWord(next)} ${latinWord(next)}` : latinWord(next);
  if (next() < 0.2) return { familyName, givenNames, nameAr: `${pick(next, ARABIC)} ${pick(next, ARABIC)}` };
  return { familyName, givenNames };
}

let supervisor: DalContext;
let caseworker: DalContext;

beforeAll(async () => {
  [supervisor, caseworker] = await Promise.all([
    makeUser("supervisor", "TIP"),
    makeUser("caseworker", "TIP"),
  ]);
  const next = random(20261202);
  const rows = Array.from({ length: 2500 }, (_, i) => {
    const names = person(next);
    return {
      caseNumber: `LBY-51-S${String(i).padStart(5, "0")}`,
      ...names,
      nameKey: nameKey(names.familyName, names.givenNames, names.nameAr),
      sex: pick(next, ["male", "female", "unknown"] as const),
      dateOfBirth: BIRTH,
      nationality: "ERI",
      populationType: "migrant" as const,
      baladiyaPcode: "LY021401",
      officeCode: "TIP",
      ownerId: caseworker.actor.id,
      createdBy: caseworker.actor.id,
    };
  });
  await getDb().insert(beneficiaries).values(rows);
});

async function rows<T>(query: SQL): Promise<T[]> {
  return (await getDb().execute(query)) as unknown as T[];
}

describe("trigram signatures", () => {
  it("stores each name's trigram count and a signature that differs between names", async () => {
    const [stats] = await rows<{ wrong_counts: number; signatures: number; keys: number }>(
      sql`select count(*) filter (where name_trigrams <> cardinality(show_trgm(name_key)))::int as wrong_counts,
                 count(distinct name_signature)::int as signatures, count(distinct name_key)::int as keys
          from beneficiaries where nationality = 'ERI'`,
    );
    expect(stats?.wrong_counts).toBe(0);
    expect(stats?.signatures).toBeGreaterThan((stats?.keys ?? 0) * 0.9);
  });

  it("let the duplicate check find exactly what scoring every candidate finds, at the threshold too", async () => {
    const next = random(7);
    let matches = 0;
    let atThreshold = 0;
    for (let probe = 0; probe < 250; probe++) {
      const names = person(next);
      const sex = pick(next, ["male", "female", "unknown"] as const);
      const key = nameKey(names.familyName, names.givenNames, names.nameAr);
      const expected = await rows<{ id: string; score: number }>(
        sql`select id, similarity(name_key, ${key}) as score from beneficiaries
            where nationality = 'ERI' and date_of_birth = ${BIRTH}
              and (${sex} = 'unknown' or sex in (${sex}::sex, 'unknown'))
              and similarity(name_key, ${key}) >= ${DUPLICATE_SIMILARITY}
            order by score desc, id limit 10`,
      );
      const found = await findDuplicates(supervisor, {
        ...names,
        sex,
        dateOfBirth: BIRTH,
        nationality: "ERI",
      });
      expect(
        found.map((m) => (m.inScope ? m.id : m.officeCode)),
        key,
      ).toEqual(expected.map((e) => e.id));
      matches += expected.length;
      atThreshold += expected.filter((e) => Number(e.score) === DUPLICATE_SIMILARITY).length;
    }
    // The names are drawn from few syllables so that many probes match, some exactly at the threshold.
    expect(matches).toBeGreaterThan(300);
    expect(atThreshold).toBeGreaterThan(10);
  });

  it("let a caseworker's name search find exactly what scoring each of their cases finds", async () => {
    const next = random(11);
    let matches = 0;
    for (let probe = 0; probe < 120; probe++) {
      const names = person(next);
      const text = next() < 0.5 ? names.familyName : `${names.givenNames} ${names.familyName}`;
      const key = nameKey(text);
      const expected = await rows<{ id: string }>(
        sql`select id from beneficiaries
            where owner_id = ${caseworker.actor.id} and similarity(name_key, ${key}) >= ${SEARCH_SIMILARITY}::real
            order by name_key <-> ${key}, search_seq limit ${PAGE_SIZE}`,
      );
      const page = await listBeneficiaries(caseworker, { q: text });
      expect(
        page.items.map((i) => i.id),
        key,
      ).toEqual(expected.map((e) => e.id));
      matches += expected.length;
    }
    expect(matches).toBeGreaterThan(500);
  });

  it("rule out most candidates before their names are scored", async () => {
    const key = nameKey("Mohamed", "Ahmed");
    const [counts] = await rows<{ window: number; passing: number }>(
      sql`select count(*)::int as window,
                 count(*) filter (where 3 * bit_count((name_signature # name_trigram_signature(${key}))::bit(64))
                   <= name_trigrams + cardinality(show_trgm(${key})))::int as passing
          from beneficiaries where nationality = 'ERI'`,
    );
    expect(counts?.window).toBe(2500);
    expect(counts?.passing).toBeLessThan(2500 / 4);
  });
});
