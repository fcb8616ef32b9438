import "server-only";
import type { DalContext } from "@/lib/dal/context";
import { DalError } from "@/lib/dal/errors";
import type { ActionResult } from "@/lib/validation/common";
import { type ContextOptions, requireContext } from "./actor";

/**
 * The body of every server action: resolve the actor, run one DAL use case, and turn expected
 * failures into values. Anything unexpected propagates to error.tsx and the server log.
 */
export async function runAction<T>(
  operation: (ctx: DalContext) => Promise<T>,
  options: ContextOptions = {},
): Promise<ActionResult<T>> {
  const ctx = await requireContext(options);
  try {
    return { ok: true, data: await operation(ctx) };
  } catch (error) {
    if (error instanceof DalError) {
      return {
        ok: false,
        code: error.code,
        message: error.code,
        fieldErrors: error.fieldErrors,
        ...withData(error),
      };
    }
    throw error;
  }
}

function withData(error: DalError): { data?: unknown } {
  return error.data === undefined ? {} : { data: error.data };
}
