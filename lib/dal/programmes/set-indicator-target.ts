import "server-only";
import { and, eq } from "drizzle-orm";
import { indicators, indicatorTargets, reportingPeriods } from "@/db/schema";
import { type TargetInput, targetSchema } from "@/lib/validation/programmes";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse";

export async function setIndicatorTarget(ctx: DalContext, input: TargetInput): Promise<void> {
  authorize(ctx.actor, "programme.configure");
  const data = parseInput(targetSchema, input);
  await withTransaction(ctx, async (tx) => {
    const [indicator] = await tx.select().from(indicators).where(eq(indicators.code, data.indicatorCode));
    const [period] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, data.periodId));
    if (!indicator || !period) throw notFound();
    const [before] = await tx
      .select()
      .from(indicatorTargets)
      .where(
        and(
          eq(indicatorTargets.indicatorCode, data.indicatorCode),
          eq(indicatorTargets.periodId, data.periodId),
        ),
      );
    await tx
      .insert(indicatorTargets)
      .values({ ...data, updatedBy: ctx.actor.id })
      .onConflictDoUpdate({
        target: [indicatorTargets.indicatorCode, indicatorTargets.periodId],
        set: { target: data.target, updatedBy: ctx.actor.id, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "indicator_target",
      entityId: data.indicatorCode,
      detail: { period: period.code, from: before?.target ?? null, to: data.target },
    });
  });
}
