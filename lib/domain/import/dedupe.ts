/**
 * The registration duplicate rule (name-key trigram similarity ≥ threshold, same nationality,
 * compatible sex, birth within two years) evaluated in memory for whole files, so 100,000 rows
 * are compared without 100,000 index probes. Trigrams and similarity follow pg_trgm exactly:
 * each word padded with two spaces before and one after, set semantics, |A∩B| / |A∪B|.
 * A prefix filter (rarest tokens first) keeps the candidate pairs few.
 */

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

export function trigramSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let common = 0;
  for (const t of b) if (set.has(t)) common++;
  return common / (a.length + b.length - common);
}

/** `date - interval 'n years'` as Postgres computes it (29 February falls back to the 28th). */
export function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4) === "-02-29" ? "-02-28" : iso.slice(4);
  return `${String(y).padStart(4, "0")}${rest}`;
}

const sexCompatible = (a: string, b: string) => a === "unknown" || b === "unknown" || a === b;

interface Prepared<R extends DedupeRow> {
  row: R;
  grams: string[];
  /** Grams sorted rarest first. */
  ordered: string[];
}

function prepare<R extends DedupeRow>(rows: readonly R[], frequency: Map<string, number>): Prepared<R>[] {
  return rows.map((row) => {
    const grams = trigrams(row.nameKey);
    const ordered = [...grams].sort(
      (x, y) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0) || (x < y ? -1 : 1),
    );
    return { row, grams, ordered };
  });
}

/** Two sets with Jaccard ≥ t share a token among the first |x| - ceil(t·|x|) + 1 of each (rarest first). */
const prefixLength = (size: number, threshold: number) => size - Math.ceil(threshold * size - 1e-9) + 1;

function countFrequencies(...groups: ReadonlyArray<readonly DedupeRow[]>): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const rows of groups) {
    for (const r of rows) for (const g of trigrams(r.nameKey)) frequency.set(g, (frequency.get(g) ?? 0) + 1);
  }
  return frequency;
}

function matches(a: Prepared<DedupeRow>, b: Prepared<DedupeRow>, threshold: number): number | null {
  if (!sexCompatible(a.row.sex, b.row.sex)) return null;
  const dob = a.row.dateOfBirth;
  if (b.row.dateOfBirth < shiftYears(dob, -2) || b.row.dateOfBirth > shiftYears(dob, 2)) return null;
  const score = trigramSimilarity(a.grams, b.grams);
  return score >= threshold ? score : null;
}

/** Builds a token → rows index over the prefixes of `rows`, per nationality. */
class PrefixIndex<R extends DedupeRow> {
  private readonly index = new Map<string, Prepared<R>[]>();
  constructor(private readonly threshold: number) {}
  add(p: Prepared<R>): void {
    for (const g of p.ordered.slice(0, prefixLength(p.ordered.length, this.threshold))) {
      const k = `${p.row.nationality}|${g}`;
      const list = this.index.get(k);
      if (list) list.push(p);
      else this.index.set(k, [p]);
    }
  }
  candidates(p: Prepared<DedupeRow>): Set<Prepared<R>> {
    const out = new Set<Prepared<R>>();
    for (const g of p.ordered.slice(0, prefixLength(p.ordered.length, this.threshold))) {
      for (const c of this.index.get(`${p.row.nationality}|${g}`) ?? []) out.add(c);
    }
    return out;
  }
}

/** For each row repeating an earlier one (by `key` order), the first earlier row's key. */
export function inFileDuplicates(rows: readonly DedupeRow[], threshold: number): Map<number, number> {
  const prepared = prepare(
    [...rows].sort((a, b) => a.key - b.key),
    countFrequencies(rows),
  );
  const index = new PrefixIndex<DedupeRow>(threshold);
  const out = new Map<number, number>();
  for (const p of prepared) {
    let first: number | undefined;
    for (const c of index.candidates(p)) {
      if (matches(p, c, threshold) !== null && (first === undefined || c.row.key < first)) first = c.row.key;
    }
    if (first !== undefined) out.set(p.row.key, first);
    index.add(p);
  }
  return out;
}

/** For each file row, the existing rows it likely repeats, best score first (ties by `order`). */
export function existingDuplicates<E extends DedupeRow & { order: string }>(
  rows: readonly DedupeRow[],
  existing: readonly E[],
  threshold: number,
  limit: number,
): Map<number, E[]> {
  const frequency = countFrequencies(rows, existing);
  const index = new PrefixIndex<E>(threshold);
  for (const p of prepare(existing, frequency)) index.add(p);
  const out = new Map<number, E[]>();
  for (const p of prepare(rows, frequency)) {
    const found: Array<{ e: E; score: number }> = [];
    for (const c of index.candidates(p)) {
      const score = matches(p, c, threshold);
      if (score !== null) found.push({ e: c.row, score });
    }
    if (found.length === 0) continue;
    found.sort((x, y) => y.score - x.score || (x.e.order < y.e.order ? -1 : 1));
    out.set(
      p.row.key,
      found.slice(0, limit).map((f) => f.e),
    );
  }
  return out;
}
