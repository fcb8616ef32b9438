import "server-only";
import { lt, sql } from "drizzle-orm";
import { signInAttempts } from "@/db/schema";
import type { Tx } from "../context";

export const RATE_WINDOW_MINUTES = 15;
/** Per address: generous, since an office's staff may share one public address. */
export const MAX_ATTEMPTS_PER_IP = 100;
/** Per email, existing or not: the account lockout only covers existing accounts. */
export const MAX_ATTEMPTS_PER_EMAIL = 10;

/** Counts one attempt for `key` in its current window and returns the window's count. */
async function count(tx: Tx, key: string, now: Date): Promise<number> {
  const limit = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000).toISOString();
  const [row] = await tx
    .insert(signInAttempts)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: signInAttempts.key,
      set: {
        count: sql`case when ${signInAttempts.windowStart} < ${limit}::timestamptz then 1 else ${signInAttempts.count} + 1 end`,
        windowStart: sql`case when ${signInAttempts.windowStart} < ${limit}::timestamptz then ${now.toISOString()}::timestamptz else ${signInAttempts.windowStart} end`,
      },
    })
    .returning({ count: signInAttempts.count });
  return row?.count ?? 1;
}

/**
 * Records a sign-in attempt against the address and the email, in the database so every instance
 * shares the counts; true when either is over its limit in the current window.
 */
export async function signInRateLimited(
  tx: Tx,
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<boolean> {
  await tx.delete(signInAttempts).where(lt(signInAttempts.windowStart, new Date(now.getTime() - 86_400_000)));
  const byEmail = await count(tx, `email:${email}`, now);
  const byIp = ip ? await count(tx, `ip:${ip}`, now) : 0;
  return byEmail > MAX_ATTEMPTS_PER_EMAIL || byIp > MAX_ATTEMPTS_PER_IP;
}
