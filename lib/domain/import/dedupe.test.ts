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

function sample(n: number, seed: number): DedupeRow[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => ({
    key: i + 2,
    nameKey: nameKey(pick(LAST), pick(FIRST)),
    sex: pick(["male", "female", "unknown"]),
    nationality: pick(["NER", "TCD"]),
    dateOfBirth: `${1980 + Math.floor(r() * 10)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
  }));
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

  it("finds exactly the existing records a full comparison finds", () => {
    const rows = sample(200, 4);
    const existing = sample(300, 5).map((e) => ({ ...e, order: String(e.key).padStart(5, "0") }));
    const found = existingDuplicates(rows, existing, 0.5, 1000);
    for (const a of rows) {
      const expected = existing
        .filter((e) => brute(a, e))
        .map((e) => e.key)
        .sort((x, y) => x - y);
      expect((found.get(a.key) ?? []).map((e) => e.key).sort((x, y) => x - y)).toEqual(expected);
    }
  });
});
