import "server-only";
import { transition } from "@/lib/domain/case-status";
import { reopenSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { caseInScope, changeStatus } from "./case-access";
import { transitionFailure } from "./transition-errors";

/** A supervisor reopens a closed case (the person came back, the solution failed): it becomes active. */
export async function reopenCase(ctx: DalContext, input: unknown): Promise<{ status: "active" }> {
  const scope = authorize(ctx.actor, "case.reopen");
  const v = parseInput(reopenSchema, input);
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, v.beneficiaryId, true);
    const result = transition(row.status, { type: "reopen", reason: v.reason }, ctx.actor);
    if (!result.ok) throw transitionFailure(result.error);
    await changeStatus(tx, ctx, row, result.to, { note: v.reason });
    await recordAudit(tx, ctx, { action: "reopen", entity: "beneficiary", entityId: row.id });
    return { status: "active" };
  });
}
