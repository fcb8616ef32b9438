import { z } from "zod";
import { INSTRUMENTS, MIN_DISMISS_REASON } from "../domain/screenings/types";
import { isoDate, uuid } from "./common";

export { MIN_DISMISS_REASON };

/**
 * The envelope of a screening. The answers are checked by the instrument version's own schema in
 * the DAL; anything else the browser sends (an outcome, a score) is dropped here, never trusted.
 */
export const recordScreeningSchema = z.object({
  beneficiaryId: uuid,
  instrument: z.enum(INSTRUMENTS, { error: "required" }),
  version: z.number({ error: "invalid" }).int("invalid").positive("invalid"),
  screenedOn: isoDate,
  answers: z.record(z.string(), z.unknown(), { error: "invalid" }),
});
export type RecordScreeningInput = z.input<typeof recordScreeningSchema>;

export const decideSuggestionSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ suggestionId: uuid, decision: z.literal("confirm") }),
    z.object({
      suggestionId: uuid,
      decision: z.literal("dismiss"),
      reason: z
        .string({ error: "required" })
        .trim()
        .min(1, "required")
        .min(MIN_DISMISS_REASON, "reasonTooShort")
        .max(1000, "tooLong"),
    }),
  ],
  { error: "invalid" },
);
export type DecideSuggestionInput = z.input<typeof decideSuggestionSchema>;
