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

interface DatabaseErrorFields {
  name?: unknown;
  code?: unknown;
  constraint_name?: unknown;
  table_name?: unknown;
  query?: unknown;
  cause?: unknown;
}

/**
 * An unexpected database failure as the server log sees it: the SQLSTATE code, the constraint
 * and table, and the statement's text. Never the statement's parameters, which drizzle puts in
 * its message, nor the server's detail ("Failing row contains …"): both name people.
 */
export class DatabaseFailure extends Error {
  constructor(
    readonly code: string | undefined,
    readonly constraint: string | undefined,
    readonly table: string | undefined,
    readonly statement: string | undefined,
  ) {
    super(`database error ${code ?? "unknown"}${constraint ? ` (${constraint})` : ""}`);
    this.name = "DatabaseFailure";
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * What a failed use case may throw on to the log: a database error (drizzle's, or postgres.js's
 * underneath) becomes a DatabaseFailure; anything else, DalError included, is left as it is.
 */
export function withoutPersonalData(error: unknown): unknown {
  const outer = error as DatabaseErrorFields | null;
  if (!outer || typeof outer !== "object") return error;
  const isDrizzle = outer.name !== "DalError" && typeof outer.query === "string" && "params" in outer;
  const server = (isDrizzle ? outer.cause : outer) as DatabaseErrorFields | null | undefined;
  const isServer = server?.name === "PostgresError";
  if (!isDrizzle && !isServer) return error;
  return new DatabaseFailure(
    text(server?.code),
    text(server?.constraint_name),
    text(server?.table_name),
    text(outer.query) ?? text(server?.query),
  );
}
