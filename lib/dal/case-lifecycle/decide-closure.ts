import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { closureRequests } from "@/db/schema";
import { type CaseEvent, transition } from "@/lib/domain/case-status";
import { decideClosureSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";
import { openReferralCount } from "../referrals/open-referral-count";
import { caseInScope, changeStatus } from "./case-access";
import { transitionFailure } from "./transition-errors";

/**
 * The supervisor's decision on a pending closure request. Approval closes the case, and is refused
 * while referrals are open unless the supervisor writes why they close anyway; nobody approves a
 * request they made. Rejection, with a note, returns the case to active.
 */
export async function decideClosure(
  ctx: DalContext,
  input: unknown,
  options: { now?: Date } = {},
): Promise<{ status: "closed" | "active" }> {
  const scope = authorize(ctx.actor, "case.closure.decide");
  const v = parseInput(decideClosureSchema, input);
  const now = options.now ?? new Date();
  return withTransaction(ctx, async (tx) => {
    const [request] = await tx.select().from(closureRequests).where(eq(closureRequests.id, v.requestId));
    if (!request) throw notFound();
    const row = await caseInScope(tx, ctx, scope, request.beneficiaryId, true);
    if (request.decision !== null || request.version !== v.version) throw conflict();

    const openReferrals = v.decision === "approve" ? await openReferralCount(tx, row.id) : 0;
    const overrideReason = v.decision === "approve" && openReferrals > 0 ? (v.overrideReason ?? null) : null;
    const event: CaseEvent =
      v.decision === "approve"
        ? { type: "approve_closure", requestedBy: request.requestedBy, openReferrals, overrideReason }
        : { type: "reject_closure", note: v.note };
    const result = transition(row.status, event, ctx.actor);
    if (!result.ok) throw transitionFailure(result.error, openReferrals);

    const [updated] = await tx
      .update(closureRequests)
      .set({
        decision: v.decision === "approve" ? "approved" : "rejected",
        decidedBy: ctx.actor.id,
        decidedAt: now,
        decisionNote: v.decision === "reject" ? v.note : null,
        overrideReason,
        openReferralsAtDecision: v.decision === "approve" ? openReferrals : null,
        version: sql`${closureRequests.version} + 1`,
      })
      .where(and(eq(closureRequests.id, request.id), eq(closureRequests.version, v.version)))
      .returning({ id: closureRequests.id });
    if (!updated) throw conflict();
    await changeStatus(tx, ctx, row, result.to, {
      closureRequestId: request.id,
      note: v.decision === "reject" ? v.note : overrideReason,
      now,
    });
    await recordAudit(tx, ctx, {
      action: v.decision === "approve" ? "approve" : "reject",
      entity: "closure_request",
      entityId: request.id,
      detail: {
        beneficiaryId: row.id,
        reason: request.reason,
        openReferrals,
        override: overrideReason !== null,
      },
    });
    return { status: result.to as "closed" | "active" };
  });
}
