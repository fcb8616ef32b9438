import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { referralEvents, referrals } from "@/db/schema";
import { dueAt } from "@/lib/domain/referrals/catalogue";
import { type ReferralEvent, type TransitionActor, transition } from "@/lib/domain/referrals/state-machine";
import { recordAudit } from "../audit/record-audit";
import type { DalContext, Tx } from "../context";
import { conflict, forbidden } from "../errors";
import type { ReferralRow } from "./access";
import { deadlineHours } from "./deadline-hours";

export interface TransitionRequest {
  referral: ReferralRow;
  event: ReferralEvent;
  actor: TransitionActor;
  /** Who to record: the signed-in user, or null when the application acts on its own (expiry). */
  ctx: Pick<DalContext, "actor" | "ip"> | null;
  note?: string | null;
  now: Date;
  /** The version the actor saw; the update happens only if nobody acted in between. */
  version: number;
}

/**
 * The one place a referral changes state. The update is guarded by id, version and the stored
 * state, so of two people acting at once exactly one changes the row; the other changes nothing
 * and gets a conflict. The history row and the audit row are written in the same transaction.
 */
export async function applyTransition(tx: Tx, req: TransitionRequest): Promise<ReferralRow> {
  const { referral, event, now } = req;
  const result = transition(referral, event, req.actor, now);
  if (!result.ok) throw result.error === "not_allowed" ? forbidden() : conflict();
  if (referral.version !== req.version) throw conflict();
  const restartsClock = event === "submit" || event === "send";
  const nextDue = restartsClock ? dueAt(now, referral.urgency, await deadlineHours(tx)) : referral.dueAt;
  const [updated] = await tx
    .update(referrals)
    .set({
      state: result.to,
      dueAt: nextDue,
      version: sql`${referrals.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        eq(referrals.id, referral.id),
        eq(referrals.version, req.version),
        eq(referrals.state, referral.state),
      ),
    )
    .returning();
  if (!updated) throw conflict();
  await tx.insert(referralEvents).values({
    referralId: referral.id,
    event,
    fromState: referral.state,
    toState: result.to,
    actorId: req.ctx?.actor.id ?? null,
    actorRole: req.ctx?.actor.role ?? "system",
    at: now,
    note: req.note ?? null,
  });
  await recordAudit(tx, req.ctx, {
    action: `referral.${event}`,
    entity: "referral",
    entityId: referral.id,
    detail: { from: referral.state, to: result.to, service: referral.service, note: Boolean(req.note) },
  });
  return updated;
}
