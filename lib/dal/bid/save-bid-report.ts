import "server-only";
import { and, eq } from "drizzle-orm";
import { bids } from "@/db/schema";
import { nextBidStatus } from "@/lib/domain/bid/bid-machine";
import { submissionBlockers } from "@/lib/domain/bid/report";
import { type BidReportInput, bidReportSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid } from "../errors";
import { parseInput } from "../parse";
import { bidInScope, caseActor, refused } from "./case-access";

/**
 * Saves the BID report, and submits it to the supervisor when asked. Submission is refused while an
 * element is missing without a recorded reason; each blocker is named on its field.
 */
export async function saveBidReport(
  ctx: DalContext,
  input: BidReportInput & { submit?: boolean },
): Promise<{ version: number; status: string }> {
  const scope = authorize(ctx.actor, "bid.draft");
  const v = parseInput(bidReportSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { bid } = await bidInScope(tx, ctx, scope, v.bidId);
    const actor = caseActor(ctx, bid);
    let result = nextBidStatus(bid.status, { type: "save_draft" }, actor);
    if (!result.ok) refused(result);
    if (input.submit) {
      const blockers = submissionBlockers(v.report, v.missingReasons);
      result = nextBidStatus(bid.status, { type: "submit", blockers: blockers.length }, actor);
      if (!result.ok && result.guard === "incomplete")
        throw invalid({
          _form: ["bid.refused.incomplete"],
          ...Object.fromEntries(blockers.map((e) => [`missing.${e}`, ["bid.validation.elementMissing"]])),
        });
      if (!result.ok) refused(result);
    }
    if (bid.version !== v.version) throw conflict();
    const now = new Date();
    const [row] = await tx
      .update(bids)
      .set({
        report: v.report,
        missingReasons: v.missingReasons,
        status: result.status,
        authorId: bid.authorId ?? ctx.actor.id,
        submittedAt: result.status === "submitted" ? now : bid.submittedAt,
        updatedAt: now,
        version: bid.version + 1,
      })
      .where(and(eq(bids.id, bid.id), eq(bids.version, v.version)))
      .returning({ version: bids.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: result.status === "submitted" ? "bid.submit" : "bid.save_report",
      entity: "bid",
      entityId: bid.id,
      detail: { beneficiaryId: bid.beneficiaryId, missingWithReason: Object.keys(v.missingReasons) },
    });
    return { version: row.version, status: result.status };
  });
}
