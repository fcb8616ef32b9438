import { z } from "zod";
import { allItems, isVisible, SCREENING_VALIDATION } from "./items";
import type { Answers, Item, Section } from "./types";

export { allItems, isVisible, optionsOf, SCREENING_VALIDATION } from "./items";

function oneDecimal(v: number): boolean {
  return Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
}

function baseSchema(item: Item): z.ZodType {
  switch (item.type) {
    case "choice":
      return z.enum(item.options as [string, ...string[]], { error: "required" });
    case "multi": {
      const list = z
        .array(z.enum(item.options as [string, ...string[]], { error: "invalid" }), { error: "invalid" })
        .max(item.options.length, "invalid")
        .refine((values) => new Set(values).size === values.length, "invalid");
      return item.required ? list.min(1, "required") : list;
    }
    case "scale":
      return z
        .number({ error: "required" })
        .refine((v) => item.options.includes(v), SCREENING_VALIDATION.outOfRange);
    case "boolean":
      return z.boolean({ error: "required" });
    case "number": {
      const n = z
        .number({ error: "required" })
        .min(item.min, SCREENING_VALIDATION.outOfRange)
        .max(item.max, SCREENING_VALIDATION.outOfRange);
      return item.step === 1 ? n.int("invalidNumber") : n.refine(oneDecimal, "invalidNumber");
    }
    case "date":
      return z.iso.date({ error: "invalidDate" });
    case "text": {
      const s = z.string({ error: "required" }).trim().max(item.maxLength, "tooLong");
      return item.required ? s.min(1, "required") : s;
    }
  }
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The zod schema of one instrument version, derived from its items so that what is rendered and
 * what is accepted cannot disagree. Unknown answers are rejected, hidden items must stay empty,
 * and a conditional item is required only while it is shown.
 */
export function buildSchema<T extends Answers>(
  sections: readonly Section[],
  refine?: (answers: T, ctx: z.RefinementCtx) => void,
): z.ZodType<T> {
  const items = allItems(sections);
  const shape: Record<string, z.ZodType> = {};
  for (const item of items) {
    const base = baseSchema(item);
    // Empty text means "not answered"; conditional and optional items may be left out.
    const optional = !item.required || item.showIf !== undefined;
    shape[item.key] =
      // An unticked list is an empty list; prefault still runs the checks, so "required" holds.
      item.type === "multi"
        ? base.prefault([])
        : item.type === "text" && optional
          ? base.optional().transform((v) => (v === "" ? undefined : v))
          : optional
            ? base.optional()
            : base;
  }
  return z.strictObject(shape, { error: SCREENING_VALIDATION.unknownAnswer }).superRefine((raw, ctx) => {
    const answers = raw as Answers;
    for (const item of items) {
      if (!item.showIf) continue;
      const shown = isVisible(item, answers);
      const answered = isAnswered(answers[item.key]);
      if (shown && item.required && !answered)
        ctx.addIssue({ code: "custom", path: [item.key], message: "required" });
      if (!shown && answered)
        ctx.addIssue({ code: "custom", path: [item.key], message: SCREENING_VALIDATION.notApplicable });
    }
    refine?.(answers as T, ctx);
  }) as unknown as z.ZodType<T>;
}
