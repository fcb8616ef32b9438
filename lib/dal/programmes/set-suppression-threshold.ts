import "server-only";
import { rollupSettings } from "@/db/schema";
import { thresholdSchema } from "@/lib/validation/programmes";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";

export async function setSuppressionThreshold(
  ctx: DalContext,
  input: { threshold: number | string },
): Promise<void> {
  authorize(ctx.actor, "programme.configure");
  const data = parseInput(thresholdSchema, input);
  await withTransaction(ctx, async (tx) => {
    await tx
      .insert(rollupSettings)
      .values({ id: 1, suppressionThreshold: data.threshold })
      .onConflictDoUpdate({
        target: rollupSettings.id,
        set: { suppressionThreshold: data.threshold, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "rollup_settings",
      detail: { threshold: data.threshold },
    });
  });
}
