import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { beneficiaries } from "@/db/schema";
import { FAMILY, FEMALE, MALE, mulberry32 } from "@/db/seed/synthetic";
import { DUPLICATE_SIMILARITY, findDuplicates } from "@/lib/dal/beneficiaries/find-duplicates";
import type { DalContext } from "@/lib/dal/context";
import type { Sex } from "@/lib/domain/beneficiary";
import { formatCaseNumber, nameKey } from "@/lib/domain/names";
import { makeUser } from "../support/factories";

/**
 * The duplicate check scores only the people its token index finds (migration 0032): those who
 * share one of the name's first trigrams in the same nationality, sex and birth years. That is
 * meant to drop nobody who could reach the threshold. Here it is compared, on random names with
 * spelling variants and typos, with scoring everyone of the same nationality, sex and window.
 */

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

const FAMILIES = Object.values(FAMILY).flat();
const NATIONALITIES = ["NER", "SDN"] as const;
const SEX_CHOICES: readonly Sex[] = ["male", "male", "female", "female", "unknown"];

function variant(rng: Rng, group: readonly string[]): { latin: string; arabic: string | null } {
  const [latin, arabic] = pick(rng, group).split("|") as [string, string | undefined];
  return { latin, arabic: arabic ?? null };
}

/** A letter dropped, doubled or swapped for another, as a hurried clerk types it. */
function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word;
  const at = 1 + Math.floor(rng() * (word.length - 2));
  const r = rng();
  if (r < 0.33) return word.slice(0, at) + word.slice(at + 1);
  if (r < 0.66) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + pick(rng, [..."abdeghiklmnorstuyz"]) + word.slice(at + 1);
}

interface Person {
  familyName: string;
  givenNames: string;
  nameAr: string | null;
  sex: Sex;
  nationality: string;
  dateOfBirth: string;
}

function randomPerson(rng: Rng): Person {
  const sex = pick(rng, SEX_CHOICES);
  const given = variant(
    rng,
    pick(rng, sex === "female" ? FEMALE : sex === "male" ? MALE : [...MALE, ...FEMALE]),
  );
  const second = rng() < 0.5 ? variant(rng, pick(rng, MALE)) : null;
  const family = variant(rng, pick(rng, FAMILIES));
  const givenNames = [given.latin, second?.latin].filter(Boolean).join(" ");
  const familyName = rng() < 0.3 ? typo(rng, family.latin) : family.latin;
  // Some people are known only by a short name, or carry their name in Arabic script as well.
  const short = rng() < 0.08;
  const arabic = rng() < 0.2 && given.arabic ? given.arabic : null;
  // Birth dates cluster near year ends, where the window crosses into another year of the index.
  const year = 1988 + Math.floor(rng() * 7);
  const month = rng() < 0.5 ? pick(rng, ["01", "12"]) : String(1 + Math.floor(rng() * 12)).padStart(2, "0");
  const day = String(1 + Math.floor(rng() * 28)).padStart(2, "0");
  return {
    familyName: short ? family.latin.slice(0, 3) : familyName,
    givenNames: short ? given.latin.slice(0, 2) : rng() < 0.2 ? typo(rng, givenNames) : givenNames,
    nameAr: arabic,
    sex,
    nationality: pick(rng, NATIONALITIES),
    dateOfBirth: `${year}-${month}-${day}`,
  };
}

let supervisor: DalContext;

beforeAll(async () => {
  supervisor = await makeUser("supervisor", "TIP");
  const rng = mulberry32(20_201);
  const rows = Array.from({ length: 4_000 }, () => {
    const p = randomPerson(rng);
    return {
      ...p,
      caseNumber: formatCaseNumber(2020, randomBytes(6)),
      nameKey: nameKey(p.familyName, p.givenNames, p.nameAr),
      populationType: "migrant" as const,
      baladiyaPcode: "LY021104",
      officeCode: "TIP",
      ownerId: supervisor.actor.id,
      createdBy: supervisor.actor.id,
    };
  });
  const db = getDb();
  for (let i = 0; i < rows.length; i += 500) await db.insert(beneficiaries).values(rows.slice(i, i + 500));
  await db.execute(sql`analyze beneficiaries`);
});

/** Everyone of the same nationality, compatible sex and birth window, scored: the check without its index. */
async function scoreEveryone(p: Person): Promise<Array<{ id: string; score: number }>> {
  const key = nameKey(p.familyName, p.givenNames, p.nameAr);
  const sexes = p.sex === "unknown" ? ["male", "female", "unknown"] : [p.sex, "unknown"];
  const shift = (years: number) => {
    const y = Number(p.dateOfBirth.slice(0, 4)) + years;
    const rest = p.dateOfBirth.slice(4) === "-02-29" ? "-02-28" : p.dateOfBirth.slice(4);
    return `${y}${rest}`;
  };
  const rows = await getDb().execute<{ id: string; score: number }>(sql`
    select id, round(similarity(name_key, ${key})::numeric, 2)::float8 as score
    from beneficiaries
    where nationality = ${p.nationality}
      and sex::text = any(${`{${sexes.join(",")}}`}::text[])
      and date_of_birth between ${shift(-2)}::date and ${shift(2)}::date
      and similarity(name_key, ${key}) >= ${DUPLICATE_SIMILARITY}
    order by similarity(name_key, ${key}) desc, id
    limit 10`);
  return [...rows].map((r) => ({ id: r.id, score: Number(r.score) }));
}

describe("duplicate check through the prefix index", () => {
  it("finds exactly what scoring everyone in the window finds", async () => {
    const rng = mulberry32(7);
    let probesWithMatches = 0;
    let matchesNearThreshold = 0;
    for (let i = 0; i < 400; i++) {
      const probe = randomPerson(rng);
      const expected = await scoreEveryone(probe);
      const found = await findDuplicates(supervisor, { ...probe, nameAr: probe.nameAr ?? undefined });
      const label = `${probe.familyName} / ${probe.givenNames} / ${probe.nameAr ?? ""} (${probe.sex}, ${probe.dateOfBirth})`;
      expect(
        found.map((m) => ({ id: m.inScope ? m.id : "?", score: m.score })),
        label,
      ).toEqual(expected);
      if (expected.length > 0) probesWithMatches++;
      matchesNearThreshold += expected.filter((m) => m.score < 0.6).length;
    }
    // The comparison means something only if many probes have matches, some barely over the line.
    expect(probesWithMatches).toBeGreaterThan(200);
    expect(matchesNearThreshold).toBeGreaterThan(100);
  });

  it("scores a fraction of the window: only people sharing one of the name's first trigrams", async () => {
    const key = nameKey("Diallo", "Ousmane");
    const [counts] = await getDb().execute<{ window: number; candidates: number }>(sql`
      select count(*)::int as window,
        count(*) filter (where duplicate_tokens(nationality, sex, date_of_birth, name_key)
          && duplicate_query_tokens('NER', '{male,unknown}', '1988-12-01', '1992-12-01', ${key}))::int as candidates
      from beneficiaries
      where nationality = 'NER' and sex in ('male', 'unknown') and date_of_birth between '1988-12-01' and '1992-12-01'`);
    expect(counts?.window).toBeGreaterThan(100);
    expect(counts?.candidates).toBeGreaterThan(0);
    expect(counts?.candidates).toBeLessThan((counts?.window ?? 0) / 3);
  });
});
