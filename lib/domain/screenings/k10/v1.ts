import { buildSchema } from "../build-schema";
import type { Definition, Evaluation, Item, Suggestion } from "../types";

/** Kessler K10: ten items about the last 30 days, 1 (none of the time) to 5 (all of the time). */
const ITEM_KEYS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"] as const;
type K10Answers = Record<(typeof ITEM_KEYS)[number], number>;

const items: Item[] = ITEM_KEYS.map((key) => ({
  key,
  type: "scale",
  options: [1, 2, 3, 4, 5],
  optionSet: "k10Frequency",
  required: true,
}));

export const K10_BANDS = ["low", "moderate", "high", "very_high"] as const;
export type K10Band = (typeof K10_BANDS)[number];

/** Bands of the total (10-50): 10-15 low, 16-21 moderate, 22-29 high, 30-50 very high. */
export function k10Band(total: number): K10Band {
  if (total >= 30) return "very_high";
  if (total >= 22) return "high";
  if (total >= 16) return "moderate";
  return "low";
}

function evaluate(answers: K10Answers): Evaluation {
  const total = ITEM_KEYS.reduce((sum, key) => sum + answers[key], 0);
  const band = k10Band(total);
  const suggestions: Suggestion[] = [];
  // A screen, not a diagnosis: distress grades how soon MHPSS should see the person.
  if (band === "very_high") suggestions.push({ service: "mhpss", urgency: "high", reasonKey: "k10.urgent" });
  if (band === "high") suggestions.push({ service: "mhpss", urgency: "medium", reasonKey: "k10.focused" });
  if (band === "moderate") suggestions.push({ service: "mhpss", urgency: "low", reasonKey: "k10.focused" });
  return {
    outcome: band,
    reasons: [{ key: `k10.${band}`, values: { total } }],
    flags: band === "very_high" ? ["urgent"] : [],
    suggestions,
  };
}

export const k10V1: Definition = {
  id: "k10",
  version: 1,
  messages: "k10v1",
  sections: [{ key: "last30Days", items }],
  outcomes: K10_BANDS,
  schema: buildSchema<K10Answers>([{ key: "last30Days", items }]),
  evaluate: (answers) => evaluate(answers as K10Answers),
  sensitiveCategory: () => "health",
  outcomeAlwaysVisible: false,
  childrenOnly: false,
};
