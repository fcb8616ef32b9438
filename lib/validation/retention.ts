import { z } from "zod";
import { RETENTION_CATEGORIES } from "../domain/retention";

export const retentionPolicySchema = z.object({
  category: z.enum(RETENTION_CATEGORIES, { error: "required" }),
  // At least 30 days, so a typo cannot anonymise every closed case at the next run.
  days: z.coerce
    .number({ error: "required" })
    .int("retention.validation.days")
    .min(30, "retention.validation.days")
    .max(36_500, "retention.validation.days"),
});
export type RetentionPolicyInput = z.input<typeof retentionPolicySchema>;
