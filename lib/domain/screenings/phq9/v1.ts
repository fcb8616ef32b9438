import { buildSchema } from "../build-schema";
import type { Definition, Evaluation, Item, Reason, Suggestion } from "../types";

/** PHQ-9: nine items about the last two weeks, 0 (not at all) to 3 (nearly every day). */
const ITEM_KEYS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"] as const;
type Phq9Answers = Record<(typeof ITEM_KEYS)[number], number>;

const items: Item[] = ITEM_KEYS.map((key) => ({
  key,
  type: "scale",
  options: [0, 1, 2, 3],
  optionSet: "phq9Frequency",
  required: true,
}));

export const PHQ9_BANDS = ["minimal", "mild", "moderate", "moderately_severe", "severe"] as const;
export type Phq9Band = (typeof PHQ9_BANDS)[number];

/** Cut points 5, 10, 15 and 20 on the total (0-27). */
export function phq9Band(total: number): Phq9Band {
  if (total >= 20) return "severe";
  if (total >= 15) return "moderately_severe";
  if (total >= 10) return "moderate";
  if (total >= 5) return "mild";
  return "minimal";
}

function evaluate(answers: Phq9Answers): Evaluation {
  const total = ITEM_KEYS.reduce((sum, key) => sum + answers[key], 0);
  const band = phq9Band(total);
  const selfHarm = answers.q9 > 0;
  const suggestions: Suggestion[] = [];
  const reasons: Reason[] = [{ key: `phq9.${band}`, values: { total } }];
  // Any thought of self-harm needs specialised follow-up now, whatever the total.
  if (selfHarm) {
    reasons.push({ key: "phq9.selfHarm", values: { score: answers.q9 } });
    suggestions.push({ service: "mhpss", urgency: "high", reasonKey: "phq9.urgent" });
  } else if (band === "severe") {
    suggestions.push({ service: "mhpss", urgency: "high", reasonKey: "phq9.urgent" });
  } else if (band === "moderately_severe") {
    suggestions.push({ service: "mhpss", urgency: "medium", reasonKey: "phq9.focused" });
  } else if (band === "moderate") {
    suggestions.push({ service: "mhpss", urgency: "low", reasonKey: "phq9.focused" });
  }
  return {
    outcome: band,
    reasons,
    flags: [...(selfHarm || band === "severe" ? ["urgent"] : []), ...(selfHarm ? ["self_harm"] : [])],
    suggestions,
  };
}

export const phq9V1: Definition = {
  id: "phq9",
  version: 1,
  messages: "phq9v1",
  sections: [{ key: "last2Weeks", items }],
  outcomes: PHQ9_BANDS,
  schema: buildSchema<Phq9Answers>([{ key: "last2Weeks", items }]),
  evaluate: (answers) => evaluate(answers as Phq9Answers),
  sensitiveCategory: () => "health",
  outcomeAlwaysVisible: false,
  childrenOnly: false,
};
