import "server-only";
import { desc, eq } from "drizzle-orm";
import { panelInvitations, panelSessions } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { membershipOf } from "./config";

export interface SessionListItem {
  id: string;
  title: string;
  sessionDate: string;
  chairing: boolean;
  undertakingAccepted: boolean;
  published: boolean;
}

/** The sessions a member is invited to: the only way into the panel's work. */
export async function listMySessions(
  ctx: DalContext,
): Promise<{ isChair: boolean; agency: string | null; sessions: SessionListItem[] }> {
  authorize(ctx.actor, "bid.panel.read_agenda_report");
  return withTransaction(ctx, async (tx) => {
    const member = await membershipOf(tx, ctx.actor);
    if (!member) return { isChair: false, agency: null, sessions: [] };
    const rows = await tx
      .select({ session: panelSessions, accepted: panelInvitations.undertakingAcceptedAt })
      .from(panelInvitations)
      .innerJoin(panelSessions, eq(panelSessions.id, panelInvitations.sessionId))
      .where(eq(panelInvitations.userId, ctx.actor.id))
      .orderBy(desc(panelSessions.sessionDate), desc(panelSessions.createdAt))
      .limit(100);
    await recordAudit(tx, ctx, {
      action: "panel.list_sessions",
      entity: "panel_session",
      detail: { count: rows.length },
    });
    return {
      isChair: member.isChair,
      agency: member.agency,
      sessions: rows.map((r) => ({
        id: r.session.id,
        title: r.session.title,
        sessionDate: r.session.sessionDate,
        chairing: r.session.chairId === ctx.actor.id,
        undertakingAccepted: r.accepted !== null,
        published: r.session.agendaPublishedAt !== null,
      })),
    };
  });
}
