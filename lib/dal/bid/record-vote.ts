import "server-only";
import { bidVotes } from "@/db/schema";
import { voteExclusion } from "@/lib/domain/bid/votes";
import { type ConflictInput, conflictSchema, type VoteInput, voteSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import type { Tx } from "../context";
import { type DalContext, withTransaction } from "../context";
import { invalid } from "../errors";
import { parseInput } from "../parse";
import { type PanelCase, panelCase } from "./panel-access";

async function openCase(
  tx: Tx,
  ctx: DalContext,
  sessionId: string,
  bidId: string,
  now: Date,
): Promise<PanelCase> {
  const c = await panelCase(tx, ctx, sessionId, bidId, now, true);
  if (c.bid.status !== "on_agenda" || c.item.decidedAt !== null)
    throw invalid({ _form: ["bid.refused.closed"] });
  return c;
}

/**
 * A member records (or changes, until the decision) their position, the option they support and
 * their reasons. The report's author and the case owner present the case; they never vote.
 */
export async function recordVote(ctx: DalContext, input: VoteInput, now = new Date()): Promise<void> {
  authorize(ctx.actor, "bid.panel.vote");
  const v = parseInput(voteSchema, input);
  await withTransaction(ctx, async (tx) => {
    const c = await openCase(tx, ctx, v.sessionId, v.bidId, now);
    const excluded = voteExclusion(
      { userId: ctx.actor.id, conflictDeclared: false },
      { authorId: c.bid.authorId, ownerId: c.child.ownerId },
    );
    if (excluded) throw invalid({ _form: [`bid.refused.cannotVote.${excluded}`] });
    const option = v.option ? v.option : null;
    if (option && !c.bid.report.options.some((o) => o.option === option))
      throw invalid({ option: ["bid.validation.optionNotInReport"] });
    const values = {
      agency: c.member.agency,
      position: v.position,
      option,
      reasons: v.reasons,
      conflictDeclared: false,
      conflictReason: null,
      recordedAt: now,
    };
    await tx
      .insert(bidVotes)
      .values({ sessionId: v.sessionId, bidId: v.bidId, userId: ctx.actor.id, ...values })
      .onConflictDoUpdate({ target: [bidVotes.sessionId, bidVotes.bidId, bidVotes.userId], set: values });
    await recordAudit(tx, ctx, {
      action: "panel.vote",
      entity: "bid",
      entityId: v.bidId,
      detail: { sessionId: v.sessionId, position: v.position },
    });
  });
}

/** A member declares a conflict of interest on one case: they abstain and are not counted. */
export async function declareConflict(
  ctx: DalContext,
  input: ConflictInput,
  now = new Date(),
): Promise<void> {
  authorize(ctx.actor, "bid.panel.vote");
  const v = parseInput(conflictSchema, input);
  await withTransaction(ctx, async (tx) => {
    const c = await openCase(tx, ctx, v.sessionId, v.bidId, now);
    const values = {
      agency: c.member.agency,
      position: null,
      option: null,
      reasons: null,
      conflictDeclared: true,
      conflictReason: v.conflictReason,
      recordedAt: now,
    };
    await tx
      .insert(bidVotes)
      .values({ sessionId: v.sessionId, bidId: v.bidId, userId: ctx.actor.id, ...values })
      .onConflictDoUpdate({ target: [bidVotes.sessionId, bidVotes.bidId, bidVotes.userId], set: values });
    await recordAudit(tx, ctx, {
      action: "panel.declare_conflict",
      entity: "bid",
      entityId: v.bidId,
      detail: { sessionId: v.sessionId },
    });
  });
}
