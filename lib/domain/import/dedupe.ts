/**
 * The registration duplicate rule (name-key trigram similarity ≥ threshold, same nationality,
 * compatible sex, birth within two years) evaluated in memory for whole files, so 100,000 rows
 * are compared without 100,000 index probes. Trigrams and similarity follow pg_trgm exactly:
 * each word padded with two spaces before and one after, set semantics, |A∩B| / |A∪B|.
 * A prefix filter (rarest tokens first) within buckets of nationality and birth year keeps the
 * candidate pairs few; existing records stream through the file's index, so a million of them
 * never sit in memory at once.
 */

import { SEXES } from "../beneficiary";

export interface DedupeRow {
  key: number;
  nameKey: string;
  sex: string;
  nationality: string;
  dateOfBirth: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** pg_trgm's trigrams of a string, unique. */
export function trigrams(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const chars = [" ", " ", ...match[0], " "];
    for (let i = 0; i + 2 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  return [...out];
}

/**
 * pg_trgm's similarity of two gram lists, computed as the import computes it (sorted integer ids,
 * merged), so a comparison with PostgreSQL's own `similarity()` checks the import's arithmetic.
 */
export function trigramSimilarity(a: readonly string[], b: readonly string[]): number {
  const ids = new Map<string, number>();
  const idOf = (gram: string) => {
    let id = ids.get(gram);
    if (id === undefined) {
      id = ids.size;
      ids.set(gram, id);
    }
    return id;
  };
  const encode = (grams: readonly string[]) => Int32Array.from(grams, idOf).sort();
  return jaccard(encode(a), a.length, encode(b), b.length);
}

/** `date - interval 'n years'` as Postgres computes it (29 February falls back to the 28th). */
export function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4) === "-02-29" ? "-02-28" : iso.slice(4);
  return `${String(y).padStart(4, "0")}${rest}`;
}

/** Birth within two years of each other means birth years at most two apart. */
const YEAR_REACH = 2;

/** An ISO date as the number yyyymmdd, which orders as the date does. */
const dateNumber = (iso: string) =>
  Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

/** `shiftYears` on a yyyymmdd number. */
const shiftDateNumber = (n: number, years: number) => {
  const monthDay = n % 10_000;
  return (Math.floor(n / 10_000) + years) * 10_000 + (monthDay === 229 ? 228 : monthDay);
};

/** The sexes a row of this sex may match: unknown matches anyone, and anyone matches unknown. */
const compatibleSexes = (sex: string): readonly string[] => (sex === "unknown" ? SEXES : [sex, "unknown"]);

/**
 * Grams as integers, numbered rarest first by the file's own counts, so a row's ids in ascending
 * order are its grams in one global order. Any fixed order keeps the prefix filter exact; rarest
 * first only keeps the candidate lists short.
 */
class GramDictionary {
  private readonly ids = new Map<string, number>();
  constructor(rows: readonly DedupeRow[]) {
    const counts = new Map<string, number>();
    for (const r of rows) for (const g of trigrams(r.nameKey)) counts.set(g, (counts.get(g) ?? 0) + 1);
    const order = [...counts].sort(([x, a], [y, b]) => a - b || (x < y ? -1 : 1));
    for (const [i, [gram]] of order.entries()) this.ids.set(gram, i);
  }
  /** The grams the file has, ascending, and how many grams the name has in all. */
  encode(nameKey: string): { ids: Int32Array; size: number } {
    const grams = trigrams(nameKey);
    const known: number[] = [];
    for (const g of grams) {
      const id = this.ids.get(g);
      if (id !== undefined) known.push(id);
    }
    return { ids: Int32Array.from(known).sort(), size: grams.length };
  }
}

interface Entry<R extends DedupeRow> {
  row: R;
  /** Grams the file knows, in the global order. */
  ids: Int32Array;
  /** All the name's grams, known or not. */
  size: number;
  /** The known grams among the first prefixLength(size) in the global order: a match shares one. */
  probe: Int32Array;
  year: number;
  dob: number;
  /** The birth window: `dob` two years either side. */
  from: number;
  to: number;
  /** The last probe that met this entry, so a probe visits each candidate once. */
  seen: number;
}

/** Two sets with Jaccard ≥ t share a token among the first |x| - ceil(t·|x|) + 1 of each (in one order). */
const prefixLength = (size: number, threshold: number) => size - Math.ceil(threshold * size - 1e-9) + 1;

function entry<R extends DedupeRow>(row: R, dictionary: GramDictionary, threshold: number): Entry<R> {
  const { ids, size } = dictionary.encode(row.nameKey);
  // Grams the file lacks come first in the global order (count 0) and can meet nothing.
  const probe = ids.subarray(0, Math.max(0, prefixLength(size, threshold) - (size - ids.length)));
  const dob = dateNumber(row.dateOfBirth);
  return {
    row,
    ids,
    size,
    probe,
    year: Math.floor(dob / 10_000),
    dob,
    from: shiftDateNumber(dob, -2),
    to: shiftDateNumber(dob, 2),
    seen: 0,
  };
}

/**
 * |A∩B| / |A∪B| from the sorted ids of the grams both could share and each name's number of
 * grams in all (a gram only one side has still counts in the union).
 */
function jaccard(x: Int32Array, xSize: number, y: Int32Array, ySize: number): number {
  if (xSize === 0 || ySize === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const u = x[i] as number;
    const v = y[j] as number;
    if (u === v) {
      common++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return common / (xSize + ySize - common);
}

/** The rule, with `b` born within `a`'s window (nationality and sex are matched by the index). */
function score(a: Entry<DedupeRow>, b: Entry<DedupeRow>, threshold: number): number | null {
  if (b.dob < a.from || b.dob > a.to) return null;
  // Jaccard ≥ t needs sizes within a factor t of each other.
  if (a.size * threshold > b.size || b.size * threshold > a.size) return null;
  const s = jaccard(a.ids, a.size, b.ids, b.size);
  return s >= threshold ? s : null;
}

type Bucket<R extends DedupeRow> = Map<number, Entry<R>[]>;

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Entries by nationality, sex and birth year, then by each gram of their probe. */
class PrefixIndex<R extends DedupeRow> {
  private readonly buckets = new Map<string, Map<string, Map<number, Bucket<R>>>>();
  private probes = 0;

  add(e: Entry<R>): void {
    const { nationality, sex } = e.row;
    const bySex = getOrAdd(this.buckets, nationality, () => new Map<string, Map<number, Bucket<R>>>());
    const byYear = getOrAdd(bySex, sex, () => new Map<number, Bucket<R>>());
    const bucket = getOrAdd(byYear, e.year, (): Bucket<R> => new Map());
    for (const g of e.probe) {
      const list = bucket.get(g);
      if (list) list.push(e);
      else bucket.set(g, [e]);
    }
  }

  /** The buckets a row of this nationality, sex and birth year may match in. */
  private *bucketsFor(nationality: string, sex: string, year: number): Generator<Bucket<R>> {
    const bySex = this.buckets.get(nationality);
    if (!bySex) return;
    for (const s of compatibleSexes(sex)) {
      const byYear = bySex.get(s);
      if (!byYear) continue;
      for (let y = year - YEAR_REACH; y <= year + YEAR_REACH; y++) {
        const bucket = byYear.get(y);
        if (bucket) yield bucket;
      }
    }
  }

  /** Whether anything here could match a row of this nationality, sex and birth year. */
  reaches(nationality: string, sex: string, year: number): boolean {
    return !this.bucketsFor(nationality, sex, year).next().done;
  }

  /**
   * Calls `visit` once for every entry sharing a probe gram with `e`, of its nationality, a
   * compatible sex and in reach of its birth year.
   */
  forEachCandidate(e: Entry<DedupeRow>, visit: (candidate: Entry<R>) => void): void {
    const probe = ++this.probes;
    for (const bucket of this.bucketsFor(e.row.nationality, e.row.sex, e.year)) {
      for (const g of e.probe) {
        const list = bucket.get(g);
        if (!list) continue;
        for (const c of list) {
          if (c.seen === probe) continue;
          c.seen = probe;
          visit(c);
        }
      }
    }
  }
}

/** For each row repeating an earlier one (by `key` order), the first earlier row's key. */
export function inFileDuplicates(rows: readonly DedupeRow[], threshold: number): Map<number, number> {
  const dictionary = new GramDictionary(rows);
  const index = new PrefixIndex<DedupeRow>();
  const out = new Map<number, number>();
  for (const row of [...rows].sort((a, b) => a.key - b.key)) {
    const e = entry(row, dictionary, threshold);
    let first: number | undefined;
    index.forEachCandidate(e, (c) => {
      if ((first === undefined || c.row.key < first) && score(e, c, threshold) !== null) first = c.row.key;
    });
    if (first !== undefined) out.set(row.key, first);
    index.add(e);
  }
  return out;
}

/**
 * The existing records each file row likely repeats, best score first (ties by `order`), at most
 * `limit` each. Existing records are fed one at a time (`consider`) as they are read; only the
 * ones that match are kept.
 */
export class ExistingDuplicateFinder<E extends DedupeRow & { order: string }> {
  private readonly dictionary: GramDictionary;
  private readonly index = new PrefixIndex<DedupeRow>();
  private readonly found = new Map<number, Array<{ e: E; score: number }>>();

  constructor(
    rows: readonly DedupeRow[],
    private readonly threshold: number,
    private readonly limit: number,
  ) {
    this.dictionary = new GramDictionary(rows);
    for (const row of rows) this.index.add(entry(row, this.dictionary, threshold));
  }

  consider(existing: E): void {
    if (!this.index.reaches(existing.nationality, existing.sex, Number(existing.dateOfBirth.slice(0, 4))))
      return;
    const e = entry(existing, this.dictionary, this.threshold);
    this.index.forEachCandidate(e, (fileRow) => {
      const s = score(fileRow, e, this.threshold);
      if (s === null) return;
      const list = this.found.get(fileRow.row.key);
      if (list) list.push({ e: existing, score: s });
      else this.found.set(fileRow.row.key, [{ e: existing, score: s }]);
    });
  }

  result(): Map<number, E[]> {
    const out = new Map<number, E[]>();
    for (const [key, list] of this.found) {
      list.sort((x, y) => y.score - x.score || (x.e.order < y.e.order ? -1 : 1));
      out.set(
        key,
        list.slice(0, this.limit).map((f) => f.e),
      );
    }
    return out;
  }
}

/** The finder over records already in memory. */
export function existingDuplicates<E extends DedupeRow & { order: string }>(
  rows: readonly DedupeRow[],
  existing: Iterable<E>,
  threshold: number,
  limit: number,
): Map<number, E[]> {
  const finder = new ExistingDuplicateFinder<E>(rows, threshold, limit);
  for (const e of existing) finder.consider(e);
  return finder.result();
}
