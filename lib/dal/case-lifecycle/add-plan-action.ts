import "server-only";
import { eq } from "drizzle-orm";
import { casePlanActions, casePlanGoals } from "@/db/schema";
import { addPlanActionSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse";
import { assertEligible, caseInScope, recordActivity } from "./case-access";

/** Adds a step to a goal: what, who (staff of the case's office) and by when. */
export async function addPlanAction(ctx: DalContext, input: unknown): Promise<{ id: string }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const v = parseInput(addPlanActionSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [goal] = await tx.select().from(casePlanGoals).where(eq(casePlanGoals.id, v.goalId));
    if (!goal) throw notFound();
    const row = await caseInScope(tx, ctx, scope, goal.beneficiaryId, true);
    await recordActivity(tx, ctx, row);
    await assertEligible(tx, v.ownerId, row.officeCode, "ownerId");
    const [action] = await tx
      .insert(casePlanActions)
      .values({
        goalId: goal.id,
        description: v.description,
        ownerId: v.ownerId,
        dueDate: v.dueDate,
        createdBy: ctx.actor.id,
      })
      .returning({ id: casePlanActions.id });
    if (!action) throw new Error("insert returned nothing");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "case_plan_action",
      entityId: action.id,
      detail: { beneficiaryId: row.id, goalId: goal.id, ownerId: v.ownerId, dueDate: v.dueDate },
    });
    return action;
  });
}
