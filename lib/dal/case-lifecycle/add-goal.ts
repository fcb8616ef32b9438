import "server-only";
import { casePlanGoals } from "@/db/schema";
import { addGoalSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { caseInScope, recordActivity } from "./case-access";

/** Adds a goal to the case plan; the first casework on a case makes it active. */
export async function addGoal(ctx: DalContext, input: unknown): Promise<{ id: string }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const v = parseInput(addGoalSchema, input);
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, v.beneficiaryId, true);
    await recordActivity(tx, ctx, row);
    const [goal] = await tx
      .insert(casePlanGoals)
      .values({ beneficiaryId: row.id, goal: v.goal, createdBy: ctx.actor.id })
      .returning({ id: casePlanGoals.id });
    if (!goal) throw new Error("insert returned nothing");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "case_plan_goal",
      entityId: goal.id,
      detail: { beneficiaryId: row.id },
    });
    return goal;
  });
}
