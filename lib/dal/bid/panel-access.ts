import "server-only";
import { and, eq } from "drizzle-orm";
import { beneficiaries, bids, panelAgendaItems, panelInvitations, panelSessions } from "@/db/schema";
import { panelWindowOpen } from "@/lib/domain/bid/timing";
import type { DalContext, Tx } from "../context";
import { notFound } from "../errors";
import { loadPanelConfig, membershipOf, type PanelConfigRow, type PanelMembership } from "./config";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SessionRow = typeof panelSessions.$inferSelect;
export type InvitationRow = typeof panelInvitations.$inferSelect;

export interface Seat {
  member: PanelMembership;
  session: SessionRow;
  invitation: InvitationRow;
}

/**
 * The actor's seat at a session: an active panel member invited to it. Anything else — another
 * session, a malformed id, a former member — is "not found", so ids reveal nothing.
 */
export async function sessionSeat(tx: Tx, ctx: DalContext, sessionId: string): Promise<Seat> {
  if (!UUID.test(sessionId)) throw notFound();
  const member = await membershipOf(tx, ctx.actor);
  if (!member) throw notFound();
  const [found] = await tx
    .select({ session: panelSessions, invitation: panelInvitations })
    .from(panelSessions)
    .innerJoin(
      panelInvitations,
      and(eq(panelInvitations.sessionId, panelSessions.id), eq(panelInvitations.userId, ctx.actor.id)),
    )
    .where(eq(panelSessions.id, sessionId));
  if (!found) throw notFound();
  return { member, ...found };
}

/** The chair's seat: the member holding the chair flag who chairs this session. */
export async function chairSeat(tx: Tx, ctx: DalContext, sessionId: string): Promise<Seat> {
  const seat = await sessionSeat(tx, ctx, sessionId);
  if (!seat.member.isChair || seat.session.chairId !== ctx.actor.id) throw notFound();
  return seat;
}

export type BidRow = typeof bids.$inferSelect;
export type ChildRow = typeof beneficiaries.$inferSelect;
export type AgendaRow = typeof panelAgendaItems.$inferSelect;

export interface PanelCase extends Seat {
  item: AgendaRow;
  bid: BidRow;
  child: ChildRow;
  config: PanelConfigRow;
}

/**
 * A case as a panel member reaches it: on the agenda of a session they are invited to, after they
 * accepted that session's confidentiality undertaking, within the access window
 * [agenda published, decision + configured days]. Every other path is "not found".
 */
export async function panelCase(
  tx: Tx,
  ctx: DalContext,
  sessionId: string,
  bidId: string,
  now: Date,
  lock = false,
): Promise<PanelCase> {
  if (!UUID.test(bidId)) throw notFound();
  const seat = await sessionSeat(tx, ctx, sessionId);
  if (!seat.invitation.undertakingAcceptedAt) throw notFound();
  const [item] = await tx
    .select()
    .from(panelAgendaItems)
    .where(and(eq(panelAgendaItems.sessionId, sessionId), eq(panelAgendaItems.bidId, bidId)));
  if (!item) throw notFound();
  const config = await loadPanelConfig(tx);
  const published = seat.session.agendaPublishedAt;
  if (!panelWindowOpen({ publishedAt: published, decidedAt: item.decidedAt }, config.accessDays, now))
    throw notFound();
  const query = tx.select().from(bids).where(eq(bids.id, bidId));
  const [bid] = lock ? await query.for("update") : await query;
  if (!bid) throw notFound();
  const [child] = await tx.select().from(beneficiaries).where(eq(beneficiaries.id, bid.beneficiaryId));
  if (!child) throw notFound();
  return { ...seat, item, bid, child, config };
}
