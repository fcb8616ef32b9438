import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { beneficiaries, closureRequests, users } from "@/db/schema";
import type { ClosureReason } from "@/lib/domain/case-status";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { beneficiaryScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { openReferralCount } from "../referrals/open-referral-count";

export interface PendingClosureDto {
  id: string;
  version: number;
  beneficiaryId: string;
  caseNumber: string;
  name: string;
  reason: ClosureReason;
  note: string | null;
  requestedByName: string;
  requestedAt: string;
  /** Open referrals now: approval needs an override reason while this is above zero. */
  openReferrals: number;
  mine: boolean;
}

/** The supervisor's queue section: pending closure requests of the office, oldest first. */
export async function listClosureRequests(
  ctx: DalContext,
): Promise<{ items: PendingClosureDto[]; blocked: number }> {
  const scope = authorize(ctx.actor, "case.closure.decide");
  return withTransaction(ctx, async (tx) => {
    const rows = await tx
      .select({
        r: closureRequests,
        caseNumber: beneficiaries.caseNumber,
        familyName: beneficiaries.familyName,
        givenNames: beneficiaries.givenNames,
        requesterName: users.name,
      })
      .from(closureRequests)
      .innerJoin(beneficiaries, eq(beneficiaries.id, closureRequests.beneficiaryId))
      .innerJoin(users, eq(users.id, closureRequests.requestedBy))
      .where(and(isNull(closureRequests.decision), beneficiaryScope(ctx.actor, scope)))
      .orderBy(asc(closureRequests.requestedAt));
    const items: PendingClosureDto[] = [];
    for (const row of rows) {
      items.push({
        id: row.r.id,
        version: row.r.version,
        beneficiaryId: row.r.beneficiaryId,
        caseNumber: row.caseNumber,
        name: `${row.familyName}, ${row.givenNames}`,
        reason: row.r.reason,
        note: row.r.note,
        requestedByName: row.requesterName,
        requestedAt: row.r.requestedAt.toISOString(),
        openReferrals: await openReferralCount(tx, row.r.beneficiaryId),
        mine: row.r.requestedBy === ctx.actor.id,
      });
    }
    await recordAudit(tx, ctx, {
      action: "list",
      entity: "closure_request",
      detail: { count: items.length },
    });
    return { items, blocked: items.filter((i) => i.openReferrals > 0).length };
  });
}
