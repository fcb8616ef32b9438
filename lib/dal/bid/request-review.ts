import "server-only";
import { and, eq } from "drizzle-orm";
import { bids } from "@/db/schema";
import { nextBidStatus } from "@/lib/domain/bid/bid-machine";
import { type ReviewRequestInput, reviewRequestSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict } from "../errors";
import { parseInput } from "../parse";
import { bidInScope, caseActor, refused } from "./case-access";

/** Asks the panel chair to review a decided BID: new information, changed circumstances, and so on. */
export async function requestReview(
  ctx: DalContext,
  input: ReviewRequestInput,
): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "bid.follow_up");
  const v = parseInput(reviewRequestSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { bid } = await bidInScope(tx, ctx, scope, v.bidId);
    const result = nextBidStatus(bid.status, { type: "request_review" }, caseActor(ctx, bid));
    if (!result.ok) refused(result);
    if (bid.version !== v.version) throw conflict();
    const now = new Date();
    const [row] = await tx
      .update(bids)
      .set({
        status: result.status,
        reviewReason: v.reason,
        reviewDetail: v.detail,
        reviewRequestedBy: ctx.actor.id,
        reviewRequestedAt: now,
        reviewResolution: null,
        updatedAt: now,
        version: bid.version + 1,
      })
      .where(and(eq(bids.id, bid.id), eq(bids.version, v.version)))
      .returning({ version: bids.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: "bid.request_review",
      entity: "bid",
      entityId: bid.id,
      detail: { beneficiaryId: bid.beneficiaryId, reason: v.reason },
    });
    return row;
  });
}
