import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { bids, panelAgendaItems, panelInvitations, panelMembers, panelSessions, users } from "@/db/schema";
import { nextBidStatus } from "@/lib/domain/bid/bid-machine";
import { agendaSchema, inviteSchema, sessionIdSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { refused } from "./case-access";
import { chairSeat } from "./panel-access";

const CHAIR = { kinds: ["chair"] as const, isAuthor: false };

/** The chair puts a case passed by a supervisor on the session's agenda (after their undertaking). */
export async function addToAgenda(
  ctx: DalContext,
  input: { sessionId: string; bidId: string },
): Promise<void> {
  authorize(ctx.actor, "bid.panel.chair");
  const v = parseInput(agendaSchema, input);
  await withTransaction(ctx, async (tx) => {
    const seat = await chairSeat(tx, ctx, v.sessionId);
    if (!seat.invitation.undertakingAcceptedAt) throw invalid({ _form: ["bid.refused.undertakingFirst"] });
    const [bid] = await tx.select().from(bids).where(eq(bids.id, v.bidId)).for("update");
    if (!bid) throw notFound();
    const result = nextBidStatus(bid.status, { type: "add_to_agenda" }, CHAIR);
    if (!result.ok) refused(result);
    await tx.insert(panelAgendaItems).values({ sessionId: v.sessionId, bidId: bid.id });
    await tx
      .update(bids)
      .set({ status: result.status, updatedAt: new Date(), version: bid.version + 1 })
      .where(eq(bids.id, bid.id));
    await recordAudit(tx, ctx, {
      action: "panel.add_to_agenda",
      entity: "bid",
      entityId: bid.id,
      detail: { sessionId: v.sessionId },
    });
  });
}

/** The chair invites active panel members to the session. */
export async function inviteMembers(
  ctx: DalContext,
  input: { sessionId: string; userIds: string[] },
): Promise<void> {
  authorize(ctx.actor, "bid.panel.chair");
  const v = parseInput(inviteSchema, input);
  await withTransaction(ctx, async (tx) => {
    await chairSeat(tx, ctx, v.sessionId);
    const eligible = await tx
      .select({ id: panelMembers.userId })
      .from(panelMembers)
      .innerJoin(users, eq(users.id, panelMembers.userId))
      .where(
        and(
          inArray(panelMembers.userId, v.userIds),
          eq(panelMembers.active, true),
          eq(users.active, true),
          eq(users.role, "bid_panel"),
        ),
      );
    if (eligible.length !== new Set(v.userIds).size) throw invalid({ userIds: ["bid.validation.notMember"] });
    await tx
      .insert(panelInvitations)
      .values(eligible.map((e) => ({ sessionId: v.sessionId, userId: e.id })))
      .onConflictDoNothing();
    await recordAudit(tx, ctx, {
      action: "panel.invite",
      entity: "panel_session",
      entityId: v.sessionId,
      detail: { invited: eligible.map((e) => e.id) },
    });
  });
}

/** Publishing the agenda opens the members' access window to its reports. */
export async function publishAgenda(
  ctx: DalContext,
  input: { sessionId: string },
  now = new Date(),
): Promise<void> {
  authorize(ctx.actor, "bid.panel.chair");
  const v = parseInput(sessionIdSchema, input);
  await withTransaction(ctx, async (tx) => {
    await chairSeat(tx, ctx, v.sessionId);
    await tx
      .update(panelSessions)
      .set({ agendaPublishedAt: now })
      .where(and(eq(panelSessions.id, v.sessionId), isNull(panelSessions.agendaPublishedAt)));
    await recordAudit(tx, ctx, {
      action: "panel.publish_agenda",
      entity: "panel_session",
      entityId: v.sessionId,
    });
  });
}
