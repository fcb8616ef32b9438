import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { beneficiaries, bidDecisions, bids } from "@/db/schema";
import { nextBidStatus } from "@/lib/domain/bid/bid-machine";
import type { Outcome, ReviewReason } from "@/lib/domain/bid/constants";
import { type ReviewResolutionInput, reviewResolutionSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, forbidden, notFound } from "../errors";
import { parseInput } from "../parse";
import { refused } from "./case-access";
import { type ChildIdentity, childIdentity } from "./child-identity";
import { loadPanelConfig, membershipOf } from "./config";

export interface ReviewRequestView {
  bidId: string;
  version: number;
  child: ChildIdentity;
  reason: ReviewReason | null;
  detail: string | null;
  requestedAt: string | null;
  lastOutcome: Outcome | null;
}

/** Review requests waiting for a chair: only what the chair needs to reopen or decline. */
export async function listReviewRequests(ctx: DalContext): Promise<ReviewRequestView[]> {
  authorize(ctx.actor, "bid.panel.chair");
  return withTransaction(ctx, async (tx) => {
    const member = await membershipOf(tx, ctx.actor);
    if (!member?.isChair) return [];
    const config = await loadPanelConfig(tx);
    const rows = await tx
      .select({ bid: bids, child: beneficiaries })
      .from(bids)
      .innerJoin(beneficiaries, eq(beneficiaries.id, bids.beneficiaryId))
      .where(eq(bids.status, "review_requested"))
      .orderBy(bids.reviewRequestedAt)
      .limit(100);
    const views: ReviewRequestView[] = [];
    for (const r of rows) {
      const [last] = await tx
        .select({ outcome: bidDecisions.outcome })
        .from(bidDecisions)
        .where(eq(bidDecisions.bidId, r.bid.id))
        .orderBy(desc(bidDecisions.decidedAt))
        .limit(1);
      views.push({
        bidId: r.bid.id,
        version: r.bid.version,
        child: childIdentity(r.child, null, config.ageOutHorizonDays),
        reason: r.bid.reviewReason,
        detail: r.bid.reviewDetail,
        requestedAt: r.bid.reviewRequestedAt?.toISOString() ?? null,
        lastOutcome: last?.outcome ?? null,
      });
    }
    await recordAudit(tx, ctx, {
      action: "panel.list_review_requests",
      entity: "bid",
      detail: { bids: views.map((v) => v.bidId) },
    });
    return views;
  });
}

/** The chair reopens a decided BID (back to drafting) or declines to, with reasons either way. */
export async function resolveReview(
  ctx: DalContext,
  input: ReviewResolutionInput,
): Promise<{ version: number }> {
  authorize(ctx.actor, "bid.panel.chair");
  const v = parseInput(reviewResolutionSchema, input);
  return withTransaction(ctx, async (tx) => {
    const member = await membershipOf(tx, ctx.actor);
    if (!member?.isChair) throw forbidden();
    const [bid] = await tx.select().from(bids).where(eq(bids.id, v.bidId)).for("update");
    if (bid?.status !== "review_requested") throw notFound();
    const event =
      v.resolution === "reopen"
        ? ({ type: "reopen" } as const)
        : ({ type: "decline_review", reason: v.reason, informed: bid.informedOn !== null } as const);
    const result = nextBidStatus(bid.status, event, { kinds: ["chair"], isAuthor: false });
    if (!result.ok) refused(result);
    if (bid.version !== v.version) throw conflict();
    const [row] = await tx
      .update(bids)
      .set({
        status: result.status,
        reviewResolution: v.reason,
        panelQuestions: v.resolution === "reopen" ? bid.reviewDetail : bid.panelQuestions,
        updatedAt: new Date(),
        version: bid.version + 1,
      })
      .where(and(eq(bids.id, bid.id), eq(bids.version, v.version)))
      .returning({ version: bids.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: v.resolution === "reopen" ? "panel.reopen" : "panel.decline_review",
      entity: "bid",
      entityId: bid.id,
    });
    return row;
  });
}
