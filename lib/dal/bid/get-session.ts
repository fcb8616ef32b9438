import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import {
  beneficiaries,
  bidDecisions,
  bids,
  panelAgendaItems,
  panelInvitations,
  panelMembers,
  users,
} from "@/db/schema";
import type { BidReason, BidStatus, Outcome } from "@/lib/domain/bid/constants";
import { panelWindowOpen } from "@/lib/domain/bid/timing";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { type ChildIdentity, childIdentity } from "./child-identity";
import { loadPanelConfig } from "./config";
import { sessionSeat } from "./panel-access";

export interface AgendaEntry {
  bidId: string;
  child: ChildIdentity;
  reasons: BidReason[];
  status: BidStatus;
  outcome: Outcome | null;
}

export interface SessionView {
  id: string;
  title: string;
  sessionDate: string;
  chairing: boolean;
  published: boolean;
  undertakingAccepted: boolean;
  invitees: Array<{ userId: string; name: string; agency: string | null; accepted: boolean }>;
  /** Empty until the member accepted the undertaking, and only cases within their access window. */
  agenda: AgendaEntry[];
  /** For the chair only: cases ready for the panel and members not yet invited. */
  ready: AgendaEntry[];
  invitable: Array<{ userId: string; name: string; agency: string }>;
}

export async function getSession(ctx: DalContext, sessionId: string, now = new Date()): Promise<SessionView> {
  authorize(ctx.actor, "bid.panel.read_agenda_report");
  return withTransaction(ctx, async (tx) => {
    const seat = await sessionSeat(tx, ctx, sessionId);
    const chairing = seat.member.isChair && seat.session.chairId === ctx.actor.id;
    const accepted = seat.invitation.undertakingAcceptedAt !== null;
    const config = await loadPanelConfig(tx);
    const invitees = await tx
      .select({
        userId: users.id,
        name: users.name,
        agency: panelMembers.agency,
        accepted: panelInvitations.undertakingAcceptedAt,
      })
      .from(panelInvitations)
      .innerJoin(users, eq(users.id, panelInvitations.userId))
      .leftJoin(panelMembers, eq(panelMembers.userId, users.id))
      .where(eq(panelInvitations.sessionId, sessionId))
      .orderBy(users.name);
    let agenda: AgendaEntry[] = [];
    let ready: AgendaEntry[] = [];
    if (accepted) {
      const rows = await tx
        .select({ item: panelAgendaItems, bid: bids, child: beneficiaries, outcome: bidDecisions.outcome })
        .from(panelAgendaItems)
        .innerJoin(bids, eq(bids.id, panelAgendaItems.bidId))
        .innerJoin(beneficiaries, eq(beneficiaries.id, bids.beneficiaryId))
        .leftJoin(
          bidDecisions,
          and(eq(bidDecisions.bidId, bids.id), eq(bidDecisions.sessionId, panelAgendaItems.sessionId)),
        )
        .where(eq(panelAgendaItems.sessionId, sessionId))
        .orderBy(panelAgendaItems.addedAt);
      // The chair composes the agenda before publishing it; members see it only once published.
      const visible = rows.filter(
        (r) =>
          (chairing && !seat.session.agendaPublishedAt) ||
          panelWindowOpen(
            { publishedAt: seat.session.agendaPublishedAt, decidedAt: r.item.decidedAt },
            config.accessDays,
            now,
          ),
      );
      agenda = visible.map((r) => ({
        bidId: r.bid.id,
        child: childIdentity(r.child, seat.session.sessionDate, config.ageOutHorizonDays),
        reasons: r.bid.reasons,
        status: r.bid.status,
        outcome: r.outcome,
      }));
      if (chairing) {
        const readyRows = await tx
          .select({ bid: bids, child: beneficiaries })
          .from(bids)
          .innerJoin(beneficiaries, eq(beneficiaries.id, bids.beneficiaryId))
          .where(eq(bids.status, "ready_for_panel"))
          .orderBy(bids.readyForPanelAt)
          .limit(100);
        ready = readyRows.map((r) => ({
          bidId: r.bid.id,
          child: childIdentity(r.child, seat.session.sessionDate, config.ageOutHorizonDays),
          reasons: r.bid.reasons,
          status: r.bid.status,
          outcome: null,
        }));
      }
    }
    const invitedIds = invitees.map((i) => i.userId);
    const invitable = chairing
      ? await tx
          .select({ userId: users.id, name: users.name, agency: panelMembers.agency })
          .from(panelMembers)
          .innerJoin(users, eq(users.id, panelMembers.userId))
          .where(
            and(
              eq(panelMembers.active, true),
              eq(users.active, true),
              eq(users.role, "bid_panel"),
              notInArray(users.id, invitedIds),
            ),
          )
          .orderBy(users.name)
      : [];
    await recordAudit(tx, ctx, {
      action: "panel.read_session",
      entity: "panel_session",
      entityId: sessionId,
      detail: { agenda: agenda.map((a) => a.bidId), ready: ready.length },
    });
    return {
      id: seat.session.id,
      title: seat.session.title,
      sessionDate: seat.session.sessionDate,
      chairing,
      published: seat.session.agendaPublishedAt !== null,
      undertakingAccepted: accepted,
      invitees: invitees.map((i) => ({ ...i, accepted: i.accepted !== null })),
      agenda,
      ready,
      invitable,
    };
  });
}
