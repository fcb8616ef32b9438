import { inspect } from "node:util";
import { DrizzleQueryError } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import {
  DalError,
  DatabaseFailure,
  postgresErrorOf,
  violatesUnique,
  withoutPersonalData,
} from "@/lib/dal/errors";

/** A PostgreSQL error as postgres.js builds it from the server's fields. */
const serverError = (fields: Record<string, string>) =>
  new postgres.PostgresError({ message: "server said no", severity: "ERROR", ...fields } as never);

const STATEMENT = 'insert into "beneficiaries" ("family_name", "date_of_birth") values ($1, $2)';

const failedQuery = (cause: unknown) =>
  new DrizzleQueryError(STATEMENT, ["Traoré", "1987-11-23"], cause as Error);

describe("postgresErrorOf", () => {
  it("finds the server's error as thrown and inside drizzle's query error", () => {
    const pg = serverError({ code: "40001" });
    expect(postgresErrorOf(pg)?.code).toBe("40001");
    expect(postgresErrorOf(failedQuery(pg))?.code).toBe("40001");
  });

  it("finds none in other errors", () => {
    expect(postgresErrorOf(new Error("40001"))).toBeUndefined();
    expect(postgresErrorOf(failedQuery(new Error("connection closed")))).toBeUndefined();
    expect(postgresErrorOf("40001")).toBeUndefined();
  });
});

describe("violatesUnique", () => {
  const taken = failedQuery(serverError({ code: "23505", constraint_name: "beneficiaries_case_number_key" }));

  it("names the constraint the statement broke", () => {
    expect(violatesUnique(taken, "beneficiaries_case_number_key")).toBe(true);
    expect(violatesUnique(taken, "users_email_key")).toBe(false);
  });

  it("is not fooled by another error on the same constraint", () => {
    const check = serverError({ code: "23514", constraint_name: "beneficiaries_case_number_key" });
    expect(violatesUnique(failedQuery(check), "beneficiaries_case_number_key")).toBe(false);
  });
});

describe("withoutPersonalData", () => {
  it("keeps the code, constraint, table and statement, not the parameters or the failing row", () => {
    const pg = serverError({
      code: "23514",
      constraint_name: "beneficiaries_detention_shape",
      table_name: "beneficiaries",
      detail: "Failing row contains (Traoré, Fanta, 1987-11-23).",
    });
    const error = withoutPersonalData(failedQuery(pg));
    expect(error).toBeInstanceOf(DatabaseFailure);
    expect(error).toMatchObject({
      code: "23514",
      constraint: "beneficiaries_detention_shape",
      table: "beneficiaries",
      statement: STATEMENT,
      message: "database error 23514 (beneficiaries_detention_shape)",
    });
    expect(inspect(error, { depth: 10 })).not.toMatch(/Traoré|Fanta|1987-11-23/);
    expect(inspect(withoutPersonalData(pg), { depth: 10 })).not.toMatch(/Traoré/);
  });

  it("strips a failed query whose cause is not the server's, such as a lost connection", () => {
    const error = withoutPersonalData(failedQuery(new Error("write CONNECTION_CLOSED")));
    expect(error).toBeInstanceOf(DatabaseFailure);
    expect(inspect(error, { depth: 10 })).not.toMatch(/Traoré/);
  });

  it("leaves expected failures and programming errors as they are", () => {
    const dal = new DalError("conflict");
    const bug = new TypeError("x is undefined");
    expect(withoutPersonalData(dal)).toBe(dal);
    expect(withoutPersonalData(bug)).toBe(bug);
  });
});
