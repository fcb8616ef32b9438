import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Tx } from "../context";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * Counts one failed proof (wrong password or wrong second-factor code) against the user, locking
 * the account after MAX_FAILED_SIGN_INS. The caller holds the user's row lock. True when it locked.
 */
export async function countFailure(
  tx: Tx,
  user: { id: string; failedSignIns: number; lockedUntil: Date | null },
  now: Date,
): Promise<boolean> {
  const failed = user.failedSignIns + 1;
  const lock = failed >= MAX_FAILED_SIGN_INS;
  await tx
    .update(users)
    .set({
      failedSignIns: lock ? 0 : failed,
      lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil,
    })
    .where(eq(users.id, user.id));
  return lock;
}
