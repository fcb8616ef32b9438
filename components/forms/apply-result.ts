import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/validation/common";

/** Puts a failed action's per-field messages on the form's fields; returns the form-level code. */
export function applyFieldErrors<T extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  setError: UseFormSetError<T>,
): string {
  for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (message && name !== "_form") setError(name as Path<T>, { type: "server", message });
  }
  return result.fieldErrors?._form?.[0] ?? result.code;
}
