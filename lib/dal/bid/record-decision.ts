import "server-only";
import { and, eq } from "drizzle-orm";
import { bidDecisions, bids, bidVotes, panelAgendaItems } from "@/db/schema";
import { nextBidStatus } from "@/lib/domain/bid/bid-machine";
import { isDissent, quorumOf, tally, voteExclusion } from "@/lib/domain/bid/votes";
import { type DecisionInput, decisionSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { DalError, invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { panelCase } from "./panel-access";
import { votesOn } from "./votes";

/**
 * The chair records the panel's decision on one case once quorum is met: the voting members present
 * (those who recorded a position, the chair among them, every required agency represented) reach the
 * configured number. The decision is the majority's; a consensus is noted, otherwise each dissenting
 * member's vote is kept with their reasons. A deferral sends the report back to drafting with the
 * panel's questions.
 */
export async function recordDecision(
  ctx: DalContext,
  input: DecisionInput,
  now = new Date(),
): Promise<{ decisionId: string }> {
  authorize(ctx.actor, "bid.panel.chair");
  const v = parseInput(decisionSchema, input);
  return withTransaction(ctx, async (tx) => {
    const c = await panelCase(tx, ctx, v.sessionId, v.bidId, now, true);
    if (!c.member.isChair || c.session.chairId !== ctx.actor.id) throw notFound();
    if (c.item.decidedAt !== null) throw invalid({ _form: ["bid.refused.closed"] });
    const who = { authorId: c.bid.authorId, ownerId: c.child.ownerId };
    const counted = (await votesOn(tx, v.sessionId, v.bidId)).filter(
      (vote) => vote.position !== null && voteExclusion(vote, who) === null,
    );
    const quorum = quorumOf(
      counted.map((vote) => ({ agency: vote.agency, isChair: vote.userId === c.session.chairId })),
      { quorum: c.config.quorum, requiredAgencies: c.config.requiredAgencies },
    );
    const positions = counted.flatMap((vote) => (vote.position ? [vote.position] : []));
    const t = tally(positions);
    const result = nextBidStatus(
      c.bid.status,
      { type: "decide", outcome: v.outcome, quorumMet: quorum.met, majorityOutcome: t.majority },
      { kinds: ["chair"], isAuthor: false },
    );
    if (!result.ok) {
      if (result.error === "state") throw invalid({ _form: ["bid.refused.closed"] });
      throw new DalError("invalid", { _form: [`bid.refused.${result.guard}`] }, { quorum, tally: t });
    }
    const chosenOption = v.chosenOption ? v.chosenOption : null;
    const approving = v.outcome === "approved" || v.outcome === "approved_with_conditions";
    if (approving && !c.bid.report.options.some((o) => o.option === chosenOption))
      throw invalid({ chosenOption: ["bid.validation.optionNotInReport"] });
    const [decision] = await tx
      .insert(bidDecisions)
      .values({
        bidId: v.bidId,
        sessionId: v.sessionId,
        outcome: v.outcome,
        chosenOption: approving ? chosenOption : null,
        conditions: v.outcome === "approved_with_conditions" ? (v.conditions ?? null) : null,
        rationale: v.rationale,
        questions: v.outcome === "deferred" ? (v.questions ?? null) : null,
        consensus: t.consensus,
        present: counted.map((vote) => ({
          userId: vote.userId,
          name: vote.name,
          agency: vote.agency,
          isChair: vote.userId === c.session.chairId,
        })),
        decidedBy: ctx.actor.id,
        decidedAt: now,
      })
      .returning({ id: bidDecisions.id });
    if (!decision) throw new Error("decision insert returned no row");
    for (const vote of counted) {
      await tx
        .update(bidVotes)
        .set({ decisionId: decision.id, dissent: vote.position ? isDissent(vote.position, v.outcome) : null })
        .where(
          and(
            eq(bidVotes.sessionId, v.sessionId),
            eq(bidVotes.bidId, v.bidId),
            eq(bidVotes.userId, vote.userId),
          ),
        );
    }
    await tx
      .update(panelAgendaItems)
      .set({ decidedAt: now })
      .where(and(eq(panelAgendaItems.sessionId, v.sessionId), eq(panelAgendaItems.bidId, v.bidId)));
    await tx
      .update(bids)
      .set({
        status: result.status,
        panelQuestions: v.outcome === "deferred" ? (v.questions ?? null) : c.bid.panelQuestions,
        updatedAt: now,
        version: c.bid.version + 1,
      })
      .where(eq(bids.id, v.bidId));
    await recordAudit(tx, ctx, {
      action: "panel.decide",
      entity: "bid",
      entityId: v.bidId,
      detail: { sessionId: v.sessionId, outcome: v.outcome, consensus: t.consensus, present: counted.length },
    });
    return { decisionId: decision.id };
  });
}
