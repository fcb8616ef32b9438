import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { casePlanGoals } from "@/db/schema";
import { updateGoalSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";
import { caseInScope, recordActivity } from "./case-access";

/** Rewords a goal or marks it achieved/discontinued; a stale version changes nothing (conflict). */
export async function updateGoal(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const v = parseInput(updateGoalSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(casePlanGoals).where(eq(casePlanGoals.id, v.id));
    if (!current) throw notFound();
    const row = await caseInScope(tx, ctx, scope, current.beneficiaryId, true);
    await recordActivity(tx, ctx, row);
    const [updated] = await tx
      .update(casePlanGoals)
      .set({
        goal: v.goal,
        status: v.status,
        version: sql`${casePlanGoals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(casePlanGoals.id, v.id), eq(casePlanGoals.version, v.version)))
      .returning({ version: casePlanGoals.version });
    if (!updated) throw conflict();
    const fields = [current.goal !== v.goal ? "goal" : null, current.status !== v.status ? "status" : null];
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "case_plan_goal",
      entityId: v.id,
      detail: { fields: fields.filter(Boolean), status: v.status },
    });
    return updated;
  });
}
