import { z } from "zod";
import { todayIso } from "@/lib/domain/age";
import { ASSISTANCE_TYPES, EARLIEST_SERVICE_DATE } from "@/lib/domain/assistance";
import { isoDate, uuid } from "./common";

const optionalUuid = z
  .union([uuid, z.literal("")])
  .optional()
  .transform((v) => (v ? v : undefined));

/** What was delivered, when, where and by whom: shared by recording and correcting. */
export const assistanceFieldsSchema = z.object({
  assistanceType: z.enum(ASSISTANCE_TYPES, { error: "required" }),
  serviceDate: isoDate
    .refine((d) => d >= EARLIEST_SERVICE_DATE, "invalidDate")
    .refine((d) => d <= todayIso(), "futureDate"),
  baladiyaPcode: z.string({ error: "required" }).regex(/^LY\d{6}$/, "required"),
  quantity: z
    .number({ error: "assistance.validation.quantity" })
    .int("assistance.validation.quantity")
    .min(1, "assistance.validation.quantity")
    .max(100_000, "assistance.validation.quantity"),
  donorProjectId: optionalUuid,
  providedBy: uuid,
  /** Whether the person was in detention on the date of service, as the caseworker knows it. */
  detained: z.boolean(),
});
export type AssistanceFields = z.input<typeof assistanceFieldsSchema>;

export const recordAssistanceSchema = assistanceFieldsSchema.extend({
  beneficiaryId: uuid,
  referralId: optionalUuid,
});
export type RecordAssistanceInput = z.input<typeof recordAssistanceSchema>;

export const correctAssistanceSchema = z
  .object({
    id: uuid,
    reason: z
      .string({ error: "required" })
      .trim()
      .min(10, "assistance.validation.reasonTooShort")
      .max(1000, "tooLong"),
    replace: z.boolean(),
    replacement: assistanceFieldsSchema.optional(),
  })
  .refine((v) => !v.replace || v.replacement !== undefined, {
    path: ["replacement"],
    message: "required",
  });
export type CorrectAssistanceInput = z.input<typeof correctAssistanceSchema>;
