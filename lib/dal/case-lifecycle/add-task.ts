import "server-only";
import { caseTasks } from "@/db/schema";
import { addTaskSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { assertEligible, caseInScope, recordActivity } from "./case-access";

/** Schedules a follow-up on the case for a member of staff of its office. */
export async function addTask(ctx: DalContext, input: unknown): Promise<{ id: string }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const v = parseInput(addTaskSchema, input);
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, v.beneficiaryId, true);
    await recordActivity(tx, ctx, row);
    await assertEligible(tx, v.assigneeId, row.officeCode, "assigneeId");
    const [task] = await tx
      .insert(caseTasks)
      .values({
        beneficiaryId: row.id,
        title: v.title,
        dueDate: v.dueDate,
        assigneeId: v.assigneeId,
        createdBy: ctx.actor.id,
      })
      .returning({ id: caseTasks.id });
    if (!task) throw new Error("insert returned nothing");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "case_task",
      entityId: task.id,
      detail: { beneficiaryId: row.id, assigneeId: v.assigneeId, dueDate: v.dueDate },
    });
    return task;
  });
}
