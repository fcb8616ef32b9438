import { z } from "zod";
import { CASE_STATUSES } from "../domain/beneficiary";

/** Why personal data leaves the system; each purpose needs the matching consent of each person. */
export const EXPORT_PURPOSES = ["service_delivery", "partner_sharing", "tracing"] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];

export const EXPORT_CONSENT: Record<ExportPurpose, "services" | "sharing" | "tracing"> = {
  service_delivery: "services",
  partner_sharing: "sharing",
  tracing: "tracing",
};

export const exportSchema = z.object({
  purpose: z.enum(EXPORT_PURPOSES, { error: "export.validation.purposeRequired" }),
  justification: z
    .string({ error: "required" })
    .trim()
    .min(10, "export.validation.justificationTooShort")
    .max(500, "tooLong"),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  status: z
    .union([z.enum(CASE_STATUSES), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
});
export type ExportInput = z.input<typeof exportSchema>;
