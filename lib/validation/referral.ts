import { z } from "zod";
import { RECIPIENT_KINDS, REFERRAL_SERVICES, URGENCIES } from "../domain/referrals/catalogue";
import { transitionOf } from "../domain/referrals/state-machine";
import { optionalText, requiredText, uuid } from "./common";

export const MIN_OVERRIDE_REASON = 10;
export const MIN_NOTE = 5;

/** Optional written reason; when given, long enough to mean something. */
const overrideReason = optionalText(1000).refine(
  (v) => v === undefined || v.length >= MIN_OVERRIDE_REASON,
  "referrals.validation.reasonTooShort",
);

export const createReferralSchema = z
  .object({
    beneficiaryId: uuid,
    service: z.enum(REFERRAL_SERVICES, { error: "required" }),
    recipientKind: z.enum(RECIPIENT_KINDS, { error: "required" }),
    organisationId: z.union([uuid, z.literal("")]).optional(),
    urgency: z.enum(URGENCIES, { error: "required" }),
    reason: requiredText(2000),
    sharePhone: z.boolean().default(false),
    sourceScreeningId: z.union([uuid, z.literal("")]).optional(),
    /** Submit for approval straight away rather than keep a draft. */
    submit: z.boolean().default(true),
    consentOverrideReason: overrideReason,
  })
  .superRefine((v, issue) => {
    if (v.recipientKind === "external" && !v.organisationId)
      issue.addIssue({ code: "custom", path: ["organisationId"], message: "required" });
  })
  .transform((v) => ({
    ...v,
    organisationId: v.recipientKind === "external" && v.organisationId ? v.organisationId : null,
    sourceScreeningId: v.sourceScreeningId ? v.sourceScreeningId : null,
  }));
export type CreateReferralInput = z.input<typeof createReferralSchema>;

/** Events a person fires; expiry and consent withdrawal belong to the application. */
export const USER_EVENTS = [
  "submit",
  "approve",
  "return",
  "send",
  "accept",
  "decline",
  "complete",
  "not_complete",
  "withdraw",
  "close",
] as const;
export type UserEvent = (typeof USER_EVENTS)[number];

export const transitionReferralSchema = z
  .object({
    id: uuid,
    version: z.number().int().min(1),
    event: z.enum(USER_EVENTS, { error: "invalid" }),
    note: optionalText(2000),
    consentOverrideReason: overrideReason,
  })
  .superRefine((v, issue) => {
    if (transitionOf(v.event).noteRequired && (v.note?.length ?? 0) < MIN_NOTE)
      issue.addIssue({ code: "custom", path: ["note"], message: "referrals.validation.noteRequired" });
  });
export type TransitionReferralInput = z.input<typeof transitionReferralSchema>;

export const deadlineSettingsSchema = z.object({
  version: z.number().int().min(1),
  highHours: z.coerce
    .number({ error: "invalidNumber" })
    .int("invalidNumber")
    .min(1, "referrals.validation.hours")
    .max(2160, "referrals.validation.hours"),
  mediumHours: z.coerce
    .number({ error: "invalidNumber" })
    .int("invalidNumber")
    .min(1, "referrals.validation.hours")
    .max(2160, "referrals.validation.hours"),
  lowHours: z.coerce
    .number({ error: "invalidNumber" })
    .int("invalidNumber")
    .min(1, "referrals.validation.hours")
    .max(2160, "referrals.validation.hours"),
});
export type DeadlineSettingsInput = z.input<typeof deadlineSettingsSchema>;

export const partnerOrganisationSchema = z.object({
  id: z.union([uuid, z.literal("")]).optional(),
  version: z.number().int().min(1).optional(),
  code: z
    .string({ error: "required" })
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,16}$/, "referrals.validation.code"),
  name: requiredText(200),
  active: z.boolean().default(true),
  services: z.array(z.enum(REFERRAL_SERVICES)).default([]),
});
export type PartnerOrganisationInput = z.input<typeof partnerOrganisationSchema>;

export const consentOverrideSchema = z.object({
  id: uuid,
  version: z.number().int().min(1),
  reason: requiredText(1000).refine(
    (v) => v.length >= MIN_OVERRIDE_REASON,
    "referrals.validation.reasonTooShort",
  ),
});
export type ConsentOverrideInput = z.input<typeof consentOverrideSchema>;

/** What the referrer may still change on a draft or a returned referral; the service and recipient stay. */
export const updateReferralSchema = z.object({
  id: uuid,
  version: z.number().int().min(1),
  urgency: z.enum(URGENCIES, { error: "required" }),
  reason: requiredText(2000),
  sharePhone: z.boolean().default(false),
});
export type UpdateReferralInput = z.input<typeof updateReferralSchema>;
