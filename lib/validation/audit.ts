import { z } from "zod";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

/** The administrator's search of the audit log. Dates are inclusive days (UTC). */
export const auditSearchSchema = z
  .object({
    user: optional(200),
    record: optional(100),
    action: optional(60),
    from: z.iso
      .date({ error: "invalidDate" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    to: z.iso
      .date({ error: "invalidDate" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ["to"],
    message: "audit.validation.toBeforeFrom",
  });
export type AuditSearchInput = z.input<typeof auditSearchSchema>;
