/**
 * The registration duplicate rule (name-key trigram similarity ≥ threshold, same nationality,
 * compatible sex, birth within two years) evaluated in memory for whole files, so 100,000 rows
 * are compared without 100,000 index probes. Trigrams and similarity follow pg_trgm exactly:
 * each word padded with two spaces before and one after, set semantics, |A∩B| / |A∪B|.
 * A prefix filter (rarest tokens first) within buckets of nationality and birth year keeps the
 * candidate pairs few; existing records stream through the file's index, so a million of them
 * never sit in memory at once. That stream is the import's hot loop: a gram is a number rather
 * than a string, a bucket's lists are an array indexed by gram id, the buckets in reach of a
 * nationality, sex and year are looked up once, and a record that matches nothing allocates
 * nothing.
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
  return jaccard(encode(a), a.length, a.length, encode(b), b.length, b.length);
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
 * A trigram as a number: its three UTF-16 code units, 16 bits each. `trigrams` gives the same
 * grams as strings; the number only saves building a string per gram, a million names over.
 * A name with a character outside the Basic Multilingual Plane takes the string path.
 */
type GramKey = number | string;

const SPACE = 32;
const gramNumber = (a: number, b: number, c: number) => a * 4_294_967_296 + b * 65_536 + c;

/** Whether a code unit is a letter or a digit, as `WORD` decides; learnt once per character. */
const wordCharacter = new Uint8Array(65_536);
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
function isWordCharacter(code: number): boolean {
  let known = wordCharacter[code] as number;
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    wordCharacter[code] = known;
  }
  return known === 1;
}

const ASTRAL = /[\uD800-\uDFFF]/;
let sortScratch = new Float64Array(256);

/** The name's unique grams as keys, written into `out` from 0; returns how many. */
function gramKeys(nameKey: string, out: GramKey[]): number {
  const text = nameKey.toLowerCase();
  if (ASTRAL.test(text)) {
    const grams = trigrams(text);
    for (const [i, g] of grams.entries()) {
      const codes = [...g].map((ch) => ch.codePointAt(0) as number);
      out[i] = codes.every((c) => c <= 0xffff) ? gramNumber(...(codes as [number, number, number])) : g;
    }
    return grams.length;
  }
  let n = 0;
  let a = SPACE;
  let b = SPACE;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : SPACE;
    if (i < text.length && isWordCharacter(code)) {
      if (!inWord) {
        inWord = true;
        a = SPACE;
        b = SPACE;
      }
      out[n++] = gramNumber(a, b, code);
      a = b;
      b = code;
    } else if (inWord) {
      inWord = false;
      out[n++] = gramNumber(a, b, SPACE);
    }
  }
  // Set semantics: a gram a name repeats counts once.
  if (n > 1) {
    if (sortScratch.length < n) sortScratch = new Float64Array(n * 2);
    const grams = sortScratch;
    for (let i = 0; i < n; i++) grams[i] = out[i] as number;
    grams.subarray(0, n).sort();
    let unique = 0;
    for (let i = 0; i < n; i++) if (i === 0 || grams[i] !== grams[i - 1]) out[unique++] = grams[i] as number;
    n = unique;
  }
  return n;
}

/**
 * Grams as integers, numbered rarest first by the file's own counts, so a row's ids in ascending
 * order are its grams in one global order. Any fixed order keeps the prefix filter exact; rarest
 * first only keeps the candidate lists short.
 */
class GramDictionary {
  private readonly ids = new Map<GramKey, number>();
  private readonly keys: GramKey[] = [];
  constructor(rows: readonly DedupeRow[]) {
    const counts = new Map<GramKey, number>();
    for (const r of rows) {
      const n = gramKeys(r.nameKey, this.keys);
      for (let i = 0; i < n; i++) {
        const g = this.keys[i] as GramKey;
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    }
    const order = [...counts].sort(([x, a], [y, b]) => a - b || compareKeys(x, y));
    for (const [i, [gram]] of order.entries()) this.ids.set(gram, i);
  }
  get size(): number {
    return this.ids.size;
  }
  /**
   * The name's grams the file has, as ids ascending in `out` from 0, and how many grams the name
   * has in all (`size`); returns how many ids it wrote.
   */
  encodeInto(nameKey: string, out: Int32Array): { known: number; size: number } {
    const size = gramKeys(nameKey, this.keys);
    let known = 0;
    for (let i = 0; i < size; i++) {
      const id = this.ids.get(this.keys[i] as GramKey);
      if (id !== undefined) out[known++] = id;
    }
    out.subarray(0, known).sort();
    return { known, size };
  }
}

const compareKeys = (x: GramKey, y: GramKey) =>
  typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;

/** Room for a name's grams: never more than two a character (one each, and one a word's end). */
const scratchFor = (nameKey: string, scratch: Int32Array) =>
  scratch.length > nameKey.length * 2 + 8 ? scratch : new Int32Array(nameKey.length * 2 + 8);

interface Probe {
  /** Grams the file knows, in the global order; the first `known` are the name's. */
  ids: Int32Array;
  known: number;
  /** All the name's grams, known or not. */
  size: number;
  dob: number;
}

interface Entry<R extends DedupeRow> extends Probe {
  row: R;
  /** How many of `ids`, from the start, to look up: a match shares one of them. */
  probe: number;
  year: number;
  /** The birth window: `dob` two years either side. */
  from: number;
  to: number;
  /** The last probe that met this entry, so a probe visits each candidate once. */
  seen: number;
}

/** Two sets with Jaccard ≥ t share a token among the first |x| - ceil(t·|x|) + 1 of each (in one order). */
const prefixLength = (size: number, threshold: number) => size - Math.ceil(threshold * size - 1e-9) + 1;

/** Grams the file lacks come first in the global order (count 0) and can meet nothing. */
const probeLength = (known: number, size: number, threshold: number) =>
  Math.max(0, prefixLength(size, threshold) - (size - known));

function entry<R extends DedupeRow>(row: R, dictionary: GramDictionary, threshold: number): Entry<R> {
  const scratch = new Int32Array(row.nameKey.length * 2 + 8);
  const { known, size } = dictionary.encodeInto(row.nameKey, scratch);
  const dob = dateNumber(row.dateOfBirth);
  return {
    row,
    ids: scratch.slice(0, known),
    known,
    size,
    probe: probeLength(known, size, threshold),
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
function jaccard(
  x: Int32Array,
  xKnown: number,
  xSize: number,
  y: Int32Array,
  yKnown: number,
  ySize: number,
): number {
  if (xSize === 0 || ySize === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < xKnown && j < yKnown) {
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
function score(a: Entry<DedupeRow>, b: Probe, threshold: number): number | null {
  if (b.dob < a.from || b.dob > a.to) return null;
  // Jaccard ≥ t needs sizes within a factor t of each other.
  if (a.size * threshold > b.size || b.size * threshold > a.size) return null;
  const s = jaccard(a.ids, a.known, a.size, b.ids, b.known, b.size);
  return s >= threshold ? s : null;
}

/** A bucket's entries by gram id: an array as long as the dictionary, since ids are dense. */
type Bucket<R extends DedupeRow> = Array<Entry<R>[] | undefined>;

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const NO_BUCKETS: never[] = [];

/** Entries by nationality, sex and birth year, then by each gram of their probe. */
class PrefixIndex<R extends DedupeRow> {
  private readonly buckets = new Map<string, Map<string, Map<number, Bucket<R>>>>();
  /** The buckets in reach of a nationality, sex and birth year; forgotten when a bucket is made. */
  private readonly reach = new Map<string, Map<string, Map<number, Bucket<R>[]>>>();
  private probes = 0;

  constructor(private readonly grams: number) {}

  add(e: Entry<R>): void {
    const { nationality, sex } = e.row;
    const bySex = getOrAdd(this.buckets, nationality, () => new Map<string, Map<number, Bucket<R>>>());
    const byYear = getOrAdd(bySex, sex, () => new Map<number, Bucket<R>>());
    let bucket = byYear.get(e.year);
    if (!bucket) {
      bucket = new Array(this.grams);
      byYear.set(e.year, bucket);
      this.reach.clear();
    }
    for (let i = 0; i < e.probe; i++) {
      const g = e.ids[i] as number;
      const list = bucket[g];
      if (list) list.push(e);
      else bucket[g] = [e];
    }
  }

  /** The buckets a row of this nationality, sex and birth year may match in. */
  bucketsFor(nationality: string, sex: string, year: number): Bucket<R>[] {
    const byYear = getOrAdd(
      getOrAdd(this.reach, nationality, () => new Map()),
      sex,
      () => new Map(),
    );
    let found = byYear.get(year);
    if (found === undefined) {
      found = [];
      const bySex = this.buckets.get(nationality);
      for (const s of bySex ? compatibleSexes(sex) : []) {
        const years = bySex?.get(s);
        for (let y = year - YEAR_REACH; years && y <= year + YEAR_REACH; y++) {
          const bucket = years.get(y);
          if (bucket) found.push(bucket);
        }
      }
      if (found.length === 0) found = NO_BUCKETS;
      byYear.set(year, found);
    }
    return found;
  }

  /**
   * Calls `visit` once for every entry sharing one of the first `probe` grams of `ids`, among
   * `buckets` (from `bucketsFor`).
   */
  forEachCandidate(
    buckets: readonly Bucket<R>[],
    ids: Int32Array,
    probe: number,
    visit: (candidate: Entry<R>) => void,
  ): void {
    const stamp = ++this.probes;
    for (const bucket of buckets) {
      for (let i = 0; i < probe; i++) {
        const list = bucket[ids[i] as number];
        if (!list) continue;
        for (const c of list) {
          if (c.seen === stamp) continue;
          c.seen = stamp;
          visit(c);
        }
      }
    }
  }
}

/** For each row repeating an earlier one (by `key` order), the first earlier row's key. */
export function inFileDuplicates(rows: readonly DedupeRow[], threshold: number): Map<number, number> {
  const dictionary = new GramDictionary(rows);
  const index = new PrefixIndex<DedupeRow>(dictionary.size);
  const out = new Map<number, number>();
  for (const row of [...rows].sort((a, b) => a.key - b.key)) {
    const e = entry(row, dictionary, threshold);
    let first: number | undefined;
    index.forEachCandidate(index.bucketsFor(row.nationality, row.sex, e.year), e.ids, e.probe, (c) => {
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
 * ones that match are kept, and one that cannot match allocates nothing.
 */
export class ExistingDuplicateFinder<E extends DedupeRow & { order: string }> {
  private readonly dictionary: GramDictionary;
  private readonly index: PrefixIndex<DedupeRow>;
  private readonly found = new Map<number, Array<{ e: E; score: number }>>();
  private readonly probe: Probe = { ids: new Int32Array(256), known: 0, size: 0, dob: 0 };

  constructor(
    rows: readonly DedupeRow[],
    private readonly threshold: number,
    private readonly limit: number,
  ) {
    this.dictionary = new GramDictionary(rows);
    this.index = new PrefixIndex<DedupeRow>(this.dictionary.size);
    for (const row of rows) this.index.add(entry(row, this.dictionary, threshold));
  }

  consider(existing: E): void {
    const buckets = this.index.bucketsFor(
      existing.nationality,
      existing.sex,
      Number(existing.dateOfBirth.slice(0, 4)),
    );
    if (buckets.length === 0) return;
    const p = this.probe;
    p.ids = scratchFor(existing.nameKey, p.ids);
    const { known, size } = this.dictionary.encodeInto(existing.nameKey, p.ids);
    const probe = probeLength(known, size, this.threshold);
    if (probe === 0) return;
    p.known = known;
    p.size = size;
    p.dob = dateNumber(existing.dateOfBirth);
    this.index.forEachCandidate(buckets, p.ids, probe, (fileRow) => {
      const s = score(fileRow, p, this.threshold);
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
