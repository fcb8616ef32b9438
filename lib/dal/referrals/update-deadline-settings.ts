import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { referralSettings } from "@/db/schema";
import { deadlineSettingsSchema } from "@/lib/validation/referral";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict } from "../errors";
import { parseInput } from "../parse";

/** New deadlines apply to clocks started from now on; running clocks keep their deadline. */
export async function updateDeadlineSettings(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  authorize(ctx.actor, "referral.configure");
  const v = parseInput(deadlineSettingsSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [updated] = await tx
      .update(referralSettings)
      .set({
        highHours: v.highHours,
        mediumHours: v.mediumHours,
        lowHours: v.lowHours,
        version: sql`${referralSettings.version} + 1`,
        updatedBy: ctx.actor.id,
        updatedAt: new Date(),
      })
      .where(and(eq(referralSettings.id, 1), eq(referralSettings.version, v.version)))
      .returning({ version: referralSettings.version });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "referral_settings",
      entityId: "1",
      detail: { highHours: v.highHours, mediumHours: v.mediumHours, lowHours: v.lowHours },
    });
    return updated;
  });
}
