import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { invalid } from "./errors";

/** Server-side parse of a use case's input: bad input becomes per-field errors and writes nothing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  return parsed.data;
}
