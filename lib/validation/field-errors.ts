import type { z } from "zod";
import type { FieldErrors } from "./common";

/** Nested paths become dotted names (`biodata.familyName`) matching the form's field names. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}
