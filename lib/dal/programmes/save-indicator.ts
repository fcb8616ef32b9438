import "server-only";
import { eq, sql } from "drizzle-orm";
import { indicatorAssistanceTypes, indicators, programmes } from "@/db/schema";
import { type IndicatorInput, indicatorSchema } from "@/lib/validation/programmes";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid } from "../errors";
import { parseInput } from "../parse";

/**
 * Creates an indicator or changes its definition, then recomputes its facts from the service
 * records in the same transaction, so the dashboard never shows a mix of old and new rules.
 */
export async function saveIndicator(ctx: DalContext, input: IndicatorInput): Promise<{ code: string }> {
  authorize(ctx.actor, "programme.configure");
  const data = parseInput(indicatorSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [programme] = await tx.select().from(programmes).where(eq(programmes.code, data.programmeCode));
    if (!programme) throw invalid({ programmeCode: ["required"] });
    const values = {
      programmeCode: data.programmeCode,
      label: data.label,
      populationTypes: data.populationTypes,
      ageMin: data.ageMin,
      ageMax: data.ageMax,
      detention: data.detention,
      active: data.active,
    };
    const [existing] = await tx.select().from(indicators).where(eq(indicators.code, data.code)).for("update");
    if (existing) {
      await tx
        .update(indicators)
        .set({ ...values, version: existing.version + 1 })
        .where(eq(indicators.code, data.code));
    } else {
      await tx.insert(indicators).values({ code: data.code, ...values, sortOrder: 1000 });
    }
    await tx.delete(indicatorAssistanceTypes).where(eq(indicatorAssistanceTypes.indicatorCode, data.code));
    await tx
      .insert(indicatorAssistanceTypes)
      .values(data.assistanceTypes.map((assistanceType) => ({ indicatorCode: data.code, assistanceType })));
    await tx.execute(sql`select rollup_refresh_indicator(${data.code})`);
    await recordAudit(tx, ctx, {
      action: existing ? "update" : "create",
      entity: "indicator",
      entityId: data.code,
      detail: { types: data.assistanceTypes, populations: data.populationTypes, detention: data.detention },
    });
    return { code: data.code };
  });
}
