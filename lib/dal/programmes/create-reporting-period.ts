import "server-only";
import { eq } from "drizzle-orm";
import { reportingPeriods } from "@/db/schema";
import { type PeriodInput, periodSchema } from "@/lib/validation/programmes";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid } from "../errors";
import { parseInput } from "../parse";

export async function createReportingPeriod(ctx: DalContext, input: PeriodInput): Promise<{ id: string }> {
  authorize(ctx.actor, "programme.configure");
  const data = parseInput(periodSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [taken] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.code, data.code));
    if (taken) throw invalid({ code: ["programmeConfig.validation.code"] });
    const [row] = await tx.insert(reportingPeriods).values(data).returning({ id: reportingPeriods.id });
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "reporting_period",
      entityId: row.id,
      detail: data,
    });
    return row;
  });
}
