import "server-only";
import { type Column, type Placeholder, type SQL, sql } from "drizzle-orm";

/** A stored name's trigram signature and trigram count (beneficiaries.name_signature, .name_trigrams). */
export interface StoredSignature {
  signature: SQL | Column;
  trigrams: SQL | Column;
}

/**
 * True for every stored name whose similarity to `key` can reach `threshold`, and false for most
 * others, from the trigram signatures alone (migration 0035). similarity() is the number of
 * trigrams two keys share over the number in either, c / (a + b - c). It reaches s only when
 * c >= s (a + b) / (1 + s), that is when the trigrams in one key but not the other number at most
 * (a + b)(1 - s) / (1 + s): a third of a + b at 1/2. A signature bit set in one key and not the
 * other comes from such a trigram, so the bits that differ are never more. Comparing signatures
 * costs a tenth of scoring a name; the small slack keeps rounding from ever excluding a match.
 *
 * The planner orders separate conditions by its own cost estimates, which put similarity() first:
 * callers combine the two in one expression (`case when … then similarity(…) >= s end`).
 */
export function mayReachSimilarity(
  stored: StoredSignature,
  key: string | Placeholder,
  threshold: number,
): SQL {
  const differing = sql`bit_count((${stored.signature} # name_trigram_signature(${key}))::bit(64))`;
  const trigrams = sql`${stored.trigrams} + cardinality(show_trgm(${key}))`;
  return sql`${differing} * ${1 + threshold}::float8 <= (${trigrams}) * ${1 - threshold}::float8 + 1e-9`;
}
