import "server-only";
import { eq } from "drizzle-orm";
import { bias, bids } from "@/db/schema";
import { EMPTY_REPORT } from "@/lib/domain/bid/report";
import { type BidRequiredInput, bidRequiredSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { bidCase, latestBia, latestBid } from "./case-access";

/**
 * The supervisor records that a Best Interests Determination is needed, and why, on an approved
 * BIA. One BID at a time: a new one only once the previous has been decided.
 */
export async function requireBid(ctx: DalContext, input: BidRequiredInput): Promise<{ id: string }> {
  const scope = authorize(ctx.actor, "bid.review");
  const v = parseInput(bidRequiredSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [bia] = await tx.select().from(bias).where(eq(bias.id, v.biaId));
    if (!bia) throw notFound();
    const child = await bidCase(tx, ctx, scope, bia.beneficiaryId, true);
    const current = await latestBia(tx, child.id);
    if (current?.id !== bia.id || bia.status !== "approved")
      throw invalid({ _form: ["bid.refused.biaNotApproved"] });
    const open = await latestBid(tx, child.id);
    if (open && open.status !== "decided" && open.status !== "implementation")
      throw invalid({ _form: ["bid.refused.openBid"] });
    const [row] = await tx
      .insert(bids)
      .values({
        beneficiaryId: child.id,
        biaId: bia.id,
        reasons: v.reasons,
        reasonNote: v.reasonNote,
        requiredBy: ctx.actor.id,
        report: EMPTY_REPORT,
      })
      .returning({ id: bids.id });
    if (!row) throw new Error("BID insert returned no row");
    await recordAudit(tx, ctx, {
      action: "bid.require",
      entity: "bid",
      entityId: row.id,
      detail: { beneficiaryId: child.id, reasons: v.reasons },
    });
    return row;
  });
}
