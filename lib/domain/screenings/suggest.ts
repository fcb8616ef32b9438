import type { Service, Suggestion, Urgency } from "./types";

const RANK: Record<Urgency, number> = { high: 0, medium: 1, low: 2 };

/** One suggestion per service, keeping the most urgent; ordered by urgency, then as first suggested. */
export function mergeSuggestions(list: readonly Suggestion[]): Suggestion[] {
  const byService = new Map<Service, Suggestion>();
  for (const s of list) {
    const seen = byService.get(s.service);
    if (!seen || RANK[s.urgency] < RANK[seen.urgency]) byService.set(s.service, s);
  }
  return [...byService.values()].sort((a, b) => RANK[a.urgency] - RANK[b.urgency]);
}

/** The more urgent of two levels. */
export function mostUrgent(a: Urgency, b: Urgency): Urgency {
  return RANK[a] <= RANK[b] ? a : b;
}
