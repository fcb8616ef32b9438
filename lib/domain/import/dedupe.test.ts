import { describe, expect, it } from "vitest";
import { nameKey } from "../names";
import {
  type DedupeRow,
  existingDuplicates,
  inFileDuplicates,
  shiftYears,
  trigramSimilarity,
  trigrams,
} from "./dedupe";

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
}

const FIRST = [
  "Mohamed",
  "Muhammad",
  "Ahmed",
  "Fatima",
  "Fatouma",
  "Ousmane",
  "Usman",
  "Aisha",
  "Aicha",
  "Ali",
];
const LAST = ["Diallo", "Dialo", "Traore", "Coulibaly", "Kulibaly", "Abdelrahman", "Abdul Rahman", "Hassan"];

/** Birth dates at the edges of the two-year window: year ends, 29 February and its neighbours. */
const EDGE_DATES = ["12-31", "01-01", "02-28", "02-29", "03-01"];

function sample(n: number, seed: number): DedupeRow[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const year = 1980 + Math.floor(r() * 10);
    const edge = r() < 0.3 ? pick(EDGE_DATES) : null;
    // 29 February only in leap years.
    const day = edge === "02-29" && year % 4 !== 0 ? "02-28" : edge;
    return {
      key: i + 2,
      nameKey: nameKey(pick(LAST), pick(FIRST)),
      sex: pick(["male", "female", "unknown"]),
      nationality: pick(["NER", "TCD"]),
      dateOfBirth: `${year}-${day ?? `0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`}`,
    };
  });
}

function brute(a: DedupeRow, b: DedupeRow): boolean {
  return (
    a.nationality === b.nationality &&
    (a.sex === "unknown" || b.sex === "unknown" || a.sex === b.sex) &&
    b.dateOfBirth >= shiftYears(a.dateOfBirth, -2) &&
    b.dateOfBirth <= shiftYears(a.dateOfBirth, 2) &&
    trigramSimilarity(trigrams(a.nameKey), trigrams(b.nameKey)) >= 0.5
  );
}

describe("in-memory duplicate rule", () => {
  it("pads words like pg_trgm", () => {
    expect(trigrams("ab").sort()).toEqual(["  a", " ab", "ab "].sort());
  });

  it("finds exactly the pairs a full comparison finds, within the file", () => {
    const rows = sample(400, 3);
    const expected = new Map<number, number>();
    for (const a of rows) {
      const first = rows.find((b) => b.key < a.key && brute(a, b));
      if (first) expected.set(a.key, first.key);
    }
    expect(expected.size).toBeGreaterThan(10);
    expect(inFileDuplicates(rows, 0.5)).toEqual(expected);
  });

  it("finds matches across year ends and 29 February, and none three years apart", () => {
    const row = (key: number, dateOfBirth: string): DedupeRow => ({
      key,
      nameKey: nameKey("Diallo", "Mohamed"),
      sex: "male",
      nationality: "NER",
      dateOfBirth,
    });
    const found = existingDuplicates(
      [row(2, "1984-02-29"), row(3, "1990-12-31")],
      [row(10, "1986-02-28"), row(11, "1986-03-01"), row(12, "1992-12-31"), row(13, "1993-01-01")].map(
        (e) => ({ ...e, order: String(e.key) }),
      ),
      0.5,
      10,
    );
    expect(found.get(2)?.map((e) => e.key)).toEqual([10]);
    expect(found.get(3)?.map((e) => e.key)).toEqual([12]);
  });

  it("reads grams as pg_trgm does in any script: Arabic, accents, digits, repeats, astral characters", () => {
    // Keys as stored, not through nameKey: the comparison must hold for whatever a row carries.
    const NAMES = [
      "محمد علي",
      "محمد على",
      "mohamed ali",
      "Mohamed-Ali 2",
      "élodie ndiaye",
      "ÉLODIE NDIAYE",
      "aaaa aaaa",
      "aaa",
      "𠀀𠀁 ali",
      "𠀀𠀁 aly",
      "ali 𝔸li",
      // A name with an astral character against one without: their shared grams must still meet.
      "𝔸 ali",
      "ali",
      "x",
    ];
    const r = rng(11);
    const rowsOf = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        key: from + i,
        order: String(from + i).padStart(5, "0"),
        nameKey: NAMES[Math.floor(r() * NAMES.length)] as string,
        sex: "male",
        nationality: "NER",
        dateOfBirth: "1990-05-05",
      }));
    const rows = rowsOf(40, 2);
    const existing = rowsOf(60, 100);
    const found = existingDuplicates(rows, existing, 0.5, 1000);
    for (const a of rows) {
      const expected = existing.filter((e) => brute(a, e)).map((e) => e.key);
      expect((found.get(a.key) ?? []).map((e) => e.key).sort((x, y) => x - y)).toEqual(expected);
    }
    const within = new Map<number, number>();
    for (const a of rows) {
      const first = rows.find((b) => b.key < a.key && brute(a, b));
      if (first) within.set(a.key, first.key);
    }
    expect(inFileDuplicates(rows, 0.5)).toEqual(within);
    expect(trigramSimilarity(trigrams("𠀀𠀁 ali"), trigrams("𠀀𠀁 aly"))).toBeGreaterThan(0.3);
  });

  it("finds exactly the existing records a full comparison finds", () => {
    const rows = sample(200, 4);
    // Half the records carry a letter the file never has: grams the file lacks still count in the
    // union, and must not be mistaken for shared ones.
    const existing = sample(300, 5).map((e, i) => ({
      ...e,
      nameKey: i % 2 ? `${e.nameKey}x` : e.nameKey,
      order: String(e.key).padStart(5, "0"),
    }));
    const found = existingDuplicates(rows, existing, 0.5, 1000);
    expect(existing.filter((e, i) => i % 2 && rows.some((a) => brute(a, e)))).not.toHaveLength(0);
    for (const a of rows) {
      const expected = existing
        .filter((e) => brute(a, e))
        .map((e) => e.key)
        .sort((x, y) => x - y);
      expect((found.get(a.key) ?? []).map((e) => e.key).sort((x, y) => x - y)).toEqual(expected);
    }
  });
});
