import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { bids, consents } from "@/db/schema";
import { nextBidStatus } from "@/lib/domain/bid/bid-machine";
import { type BidSupervisorInput, bidSupervisorSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, type Tx, withTransaction } from "../context";
import { conflict, invalid } from "../errors";
import { parseInput } from "../parse";
import { bidInScope, caseActor, refused } from "./case-access";

async function sharingConsented(tx: Tx, beneficiaryId: string): Promise<boolean> {
  const [row] = await tx
    .select({ granted: consents.granted })
    .from(consents)
    .where(
      and(
        eq(consents.beneficiaryId, beneficiaryId),
        eq(consents.purpose, "sharing"),
        isNull(consents.supersededAt),
      ),
    );
  return row?.granted === true;
}

/** The supervisor passes a submitted report to the panel, or returns it to the drafter with a reason. */
export async function reviewBid(ctx: DalContext, input: BidSupervisorInput): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "bid.review");
  const v = parseInput(bidSupervisorSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { bid } = await bidInScope(tx, ctx, scope, v.bidId);
    const event =
      v.decision === "submit_to_panel"
        ? ({ type: "submit_to_panel" } as const)
        : ({ type: "return", reason: v.reason ?? "" } as const);
    const result = nextBidStatus(bid.status, event, caseActor(ctx, bid));
    if (!result.ok) refused(result);
    if (bid.version !== v.version) throw conflict();
    // The report leaves the case for the panel's agencies: that needs consent to sharing, or the
    // supervisor's written reason (the child's best interests, a risk to life) recorded instead.
    const consentOverride =
      v.decision === "submit_to_panel" && !(await sharingConsented(tx, bid.beneficiaryId));
    if (consentOverride && (v.reason ?? "").length < 10) {
      throw invalid({ reason: ["bid.validation.panelConsentReason"] });
    }
    const now = new Date();
    const [row] = await tx
      .update(bids)
      .set({
        status: result.status,
        returnReason: v.decision === "return" ? (v.reason ?? null) : bid.returnReason,
        readyForPanelAt: v.decision === "submit_to_panel" ? now : bid.readyForPanelAt,
        updatedAt: now,
        version: bid.version + 1,
      })
      .where(and(eq(bids.id, bid.id), eq(bids.version, v.version)))
      .returning({ version: bids.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: v.decision === "return" ? "bid.return" : "bid.submit_to_panel",
      entity: "bid",
      entityId: bid.id,
      detail: consentOverride
        ? { beneficiaryId: bid.beneficiaryId, consentOverride: v.reason }
        : { beneficiaryId: bid.beneficiaryId },
    });
    return row;
  });
}
