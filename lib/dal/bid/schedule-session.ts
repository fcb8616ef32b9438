import "server-only";
import { panelInvitations, panelSessions } from "@/db/schema";
import { type SessionInput, sessionSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { forbidden } from "../errors";
import { parseInput } from "../parse";
import { membershipOf } from "./config";

/** The chair schedules a panel session, and sits on it. */
export async function scheduleSession(ctx: DalContext, input: SessionInput): Promise<{ id: string }> {
  authorize(ctx.actor, "bid.panel.chair");
  const v = parseInput(sessionSchema, input);
  return withTransaction(ctx, async (tx) => {
    const member = await membershipOf(tx, ctx.actor);
    if (!member?.isChair) throw forbidden();
    const [row] = await tx
      .insert(panelSessions)
      .values({ title: v.title, sessionDate: v.sessionDate, chairId: ctx.actor.id })
      .returning({ id: panelSessions.id });
    if (!row) throw new Error("session insert returned no row");
    await tx.insert(panelInvitations).values({ sessionId: row.id, userId: ctx.actor.id });
    await recordAudit(tx, ctx, { action: "panel.schedule", entity: "panel_session", entityId: row.id });
    return row;
  });
}
