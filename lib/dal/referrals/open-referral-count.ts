import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { referrals } from "@/db/schema";
import { OPEN_STATES } from "@/lib/domain/referrals/catalogue";
import type { Tx } from "../context";

/**
 * How many of a person's referrals are still open: every state except completed, withdrawn and
 * closed. Drafts, returned referrals and those awaiting the supervisor's decision after a decline,
 * an expiry or a "not completed" count as open — the person's need is not settled yet.
 * Called by the caller's use case, which has already checked access to the case.
 */
export async function openReferralCount(tx: Tx, beneficiaryId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(referrals)
    .where(and(eq(referrals.beneficiaryId, beneficiaryId), inArray(referrals.state, [...OPEN_STATES])));
  return row?.n ?? 0;
}
