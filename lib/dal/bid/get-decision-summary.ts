import "server-only";
import { desc, eq } from "drizzle-orm";
import { bidDecisions, bids, panelSessions, users } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";
import type { BidOption, BidReason, Outcome } from "@/lib/domain/bid/constants";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { bidCase } from "./case-access";
import { type VoteDto, votesOn } from "./votes";

export interface DecisionSummary {
  bidId: string;
  beneficiaryId: string;
  caseNumber: string;
  childName: string;
  age: number;
  sex: string;
  nationality: string;
  reasons: BidReason[];
  session: { title: string; date: string; chair: string };
  outcome: Outcome;
  chosenOption: BidOption | null;
  conditions: string | null;
  rationale: string;
  questions: string | null;
  consensus: boolean;
  present: Array<{ name: string; agency: string; isChair: boolean }>;
  dissent: VoteDto[];
  decidedAt: string;
  informedOn: string | null;
  informedHow: string | null;
  implementationPlan: string | null;
  followUp: string | null;
  reviewDate: string | null;
}

/** The printable record of a BID's latest panel decision, for the child's file. */
export async function getDecisionSummary(ctx: DalContext, bidId: string): Promise<DecisionSummary> {
  const scope = authorize(ctx.actor, "bid.read");
  return withTransaction(ctx, async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(bidId)) throw notFound();
    const [bid] = await tx.select().from(bids).where(eq(bids.id, bidId));
    if (!bid) throw notFound();
    const child = await bidCase(tx, ctx, scope, bid.beneficiaryId);
    const [row] = await tx
      .select({ d: bidDecisions, s: panelSessions, chair: users.name })
      .from(bidDecisions)
      .innerJoin(panelSessions, eq(panelSessions.id, bidDecisions.sessionId))
      .innerJoin(users, eq(users.id, panelSessions.chairId))
      .where(eq(bidDecisions.bidId, bid.id))
      .orderBy(desc(bidDecisions.decidedAt))
      .limit(1);
    if (!row) throw notFound();
    const votes = await votesOn(tx, row.d.sessionId, bid.id);
    await recordAudit(tx, ctx, {
      action: "bid.read_decision_summary",
      entity: "bid",
      entityId: bid.id,
      detail: { beneficiaryId: child.id, decisionId: row.d.id },
    });
    return {
      bidId: bid.id,
      beneficiaryId: child.id,
      caseNumber: child.caseNumber,
      childName: `${child.familyName}, ${child.givenNames}`,
      age: ageAt(child.dateOfBirth, todayIso()),
      sex: child.sex,
      nationality: child.nationality,
      reasons: bid.reasons,
      session: { title: row.s.title, date: row.s.sessionDate, chair: row.chair },
      outcome: row.d.outcome,
      chosenOption: row.d.chosenOption,
      conditions: row.d.conditions,
      rationale: row.d.rationale,
      questions: row.d.questions,
      consensus: row.d.consensus,
      present: row.d.present.map(({ name, agency, isChair }) => ({ name, agency, isChair })),
      dissent: votes.filter((v) => v.dissent === true),
      decidedAt: row.d.decidedAt.toISOString(),
      informedOn: bid.informedOn,
      informedHow: bid.informedHow,
      implementationPlan: bid.implementationPlan,
      followUp: bid.followUp,
      reviewDate: bid.reviewDate,
    };
  });
}
