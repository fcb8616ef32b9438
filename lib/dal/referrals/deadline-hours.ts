import "server-only";
import { eq } from "drizzle-orm";
import { referralSettings } from "@/db/schema";
import { DEFAULT_DEADLINE_HOURS, type Urgency } from "@/lib/domain/referrals/catalogue";
import type { Tx } from "../context";

/** The configured deadline per urgency; the defaults when the settings row is missing. */
export async function deadlineHours(tx: Tx): Promise<Record<Urgency, number>> {
  const [row] = await tx.select().from(referralSettings).where(eq(referralSettings.id, 1));
  if (!row) return { ...DEFAULT_DEADLINE_HOURS };
  return { high: row.highHours, medium: row.mediumHours, low: row.lowHours };
}
