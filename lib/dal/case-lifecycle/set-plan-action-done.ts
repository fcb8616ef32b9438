import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { casePlanActions, casePlanGoals } from "@/db/schema";
import { setDoneSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";
import { caseInScope, recordActivity } from "./case-access";

/** Ticks a plan action done (or open again); a stale version changes nothing (conflict). */
export async function setPlanActionDone(
  ctx: DalContext,
  input: unknown,
  options: { now?: Date } = {},
): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const v = parseInput(setDoneSchema, input);
  const now = options.now ?? new Date();
  return withTransaction(ctx, async (tx) => {
    const [found] = await tx
      .select({ beneficiaryId: casePlanGoals.beneficiaryId })
      .from(casePlanActions)
      .innerJoin(casePlanGoals, eq(casePlanGoals.id, casePlanActions.goalId))
      .where(eq(casePlanActions.id, v.id));
    if (!found) throw notFound();
    const row = await caseInScope(tx, ctx, scope, found.beneficiaryId, true);
    await recordActivity(tx, ctx, row);
    const [updated] = await tx
      .update(casePlanActions)
      .set({
        status: v.done ? "done" : "open",
        doneAt: v.done ? now : null,
        version: sql`${casePlanActions.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(casePlanActions.id, v.id), eq(casePlanActions.version, v.version)))
      .returning({ version: casePlanActions.version });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "case_plan_action",
      entityId: v.id,
      detail: { status: v.done ? "done" : "open" },
    });
    return updated;
  });
}
