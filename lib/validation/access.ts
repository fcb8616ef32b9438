import { z } from "zod";
import { SENSITIVE_CATEGORIES } from "../domain/sensitive";

export const BREAK_GLASS_REASON_MIN = 15;

export const breakGlassSchema = z.object({
  category: z.enum(SENSITIVE_CATEGORIES, { error: "required" }),
  reason: z
    .string({ error: "required" })
    .trim()
    .min(BREAK_GLASS_REASON_MIN, "access.validation.reasonTooShort")
    .max(1000, "tooLong"),
});
export type BreakGlassInput = z.input<typeof breakGlassSchema>;

export const categoryGrantSchema = z.object({
  userId: z.uuid({ error: "invalid" }),
  category: z.enum(SENSITIVE_CATEGORIES, { error: "required" }),
  granted: z.boolean(),
});
export type CategoryGrantInput = z.input<typeof categoryGrantSchema>;
