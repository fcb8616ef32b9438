import { buildSchema, SCREENING_VALIDATION } from "../build-schema";
import type { Definition, Evaluation, EvaluationContext, Reason, Section, Suggestion } from "../types";

export const FTT_OUTCOMES = ["fit", "fit_with_conditions", "temporarily_unfit", "unfit"] as const;
export type FttOutcome = (typeof FTT_OUTCOMES)[number];
export const FTT_CONDITIONS = ["escort", "wheelchair", "oxygen", "medical_form"] as const;
export type FttCondition = (typeof FTT_CONDITIONS)[number];

/** A clearance is for a flight 24-72 hours away: it lapses 72 hours after the examination is recorded. */
export const FTT_VALIDITY_HOURS = 72;

const ACUTE = ["none", "minor", "serious"] as const;
const MEDICATION = ["none", "oral", "injectable_or_controlled"] as const;
const MOBILITY = ["independent", "walking_aid", "wheelchair_steps", "wheelchair_full", "stretcher"] as const;
const CAPACITY = ["yes", "guardian", "no"] as const;
const TB = ["cough_2_weeks", "coughing_blood", "night_sweats", "weight_loss", "fever"] as const;

interface FttAnswers {
  [key: string]: string | number | boolean | string[] | undefined;
  temperature: number;
  systolic: number;
  diastolic: number;
  pulse: number;
  respiratoryRate: number;
  spo2: number;
  pregnant: boolean;
  pregnancyWeeks?: number;
  tbSymptoms: string[];
  acuteIllness: (typeof ACUTE)[number];
  medication: (typeof MEDICATION)[number];
  mobility: (typeof MOBILITY)[number];
  escortNeeded: boolean;
  capacity: (typeof CAPACITY)[number];
  contraindication: boolean;
  recheckDate?: string;
  notes?: string;
}

const sections: Section[] = [
  {
    key: "vitals",
    items: [
      { key: "temperature", type: "number", min: 30, max: 44, step: 0.1, unit: "°C", required: true },
      { key: "systolic", type: "number", min: 50, max: 260, step: 1, unit: "mmHg", required: true },
      { key: "diastolic", type: "number", min: 30, max: 160, step: 1, unit: "mmHg", required: true },
      { key: "pulse", type: "number", min: 20, max: 250, step: 1, unit: "/min", required: true },
      { key: "respiratoryRate", type: "number", min: 4, max: 70, step: 1, unit: "/min", required: true },
      { key: "spo2", type: "number", min: 50, max: 100, step: 1, unit: "%", required: true },
    ],
  },
  {
    key: "conditions",
    items: [
      { key: "pregnant", type: "boolean", required: true },
      {
        key: "pregnancyWeeks",
        type: "number",
        min: 1,
        max: 42,
        step: 1,
        required: true,
        showIf: { key: "pregnant", in: [true] },
      },
      { key: "tbSymptoms", type: "multi", options: TB, optionSet: "tbSymptoms", required: false },
      { key: "acuteIllness", type: "choice", options: ACUTE, optionSet: "acuteIllness", required: true },
      { key: "medication", type: "choice", options: MEDICATION, optionSet: "medication", required: true },
      { key: "contraindication", type: "boolean", required: true },
    ],
  },
  {
    key: "travel",
    items: [
      { key: "mobility", type: "choice", options: MOBILITY, optionSet: "mobility", required: true },
      { key: "escortNeeded", type: "boolean", required: true },
      { key: "capacity", type: "choice", options: CAPACITY, optionSet: "capacity", required: true },
      { key: "recheckDate", type: "date", required: false },
      { key: "notes", type: "text", maxLength: 2000, multiline: true, required: false },
    ],
  },
];

/** The medical rules alone, independent of when the examination took place. */
export function assessFitness(a: FttAnswers): {
  outcome: FttOutcome;
  reasons: Reason[];
  conditions: FttCondition[];
} {
  const unfit: Reason[] = [];
  const temporary: Reason[] = [];
  const conditional: Reason[] = [];
  const conditions = new Set<FttCondition>();

  if (a.contraindication) unfit.push({ key: "ftt.contraindication" });
  if (a.mobility === "stretcher") unfit.push({ key: "ftt.stretcher" });
  if (a.capacity === "no") unfit.push({ key: "ftt.noCapacity" });

  if (a.temperature >= 38) temporary.push({ key: "ftt.fever", values: { temperature: a.temperature } });
  if (a.tbSymptoms.length > 0)
    temporary.push({ key: "ftt.tbSymptoms", values: { count: a.tbSymptoms.length } });
  if (a.acuteIllness === "serious") temporary.push({ key: "ftt.acuteSerious" });
  if (a.systolic >= 180 || a.diastolic >= 110)
    temporary.push({ key: "ftt.hypertension", values: { systolic: a.systolic, diastolic: a.diastolic } });
  if (a.systolic < 90) temporary.push({ key: "ftt.hypotension", values: { systolic: a.systolic } });
  if (a.pulse > 120 || a.pulse < 40) temporary.push({ key: "ftt.pulse", values: { pulse: a.pulse } });
  if (a.respiratoryRate > 24 || a.respiratoryRate < 10)
    temporary.push({ key: "ftt.respiration", values: { rate: a.respiratoryRate } });
  if (a.spo2 < 85) temporary.push({ key: "ftt.hypoxia", values: { spo2: a.spo2 } });
  // Airlines refuse passengers from 36 weeks; from 28 weeks they ask for a medical certificate.
  const weeks = a.pregnant ? (a.pregnancyWeeks ?? 0) : 0;
  if (weeks >= 36) temporary.push({ key: "ftt.lateTerm", values: { weeks } });

  if (a.spo2 >= 85 && a.spo2 < 92) {
    conditions.add("oxygen");
    conditional.push({ key: "ftt.oxygen", values: { spo2: a.spo2 } });
  }
  if (weeks >= 28 && weeks < 36) {
    conditions.add("medical_form");
    conditional.push({ key: "ftt.thirdTrimester", values: { weeks } });
  }
  if (a.acuteIllness === "minor") {
    conditions.add("medical_form");
    conditional.push({ key: "ftt.acuteMinor" });
  }
  if (a.medication === "injectable_or_controlled") {
    conditions.add("medical_form");
    conditional.push({ key: "ftt.medication" });
  }
  if (a.mobility === "wheelchair_steps" || a.mobility === "wheelchair_full") {
    conditions.add("wheelchair");
    conditional.push({
      key: `ftt.${a.mobility === "wheelchair_full" ? "wheelchairFull" : "wheelchairSteps"}`,
    });
  }
  if (a.mobility === "wheelchair_full" || a.escortNeeded || a.capacity === "guardian") {
    conditions.add("escort");
    conditional.push({ key: a.capacity === "guardian" ? "ftt.guardianEscort" : "ftt.escort" });
  }

  const ordered = FTT_CONDITIONS.filter((c) => conditions.has(c));
  if (unfit.length) return { outcome: "unfit", reasons: unfit, conditions: [] };
  if (temporary.length) return { outcome: "temporarily_unfit", reasons: temporary, conditions: ordered };
  if (ordered.length) return { outcome: "fit_with_conditions", reasons: conditional, conditions: ordered };
  return { outcome: "fit", reasons: [{ key: "ftt.noFindings" }], conditions: [] };
}

function evaluate(a: FttAnswers, context: EvaluationContext): Evaluation {
  const { outcome, reasons, conditions } = assessFitness(a);
  const fit = outcome === "fit" || outcome === "fit_with_conditions";
  const suggestions: Suggestion[] = fit
    ? [{ service: "vhr", urgency: "medium", reasonKey: "ftt.vhrMayProceed" }]
    : [
        {
          service: "health",
          urgency: outcome === "unfit" ? "high" : "medium",
          reasonKey: `ftt.${outcome}Care`,
        },
      ];
  return {
    outcome,
    reasons,
    flags: [],
    suggestions,
    conditions,
    ...(outcome === "temporarily_unfit" && a.recheckDate ? { recheckDate: a.recheckDate } : {}),
    ...(fit ? { validUntil: new Date(context.screenedAt.getTime() + FTT_VALIDITY_HOURS * 3_600_000) } : {}),
  };
}

export const fitToTravelV1: Definition = {
  id: "fit_to_travel",
  version: 1,
  messages: "fttv1",
  sections,
  outcomes: FTT_OUTCOMES,
  schema: buildSchema<FttAnswers>(sections, (a, ctx) => {
    // A postponement needs the date of the next examination; any other outcome has none.
    if (typeof a.temperature !== "number" || !Array.isArray(a.tbSymptoms)) return;
    const { outcome } = assessFitness(a);
    if (outcome === "temporarily_unfit" && !a.recheckDate)
      ctx.addIssue({
        code: "custom",
        path: ["recheckDate"],
        message: SCREENING_VALIDATION.recheckDateRequired,
      });
    if (outcome !== "temporarily_unfit" && a.recheckDate)
      ctx.addIssue({ code: "custom", path: ["recheckDate"], message: SCREENING_VALIDATION.notApplicable });
  }),
  evaluate: (answers, context) => evaluate(answers as FttAnswers, context),
  contextIssues: (answers, context) => {
    const recheck = (answers as FttAnswers).recheckDate;
    return recheck && recheck <= context.screenedOn
      ? [{ key: "recheckDate", message: SCREENING_VALIDATION.recheckDateAfterScreening }]
      : [];
  },
  sensitiveCategory: () => "health",
  outcomeAlwaysVisible: true,
  childrenOnly: false,
};
