import "server-only";
import { and, eq } from "drizzle-orm";
import { bids } from "@/db/schema";
import { nextBidStatus } from "@/lib/domain/bid/bid-machine";
import { type InformedInput, informedSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict } from "../errors";
import { parseInput } from "../parse";
import { bidInScope, caseActor, refused } from "./case-access";

/** After the decision: when and how the child was told, the implementation plan, follow-up and review date. */
export async function recordInformed(ctx: DalContext, input: InformedInput): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "bid.follow_up");
  const v = parseInput(informedSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { bid } = await bidInScope(tx, ctx, scope, v.bidId);
    const result = nextBidStatus(bid.status, { type: "record_informed" }, caseActor(ctx, bid));
    if (!result.ok) refused(result);
    if (bid.version !== v.version) throw conflict();
    const [row] = await tx
      .update(bids)
      .set({
        status: result.status,
        informedOn: v.informedOn,
        informedHow: v.informedHow,
        implementationPlan: v.implementationPlan,
        followUp: v.followUp,
        reviewDate: v.reviewDate,
        updatedAt: new Date(),
        version: bid.version + 1,
      })
      .where(and(eq(bids.id, bid.id), eq(bids.version, v.version)))
      .returning({ version: bids.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: "bid.record_informed",
      entity: "bid",
      entityId: bid.id,
      detail: { beneficiaryId: bid.beneficiaryId },
    });
    return row;
  });
}
