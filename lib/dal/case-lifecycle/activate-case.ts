import "server-only";
import { transition } from "@/lib/domain/case-status";
import { uuid } from "@/lib/validation/common";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { caseInScope, changeStatus } from "./case-access";
import { transitionFailure } from "./transition-errors";

/** "Start work" on a registered case before anything is written in its plan or notes. */
export async function activateCase(ctx: DalContext, beneficiaryId: unknown): Promise<{ status: "active" }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const id = parseInput(uuid, beneficiaryId);
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, id, true);
    const result = transition(row.status, { type: "activate" }, ctx.actor);
    if (!result.ok) throw transitionFailure(result.error);
    await changeStatus(tx, ctx, row, result.to, {});
    return { status: "active" };
  });
}
