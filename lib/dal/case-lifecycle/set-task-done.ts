import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { caseTasks } from "@/db/schema";
import { setDoneSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";
import { caseInScope, recordActivity } from "./case-access";

/** Marks a follow-up task done (or not done after all); a stale version changes nothing (conflict). */
export async function setTaskDone(
  ctx: DalContext,
  input: unknown,
  options: { now?: Date } = {},
): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const v = parseInput(setDoneSchema, input);
  const now = options.now ?? new Date();
  return withTransaction(ctx, async (tx) => {
    const [task] = await tx.select().from(caseTasks).where(eq(caseTasks.id, v.id));
    if (!task) throw notFound();
    const row = await caseInScope(tx, ctx, scope, task.beneficiaryId, true);
    await recordActivity(tx, ctx, row);
    const [updated] = await tx
      .update(caseTasks)
      .set({
        doneAt: v.done ? now : null,
        doneBy: v.done ? ctx.actor.id : null,
        version: sql`${caseTasks.version} + 1`,
      })
      .where(and(eq(caseTasks.id, v.id), eq(caseTasks.version, v.version)))
      .returning({ version: caseTasks.version });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "case_task",
      entityId: v.id,
      detail: { done: v.done },
    });
    return updated;
  });
}
