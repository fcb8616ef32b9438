import { type ColumnMapping, IMPORT_FIELD_KEYS, IMPORT_FIELDS, type ImportField } from "./fields";

/**
 * A header as KoboToolbox/ODK write it, reduced for comparison: the group path is dropped
 * ("group_biodata/family_name" → "family_name"), accents folded, separators unified.
 */
export function normalizeHeader(header: string): string {
  const last = header.split(/[/:]/).at(-1) ?? header;
  return last
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}

function bigrams(s: string): string[] {
  const padded = ` ${s} `;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/** Dice coefficient on character bigrams: 1 for equal strings, 0 for nothing in common. */
export function headerSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  const counts = new Map<string, number>();
  for (const g of right) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of left) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** Below this a header is not proposed for a field: the supervisor picks it by hand. */
export const SUGGESTION_THRESHOLD = 0.72;

/**
 * Proposes a column for each field by header-name similarity with the field's known names.
 * Best pairs are taken first, and a column is used for one field at most.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const candidates: Array<{ field: ImportField; header: string; score: number }> = [];
  for (const header of headers) {
    const normalized = normalizeHeader(header);
    if (!normalized) continue;
    for (const field of IMPORT_FIELD_KEYS) {
      const names = [field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), ...IMPORT_FIELDS[field]];
      let score = 0;
      for (const name of names) score = Math.max(score, headerSimilarity(normalized, normalizeHeader(name)));
      if (score >= SUGGESTION_THRESHOLD) candidates.push({ field, header, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.header.localeCompare(b.header));
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.header)) continue;
    mapping[c.field] = c.header;
    used.add(c.header);
  }
  return mapping;
}
