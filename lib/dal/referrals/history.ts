import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { referralEvents, users } from "@/db/schema";
import type { ReferralState } from "@/lib/domain/referrals/catalogue";
import type { ReferralEvent } from "@/lib/domain/referrals/state-machine";
import type { Tx } from "../context";

export interface ReferralHistoryEntry {
  event: ReferralEvent | null;
  fromState: ReferralState | null;
  toState: ReferralState;
  actorName: string | null;
  actorRole: string;
  at: string;
  note: string | null;
}

/** History of several referrals at once, oldest first, keyed by referral id. */
export async function historyOf(tx: Tx, ids: string[]): Promise<Map<string, ReferralHistoryEntry[]>> {
  const out = new Map<string, ReferralHistoryEntry[]>();
  if (ids.length === 0) return out;
  const actor = alias(users, "actor");
  const rows = await tx
    .select({ e: referralEvents, actorName: actor.name })
    .from(referralEvents)
    .leftJoin(actor, eq(actor.id, referralEvents.actorId))
    .where(inArray(referralEvents.referralId, ids))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
  for (const { e, actorName } of rows) {
    const list = out.get(e.referralId) ?? [];
    list.push({
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      actorName,
      actorRole: e.actorRole,
      at: e.at.toISOString(),
      note: e.note,
    });
    out.set(e.referralId, list);
  }
  return out;
}
