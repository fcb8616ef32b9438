import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { caseStatusChanges, closureRequests, users } from "@/db/schema";
import { can } from "@/lib/authz";
import type { CaseStatus } from "@/lib/domain/beneficiary";
import { type ClosureReason, statusesFor } from "@/lib/domain/case-status";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { openReferralCount } from "../referrals/open-referral-count";
import { caseInScope } from "./case-access";

export interface ClosureRequestDto {
  id: string;
  version: number;
  reason: ClosureReason;
  note: string | null;
  requestedByName: string;
  requestedAt: string;
  /** The actor made this request, so they cannot approve it. */
  mine: boolean;
}

export interface CaseStatusView {
  beneficiaryId: string;
  status: CaseStatus;
  openReferrals: number;
  pending: ClosureRequestDto | null;
  /** The approved request behind the current "closed" status. */
  closure: {
    reason: ClosureReason;
    decidedByName: string;
    decidedAt: string;
    overrideReason: string | null;
  } | null;
  history: Array<{ from: CaseStatus; to: CaseStatus; byName: string; at: string; note: string | null }>;
  can: { activate: boolean; request: boolean; decide: boolean; reopen: boolean };
}

/** The status area of a case: where it stands, any pending closure, and how it got there. */
export async function getCaseStatus(ctx: DalContext, beneficiaryId: string): Promise<CaseStatusView> {
  const scope = authorize(ctx.actor, "beneficiary.read");
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, beneficiaryId);
    const requester = alias(users, "requester");
    const decider = alias(users, "decider");
    const requests = await tx
      .select({ r: closureRequests, requesterName: requester.name, deciderName: decider.name })
      .from(closureRequests)
      .innerJoin(requester, eq(requester.id, closureRequests.requestedBy))
      .leftJoin(decider, eq(decider.id, closureRequests.decidedBy))
      .where(eq(closureRequests.beneficiaryId, row.id))
      .orderBy(desc(closureRequests.requestedAt));
    const pending = requests.find((x) => x.r.decision === null);
    const approved = requests.find((x) => x.r.decision === "approved");
    const history = await tx
      .select({ change: caseStatusChanges, byName: users.name })
      .from(caseStatusChanges)
      .innerJoin(users, eq(users.id, caseStatusChanges.changedBy))
      .where(eq(caseStatusChanges.beneficiaryId, row.id))
      .orderBy(desc(caseStatusChanges.changedAt));
    const openReferrals = await openReferralCount(tx, row.id);
    await recordAudit(tx, ctx, { action: "read", entity: "case_status", entityId: row.id });
    const role = ctx.actor.role;
    return {
      beneficiaryId: row.id,
      status: row.status,
      openReferrals,
      pending: pending
        ? {
            id: pending.r.id,
            version: pending.r.version,
            reason: pending.r.reason,
            note: pending.r.note,
            requestedByName: pending.requesterName,
            requestedAt: pending.r.requestedAt.toISOString(),
            mine: pending.r.requestedBy === ctx.actor.id,
          }
        : null,
      closure:
        row.status === "closed" && approved?.r.decidedAt
          ? {
              reason: approved.r.reason,
              decidedByName: approved.deciderName ?? "",
              decidedAt: approved.r.decidedAt.toISOString(),
              overrideReason: approved.r.overrideReason,
            }
          : null,
      history: history.map(({ change, byName }) => ({
        from: change.fromStatus,
        to: change.toStatus,
        byName,
        at: change.changedAt.toISOString(),
        note: change.note,
      })),
      can: {
        activate: can(role, "case.plan.manage") && statusesFor("activate").includes(row.status),
        request: can(role, "case.closure.request") && statusesFor("request_closure").includes(row.status),
        decide: can(role, "case.closure.decide") && row.status === "closure_requested",
        reopen: can(role, "case.reopen") && statusesFor("reopen").includes(row.status),
      },
    };
  });
}
