import type { SensitiveCategory } from "../../sensitive";
import { buildSchema } from "../build-schema";
import { mergeSuggestions } from "../suggest";
import type { Definition, Evaluation, Reason, Section, Suggestion, Urgency } from "../types";

export const CP_STATUSES = ["unaccompanied", "separated", "accompanied"] as const;
export const CP_SEPARATION_CAUSES = [
  "conflict_violence",
  "migration_journey",
  "sent_ahead",
  "lost_in_transit",
  "death_of_caregiver",
  "abandonment",
  "caregiver_detained",
  "trafficking",
  "other",
] as const;
export const CP_CARE = [
  "alone",
  "peers",
  "relatives",
  "community_member",
  "host_family",
  "foster_care",
  "safe_shelter",
  "residential_care",
  "employer",
  "detention",
] as const;
export const CP_CONCERNS = ["trafficked", "detained", "gbv", "child_labour", "armed_groups"] as const;
export const CP_RISK_LEVELS = ["low", "medium", "high"] as const;
export const CP_TRACING = [
  "not_started",
  "requested",
  "ongoing",
  "located",
  "not_located",
  "not_applicable",
] as const;

/** Care arrangements in which a child is not safe: a high-risk child there needs safe care at once. */
const UNSAFE_CARE: readonly string[] = ["alone", "peers", "employer", "detention"];

interface CpAnswers {
  [key: string]: string | string[] | undefined;
  status: (typeof CP_STATUSES)[number];
  separationCause?: string;
  careArrangement: (typeof CP_CARE)[number];
  concerns: Array<(typeof CP_CONCERNS)[number]>;
  riskLevel: (typeof CP_RISK_LEVELS)[number];
  tracingStatus?: string;
  notes?: string;
}

const UASC = ["unaccompanied", "separated"];

const sections: Section[] = [
  {
    key: "situation",
    items: [
      { key: "status", type: "choice", options: CP_STATUSES, optionSet: "cpStatus", required: true },
      {
        key: "separationCause",
        type: "choice",
        options: CP_SEPARATION_CAUSES,
        optionSet: "cpSeparationCause",
        required: true,
        showIf: { key: "status", in: UASC },
      },
      { key: "careArrangement", type: "choice", options: CP_CARE, optionSet: "cpCare", required: true },
      {
        key: "tracingStatus",
        type: "choice",
        options: CP_TRACING,
        optionSet: "cpTracing",
        required: true,
        showIf: { key: "status", in: UASC },
      },
    ],
  },
  {
    key: "protection",
    items: [
      { key: "concerns", type: "multi", options: CP_CONCERNS, optionSet: "cpConcerns", required: false },
      { key: "riskLevel", type: "choice", options: CP_RISK_LEVELS, optionSet: "riskLevel", required: true },
      { key: "notes", type: "text", maxLength: 4000, multiline: true, required: false },
    ],
  },
];

const CONCERN_SERVICES: Record<(typeof CP_CONCERNS)[number], Suggestion[]> = {
  trafficked: [{ service: "counter_trafficking", urgency: "high", reasonKey: "cp.trafficked" }],
  detained: [{ service: "atd", urgency: "high", reasonKey: "cp.detained" }],
  gbv: [
    { service: "health", urgency: "high", reasonKey: "cp.gbvHealth" },
    { service: "mhpss", urgency: "medium", reasonKey: "cp.gbvMhpss" },
  ],
  child_labour: [{ service: "child_protection", urgency: "medium", reasonKey: "cp.childLabour" }],
  armed_groups: [{ service: "child_protection", urgency: "high", reasonKey: "cp.armedGroups" }],
};

/** The risk level is the caseworker's judgement; the rules only turn it into referrals. */
function evaluate(a: CpAnswers): Evaluation {
  const uasc = UASC.includes(a.status);
  const urgency: Urgency = a.riskLevel;
  const reasons: Reason[] = [{ key: `cp.risk_${a.riskLevel}` }];
  if (uasc) reasons.push({ key: a.status === "unaccompanied" ? "cp.unaccompanied" : "cp.separated" });
  for (const concern of a.concerns) reasons.push({ key: `cp.concern_${concern}` });

  const suggestions: Suggestion[] = [];
  // Every unaccompanied or separated child gets a best interests assessment.
  if (uasc) suggestions.push({ service: "bid", urgency, reasonKey: "cp.uascBia" });
  if (uasc || a.riskLevel !== "low" || a.concerns.length > 0)
    suggestions.push({ service: "child_protection", urgency, reasonKey: "cp.caseManagement" });
  for (const concern of a.concerns) suggestions.push(...CONCERN_SERVICES[concern]);

  const flags: string[] = [];
  if (uasc) flags.push("uasc");
  if (a.riskLevel === "high" && UNSAFE_CARE.includes(a.careArrangement)) {
    flags.push("immediate_safe_care");
    reasons.push({ key: "cp.unsafeCare" });
  }
  if (uasc && a.tracingStatus === "not_started") reasons.push({ key: "cp.tracingNotStarted" });
  return { outcome: a.riskLevel, reasons, flags, suggestions: mergeSuggestions(suggestions) };
}

/** Answers naming gender-based violence are GBV data; those naming trafficking are trafficking data. */
export function cpSensitiveCategory(a: Pick<CpAnswers, "concerns">): SensitiveCategory | null {
  if (a.concerns.includes("gbv")) return "gbv";
  if (a.concerns.includes("trafficked")) return "trafficking";
  return null;
}

export const childProtectionV1: Definition = {
  id: "child_protection",
  version: 1,
  messages: "cpv1",
  sections,
  outcomes: CP_RISK_LEVELS,
  schema: buildSchema<CpAnswers>(sections),
  evaluate: (answers) => evaluate(answers as CpAnswers),
  sensitiveCategory: (answers) => cpSensitiveCategory(answers as CpAnswers),
  outcomeAlwaysVisible: false,
  childrenOnly: true,
};
