import { z } from "zod";
import { todayIso } from "../domain/age";
import {
  AGENCIES,
  BID_OPTIONS,
  BID_REASONS,
  CAREGIVER_CONSENT,
  POSITIONS,
  REPORT_ELEMENTS,
  REVIEW_REASONS,
  TRACING_OUTCOMES,
} from "../domain/bid/constants";
import { isoDate, requiredText, uuid } from "./common";

const LONG = 4000;
const text = (max = LONG) => z.string().trim().max(max, "tooLong").default("");
const version = z.coerce.number({ error: "invalid" }).int().positive();
const reason = z.string({ error: "required" }).trim().min(10, "reasonTooShort").max(2000, "tooLong");
const pastDate = isoDate.refine((d) => d <= todayIso(), "futureDate");

export const biaSchema = z.object({
  beneficiaryId: uuid,
  version: version.optional(),
  situation: text(),
  careArrangement: text(),
  tracingStatus: text(),
  childViews: text(),
  howHeard: text(),
  risks: text(),
  immediateNeeds: text(),
});
export type BiaInput = z.input<typeof biaSchema>;

export const biaReviewSchema = z
  .object({
    biaId: uuid,
    version,
    decision: z.enum(["approve", "return"], { error: "required" }),
    reason: z.string().trim().max(2000, "tooLong").optional(),
  })
  .refine((v) => v.decision === "approve" || (v.reason ?? "").length >= 10, {
    path: ["reason"],
    message: "reasonTooShort",
  });
export type BiaReviewInput = z.input<typeof biaReviewSchema>;

export const bidRequiredSchema = z.object({
  biaId: uuid,
  reasons: z.array(z.enum(BID_REASONS)).min(1, "bid.validation.reasonRequired"),
  reasonNote: reason,
});
export type BidRequiredInput = z.input<typeof bidRequiredSchema>;

export const reportSchema = z.object({
  reason: text(),
  tracingRequests: z
    .array(z.object({ agency: text(200), requestedOn: z.union([isoDate, z.literal("")]).default("") }))
    .max(10, "tooMany")
    .default([])
    .transform((rows) => rows.filter((r) => r.agency !== "" || r.requestedOn !== "")),
  tracingOutcome: z.enum(TRACING_OUTCOMES).nullable().default(null),
  familyAssessment: text(),
  childViews: text(),
  childHeardLanguage: text(200),
  childHeardInterpreter: z.boolean().default(false),
  childAgeMaturity: text(1000),
  caregiverViews: text(),
  caregiverConsent: z.enum(CAREGIVER_CONSENT).nullable().default(null),
  risksLibya: text(),
  risksTransit: text(),
  risksDestination: text(),
  health: text(),
  education: text(),
  identityCulture: text(),
  siblings: text(),
  options: z
    .array(z.object({ option: z.enum(BID_OPTIONS), pros: text(2000), cons: text(2000) }))
    .max(7, "tooMany")
    .default([]),
  recommendedOption: z.enum(BID_OPTIONS).nullable().default(null),
  rationale: text(),
});

export const bidReportSchema = z.object({
  bidId: uuid,
  version,
  report: reportSchema,
  missingReasons: z
    .partialRecord(z.enum(REPORT_ELEMENTS), z.string().trim().max(1000, "tooLong"))
    .default({})
    .transform((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v && v.length > 0))),
});
export type BidReportInput = z.input<typeof bidReportSchema>;

export const bidSupervisorSchema = z
  .object({
    bidId: uuid,
    version,
    decision: z.enum(["submit_to_panel", "return"], { error: "required" }),
    reason: z.string().trim().max(2000, "tooLong").optional(),
  })
  .refine((v) => v.decision === "submit_to_panel" || (v.reason ?? "").length >= 10, {
    path: ["reason"],
    message: "reasonTooShort",
  });
export type BidSupervisorInput = z.input<typeof bidSupervisorSchema>;

export const panelConfigSchema = z.object({
  version,
  quorum: z.coerce
    .number({ error: "invalidNumber" })
    .int("invalidNumber")
    .min(2, "bid.validation.quorumRange")
    .max(20, "bid.validation.quorumRange"),
  requiredAgencies: z.array(z.enum(AGENCIES)).default([]),
  accessDays: z.coerce
    .number({ error: "invalidNumber" })
    .int("invalidNumber")
    .min(0, "bid.validation.daysRange")
    .max(365, "bid.validation.daysRange"),
  ageOutHorizonDays: z.coerce
    .number({ error: "invalidNumber" })
    .int("invalidNumber")
    .min(0, "bid.validation.daysRange")
    .max(365, "bid.validation.daysRange"),
});
export type PanelConfigInput = z.input<typeof panelConfigSchema>;

export const panelMemberSchema = z.object({
  userId: uuid,
  agency: z.enum(AGENCIES, { error: "required" }),
  isChair: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type PanelMemberInput = z.input<typeof panelMemberSchema>;

export const sessionSchema = z.object({
  title: requiredText(200),
  sessionDate: isoDate,
});
export type SessionInput = z.input<typeof sessionSchema>;

export const agendaSchema = z.object({ sessionId: uuid, bidId: uuid });
export const inviteSchema = z.object({ sessionId: uuid, userIds: z.array(uuid).min(1, "required") });
export const sessionIdSchema = z.object({ sessionId: uuid });

export const voteSchema = z
  .object({
    sessionId: uuid,
    bidId: uuid,
    position: z.enum(POSITIONS, { error: "required" }),
    option: z.union([z.enum(BID_OPTIONS), z.literal("")]).optional(),
    reasons: reason,
  })
  .refine((v) => (v.position !== "approve" && v.position !== "approve_with_conditions") || !!v.option, {
    path: ["option"],
    message: "bid.validation.optionRequired",
  });
export type VoteInput = z.input<typeof voteSchema>;

export const conflictSchema = z.object({ sessionId: uuid, bidId: uuid, conflictReason: reason });
export type ConflictInput = z.input<typeof conflictSchema>;

export const decisionSchema = z
  .object({
    sessionId: uuid,
    bidId: uuid,
    outcome: z.enum(["approved", "approved_with_conditions", "deferred", "not_approved"], {
      error: "required",
    }),
    chosenOption: z.union([z.enum(BID_OPTIONS), z.literal("")]).optional(),
    conditions: z.string().trim().max(LONG, "tooLong").optional(),
    rationale: reason,
    questions: z.string().trim().max(LONG, "tooLong").optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.outcome === "approved" || v.outcome === "approved_with_conditions") && !v.chosenOption)
      ctx.addIssue({ code: "custom", path: ["chosenOption"], message: "bid.validation.optionRequired" });
    if (v.outcome === "approved_with_conditions" && !v.conditions)
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "bid.validation.conditionsRequired" });
    if (v.outcome === "deferred" && (v.questions ?? "").length < 10)
      ctx.addIssue({ code: "custom", path: ["questions"], message: "bid.validation.questionsRequired" });
  });
export type DecisionInput = z.input<typeof decisionSchema>;

export const informedSchema = z
  .object({
    bidId: uuid,
    version,
    informedOn: pastDate,
    informedHow: requiredText(1000),
    implementationPlan: requiredText(LONG),
    followUp: requiredText(LONG),
    reviewDate: isoDate,
  })
  .refine((v) => v.reviewDate >= v.informedOn, {
    path: ["reviewDate"],
    message: "bid.validation.reviewAfterInformed",
  });
export type InformedInput = z.input<typeof informedSchema>;

export const reviewRequestSchema = z.object({
  bidId: uuid,
  version,
  reason: z.enum(REVIEW_REASONS, { error: "required" }),
  detail: reason,
});
export type ReviewRequestInput = z.input<typeof reviewRequestSchema>;

export const reviewResolutionSchema = z.object({
  bidId: uuid,
  version,
  resolution: z.enum(["reopen", "decline"], { error: "required" }),
  reason,
});
export type ReviewResolutionInput = z.input<typeof reviewResolutionSchema>;

export const emergencySchema = z.object({
  beneficiaryId: uuid,
  action: requiredText(2000),
  takenOn: pastDate,
});
export type EmergencyInput = z.input<typeof emergencySchema>;
