import "server-only";
import { and, eq } from "drizzle-orm";
import { bidDecisions } from "@/db/schema";
import type { BidReason, BidStatus, ReportElement } from "@/lib/domain/bid/constants";
import { type BidReport, type MissingReasons, missingElements } from "@/lib/domain/bid/report";
import { type QuorumResult, quorumOf, type Tally, tally, voteExclusion } from "@/lib/domain/bid/votes";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { type ChildIdentity, childIdentity } from "./child-identity";
import { panelCase } from "./panel-access";
import { type VoteDto, votesOn } from "./votes";

export interface PanelReportView {
  sessionId: string;
  sessionTitle: string;
  sessionDate: string;
  bidId: string;
  child: ChildIdentity;
  status: BidStatus;
  reasons: BidReason[];
  reasonNote: string;
  report: BidReport;
  missingReasons: MissingReasons;
  missing: ReportElement[];
  panelQuestions: string | null;
  chairing: boolean;
  /** Why the member may not vote on this case, if so. */
  exclusion: "author" | "owner" | "conflict" | null;
  open: boolean;
  votes: VoteDto[];
  quorum: QuorumResult;
  tally: Tally;
  decision: typeof bidDecisions.$inferSelect | null;
}

/**
 * A BID report as the panel sees it, through /panel/sessions/<session>/cases/<bid> only: the report
 * and the minimal identity of the child, the deliberation so far, and the decision once taken.
 */
export async function getPanelReport(
  ctx: DalContext,
  sessionId: string,
  bidId: string,
  now = new Date(),
): Promise<PanelReportView> {
  authorize(ctx.actor, "bid.panel.read_agenda_report");
  return withTransaction(ctx, async (tx) => {
    const c = await panelCase(tx, ctx, sessionId, bidId, now);
    const votes = await votesOn(tx, sessionId, bidId);
    const [decision] = await tx
      .select()
      .from(bidDecisions)
      .where(and(eq(bidDecisions.sessionId, sessionId), eq(bidDecisions.bidId, bidId)));
    const mine = votes.find((v) => v.userId === ctx.actor.id);
    const who = { authorId: c.bid.authorId, ownerId: c.child.ownerId };
    const counted = votes.filter((v) => v.position !== null && voteExclusion(v, who) === null);
    await recordAudit(tx, ctx, {
      action: "panel.read_report",
      entity: "bid",
      entityId: bidId,
      detail: { sessionId, beneficiaryId: c.child.id },
    });
    return {
      sessionId,
      sessionTitle: c.session.title,
      sessionDate: c.session.sessionDate,
      bidId,
      child: childIdentity(c.child, c.session.sessionDate, c.config.ageOutHorizonDays),
      status: c.bid.status,
      reasons: c.bid.reasons,
      reasonNote: c.bid.reasonNote,
      report: c.bid.report,
      missingReasons: c.bid.missingReasons,
      missing: missingElements(c.bid.report),
      panelQuestions: c.bid.panelQuestions,
      chairing: c.member.isChair && c.session.chairId === ctx.actor.id,
      exclusion: voteExclusion(
        { userId: ctx.actor.id, conflictDeclared: mine?.conflictDeclared ?? false },
        who,
      ),
      open: c.bid.status === "on_agenda" && c.item.decidedAt === null,
      votes,
      quorum: quorumOf(
        counted.map((v) => ({ agency: v.agency, isChair: v.userId === c.session.chairId })),
        { quorum: c.config.quorum, requiredAgencies: c.config.requiredAgencies },
      ),
      tally: tally(counted.map((v) => v.position).filter((p) => p !== null)),
      decision: decision ?? null,
    };
  });
}
