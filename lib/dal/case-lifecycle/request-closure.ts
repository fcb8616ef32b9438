import "server-only";
import { closureRequests } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";
import { transition } from "@/lib/domain/case-status";
import { requestClosureSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { openReferralCount } from "../referrals/open-referral-count";
import { caseInScope, changeStatus } from "./case-access";
import { transitionFailure } from "./transition-errors";

/**
 * Asks the supervisor to close a case. Open referrals do not stop the request — the supervisor
 * decides — but they block the closure itself unless overridden, and the result says so at once.
 */
export async function requestClosure(
  ctx: DalContext,
  input: unknown,
  options: { now?: Date } = {},
): Promise<{ id: string; openReferrals: number }> {
  const scope = authorize(ctx.actor, "case.closure.request");
  const v = parseInput(requestClosureSchema, input);
  const now = options.now ?? new Date();
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, v.beneficiaryId, true);
    const registeredOn = row.createdAt.toISOString().slice(0, 10);
    const turnedAdult =
      ageAt(row.dateOfBirth, registeredOn) < 18 && ageAt(row.dateOfBirth, todayIso(now)) >= 18;
    const result = transition(
      row.status,
      { type: "request_closure", reason: v.reason, turnedAdult },
      ctx.actor,
    );
    if (!result.ok) throw transitionFailure(result.error);
    const openReferrals = await openReferralCount(tx, row.id);
    const [request] = await tx
      .insert(closureRequests)
      .values({
        beneficiaryId: row.id,
        reason: v.reason,
        note: v.note ?? null,
        requestedBy: ctx.actor.id,
        requestedAt: now,
        openReferralsAtRequest: openReferrals,
      })
      .returning({ id: closureRequests.id });
    if (!request) throw new Error("insert returned nothing");
    await changeStatus(tx, ctx, row, result.to, { closureRequestId: request.id, now });
    await recordAudit(tx, ctx, {
      action: "request",
      entity: "closure_request",
      entityId: request.id,
      detail: { beneficiaryId: row.id, reason: v.reason, openReferrals },
    });
    return { id: request.id, openReferrals };
  });
}
