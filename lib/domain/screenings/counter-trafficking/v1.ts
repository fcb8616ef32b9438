import { buildSchema } from "../build-schema";
import type { Definition, Evaluation, EvaluationContext, Reason, Section, Suggestion } from "../types";

/** The Palermo Protocol's three elements. */
export const CT_ACTS = ["recruitment", "transport", "transfer", "harbouring", "receipt"] as const;
export const CT_MEANS = [
  "threat",
  "force",
  "coercion",
  "abduction",
  "fraud",
  "deception",
  "abuse_of_power",
  "abuse_of_vulnerability",
  "payments",
] as const;
export const CT_PURPOSES = [
  "sexual_exploitation",
  "forced_labour",
  "slavery",
  "servitude",
  "organ_removal",
] as const;
/** Corroborated by a trained counter-trafficking officer, or reasonable grounds from the account and indicators. */
export const CT_BASES = ["corroborated", "reasonable_grounds"] as const;
export const CT_OUTCOMES = ["identified_victim", "presumed_victim", "not_victim_vulnerable"] as const;
export type CtOutcome = (typeof CT_OUTCOMES)[number];

interface CtAnswers {
  [key: string]: string | string[] | undefined;
  acts: string[];
  means: string[];
  purposes: string[];
  basis?: (typeof CT_BASES)[number];
  account?: string;
}

const sections: Section[] = [
  {
    key: "elements",
    items: [
      { key: "acts", type: "multi", options: CT_ACTS, optionSet: "ctActs", required: false },
      { key: "means", type: "multi", options: CT_MEANS, optionSet: "ctMeans", required: false },
      { key: "purposes", type: "multi", options: CT_PURPOSES, optionSet: "ctPurposes", required: false },
    ],
  },
  {
    key: "assessment",
    items: [
      { key: "basis", type: "choice", options: CT_BASES, optionSet: "ctBasis", required: true },
      { key: "account", type: "text", maxLength: 4000, multiline: true, required: false },
    ],
  },
];

/**
 * For a child, act and purpose suffice: a child cannot consent to exploitation, so the means do not
 * matter. An adult needs all three elements.
 */
export function ctOutcome(
  a: Pick<CtAnswers, "acts" | "means" | "purposes" | "basis">,
  isChild: boolean,
): CtOutcome {
  const complete = a.acts.length > 0 && a.purposes.length > 0 && (isChild || a.means.length > 0);
  if (!complete) return "not_victim_vulnerable";
  return a.basis === "corroborated" ? "identified_victim" : "presumed_victim";
}

function evaluate(a: CtAnswers, context: EvaluationContext): Evaluation {
  const isChild = context.ageAtScreening < 18;
  const outcome = ctOutcome(a, isChild);
  const reasons: Reason[] = [];
  if (outcome === "not_victim_vulnerable") {
    if (a.acts.length === 0) reasons.push({ key: "ct.missingAct" });
    if (!isChild && a.means.length === 0) reasons.push({ key: "ct.missingMeans" });
    if (a.purposes.length === 0) reasons.push({ key: "ct.missingPurpose" });
  } else {
    reasons.push({ key: isChild ? "ct.childElements" : "ct.adultElements" });
    reasons.push({ key: outcome === "identified_victim" ? "ct.corroborated" : "ct.reasonableGrounds" });
  }
  const suggestions: Suggestion[] = [];
  if (outcome === "not_victim_vulnerable") {
    suggestions.push({ service: "direct_assistance", urgency: "low", reasonKey: "ct.vulnerable" });
  } else {
    suggestions.push({ service: "counter_trafficking", urgency: "high", reasonKey: "ct.victimAssistance" });
    if (isChild)
      suggestions.push({ service: "child_protection", urgency: "high", reasonKey: "ct.childVictim" });
  }
  return {
    outcome,
    reasons,
    flags: [...(outcome !== "not_victim_vulnerable" ? ["trafficking"] : []), ...(isChild ? ["child"] : [])],
    suggestions,
  };
}

export const counterTraffickingV1: Definition = {
  id: "counter_trafficking",
  version: 1,
  messages: "ctv1",
  sections,
  outcomes: CT_OUTCOMES,
  schema: buildSchema<CtAnswers>(sections),
  evaluate: (answers, context) => evaluate(answers as CtAnswers, context),
  sensitiveCategory: () => "trafficking",
  outcomeAlwaysVisible: false,
  childrenOnly: false,
};
