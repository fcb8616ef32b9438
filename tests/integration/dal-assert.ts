import { expect } from "vitest";
import { DalError, type DalErrorCode } from "@/lib/dal/errors";

/** Awaits a use case that must fail with a DalError of `code`, and returns the error. */
export async function dalError(promise: Promise<unknown>, code: DalErrorCode): Promise<DalError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected DalError "${code}"`).toBeInstanceOf(DalError);
  expect((error as DalError).code).toBe(code);
  return error as DalError;
}
