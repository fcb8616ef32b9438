import { DrizzleQueryError } from "drizzle-orm";
import postgres from "postgres";
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

/** The fields of a PostgreSQL error that name no one. */
interface PostgresErrorFields {
  code: string;
  constraint_name?: string;
  table_name?: string;
}

/** The PostgreSQL error behind a failure: postgres.js's, as thrown or inside drizzle's query error. */
export function postgresErrorOf(error: unknown): PostgresErrorFields | undefined {
  const inner = error instanceof DrizzleQueryError ? error.cause : error;
  return inner instanceof postgres.PostgresError ? (inner as unknown as PostgresErrorFields) : undefined;
}

/** The failure is a unique violation of this constraint. */
export function violatesUnique(error: unknown, constraint: string): boolean {
  const pg = postgresErrorOf(error);
  return pg?.code === "23505" && pg.constraint_name === constraint;
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

/**
 * What a failed use case may throw on to the log: a database error (drizzle's, or postgres.js's
 * underneath) becomes a DatabaseFailure; anything else, DalError included, is left as it is.
 */
export function withoutPersonalData(error: unknown): unknown {
  const pg = postgresErrorOf(error);
  if (!(error instanceof DrizzleQueryError) && !pg) return error;
  return new DatabaseFailure(
    pg?.code,
    pg?.constraint_name,
    pg?.table_name,
    error instanceof DrizzleQueryError ? error.query : undefined,
  );
}
