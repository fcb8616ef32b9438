import "server-only";
import { eq, sql } from "drizzle-orm";
import { vhrSettings } from "@/db/schema";
import { type VhrSettingsInput, vhrSettingsSchema } from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict } from "../errors";
import { parseInput } from "../parse";

export interface VhrSettingsDto {
  fitToTravelWindowHours: number;
  version: number;
}

export async function getVhrSettings(ctx: DalContext): Promise<VhrSettingsDto> {
  authorize(ctx.actor, "vhr.configure");
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(vhrSettings);
    return { fitToTravelWindowHours: row?.fitToTravelWindowHours ?? 72, version: row?.version ?? 1 };
  });
}

/** How long before departure a fit-to-travel examination may be: the mission's medical policy. */
export async function updateVhrSettings(ctx: DalContext, input: VhrSettingsInput): Promise<VhrSettingsDto> {
  authorize(ctx.actor, "vhr.configure");
  const data = parseInput(vhrSettingsSchema, input);
  return withTransaction(ctx, async (tx) => {
    await tx.insert(vhrSettings).values({ id: true }).onConflictDoNothing();
    const [before] = await tx.select().from(vhrSettings).for("update");
    if (!before || before.version !== data.version) throw conflict();
    const [after] = await tx
      .update(vhrSettings)
      .set({
        fitToTravelWindowHours: data.fitToTravelWindowHours,
        updatedBy: ctx.actor.id,
        updatedAt: new Date(),
        version: sql`${vhrSettings.version} + 1`,
      })
      .where(eq(vhrSettings.id, true))
      .returning();
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "vhr_settings",
      changes: {
        fitToTravelWindowHours: { before: before.fitToTravelWindowHours, after: data.fitToTravelWindowHours },
      },
    });
    return {
      fitToTravelWindowHours: after?.fitToTravelWindowHours ?? data.fitToTravelWindowHours,
      version: after?.version ?? 0,
    };
  });
}
