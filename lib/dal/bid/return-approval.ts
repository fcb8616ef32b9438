import "server-only";
import { desc, eq } from "drizzle-orm";
import { bidDecisions, bids } from "@/db/schema";
import { RETURN_OPTIONS } from "@/lib/domain/bid/constants";
import type { Tx } from "../context";

/**
 * For VHR booking of an unaccompanied or separated child: whether the latest panel decision on the
 * child approves (with or without conditions) a return option — VHR with reintegration or family
 * reunification in the country of origin — and whether tracing located the family. The caller
 * has already checked the actor's access to the case; this reads no personal data for display.
 */
export async function bidApprovesReturn(
  tx: Tx,
  beneficiaryId: string,
): Promise<{ approved: boolean; familyLocated: boolean; decidedAt: string | null }> {
  const [latest] = await tx
    .select({ decision: bidDecisions, bidId: bids.id, report: bids.report, status: bids.status })
    .from(bidDecisions)
    .innerJoin(bids, eq(bids.id, bidDecisions.bidId))
    .where(eq(bids.beneficiaryId, beneficiaryId))
    .orderBy(desc(bidDecisions.decidedAt))
    .limit(1);
  if (!latest) return { approved: false, familyLocated: false, decidedAt: null };
  const [current] = await tx
    .select({ id: bids.id })
    .from(bids)
    .where(eq(bids.beneficiaryId, beneficiaryId))
    .orderBy(desc(bids.createdAt))
    .limit(1);
  // A decision stands only while its BID is the child's current one and is not reopened or under review.
  const standing =
    current?.id === latest.bidId && (latest.status === "decided" || latest.status === "implementation");
  const approved =
    standing &&
    (latest.decision.outcome === "approved" || latest.decision.outcome === "approved_with_conditions") &&
    latest.decision.chosenOption !== null &&
    RETURN_OPTIONS.includes(latest.decision.chosenOption);
  return {
    approved,
    familyLocated: latest.report.tracingOutcome === "located",
    decidedAt: latest.decision.decidedAt.toISOString(),
  };
}
