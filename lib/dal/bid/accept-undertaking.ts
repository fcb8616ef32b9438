import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { panelInvitations } from "@/db/schema";
import { sessionIdSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { sessionSeat } from "./panel-access";

/** A member accepts the confidentiality undertaking for one session; nothing is shown before. */
export async function acceptUndertaking(
  ctx: DalContext,
  input: { sessionId: string },
  now = new Date(),
): Promise<void> {
  authorize(ctx.actor, "bid.panel.read_agenda_report");
  const v = parseInput(sessionIdSchema, input);
  await withTransaction(ctx, async (tx) => {
    await sessionSeat(tx, ctx, v.sessionId);
    await tx
      .update(panelInvitations)
      .set({ undertakingAcceptedAt: now })
      .where(
        and(
          eq(panelInvitations.sessionId, v.sessionId),
          eq(panelInvitations.userId, ctx.actor.id),
          isNull(panelInvitations.undertakingAcceptedAt),
        ),
      );
    await recordAudit(tx, ctx, {
      action: "panel.accept_undertaking",
      entity: "panel_session",
      entityId: v.sessionId,
    });
  });
}
