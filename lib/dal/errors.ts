import type { FieldErrors } from "@/lib/validation/common";

export type DalErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "duplicates" | "locked";

/** An expected failure of a use case; actions turn it into a value, never a stack trace. */
export class DalError extends Error {
  constructor(
    readonly code: DalErrorCode,
    readonly fieldErrors?: FieldErrors,
    readonly data?: unknown,
  ) {
    super(code);
    this.name = "DalError";
  }
}

export const notFound = () => new DalError("not_found");
export const forbidden = () => new DalError("forbidden");
export const conflict = () => new DalError("conflict");
export const invalid = (fieldErrors: FieldErrors) => new DalError("invalid", fieldErrors);
