import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { referrals } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/domain/referrals/state-machine";
import { type Tx, withTransaction } from "../context";
import { applyTransition } from "./apply-transition";

/**
 * Stores the expiry of every sent referral whose deadline passed without acceptance. Reads already
 * show such referrals as expired; this makes it durable, with a history row by the application.
 * Runs when the supervisor's queue loads and from a scheduled job; `now` is injectable for tests.
 * Rows another transaction holds are skipped and picked up next time, so it never blocks a user.
 */
export async function expireOverdueReferrals(now: Date = new Date(), outer?: { tx?: Tx }): Promise<number> {
  return withTransaction(outer ?? {}, async (tx) => {
    const due = await tx
      .select()
      .from(referrals)
      .where(and(eq(referrals.state, "sent"), lt(referrals.dueAt, now)))
      .for("update", { skipLocked: true });
    for (const referral of due) {
      await applyTransition(tx, {
        referral,
        event: "expire",
        actor: SYSTEM_ACTOR,
        ctx: null,
        now,
        version: referral.version,
      });
    }
    return due.length;
  });
}
