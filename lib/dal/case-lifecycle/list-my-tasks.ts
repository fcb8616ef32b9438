import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { beneficiaries, caseTasks } from "@/db/schema";
import { todayIso } from "@/lib/domain/age";
import { isOverdue } from "@/lib/domain/case-plan";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { beneficiaryScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";

export interface MyTaskDto {
  id: string;
  title: string;
  dueDate: string;
  overdue: boolean;
  beneficiaryId: string;
  caseNumber: string;
}

/** Days ahead a task counts as "due" on the home page. */
export const UPCOMING_DAYS = 7;
const LIMIT = 50;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The signed-in user's open follow-up tasks that are overdue or due within a week, on cases they
 * still reach (a task on a case handed to someone else drops off). Shows case numbers, not names.
 */
export async function listMyTasks(
  ctx: DalContext,
  options: { today?: string } = {},
): Promise<{ tasks: MyTaskDto[]; overdue: number }> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  const today = options.today ?? todayIso();
  return withTransaction(ctx, async (tx) => {
    const rows = await tx
      .select({
        id: caseTasks.id,
        title: caseTasks.title,
        dueDate: caseTasks.dueDate,
        beneficiaryId: caseTasks.beneficiaryId,
        caseNumber: beneficiaries.caseNumber,
      })
      .from(caseTasks)
      .innerJoin(beneficiaries, eq(beneficiaries.id, caseTasks.beneficiaryId))
      .where(
        and(
          eq(caseTasks.assigneeId, ctx.actor.id),
          isNull(caseTasks.doneAt),
          lte(caseTasks.dueDate, addDays(today, UPCOMING_DAYS)),
          beneficiaryScope(ctx.actor, scope),
        ),
      )
      .orderBy(asc(caseTasks.dueDate), asc(caseTasks.createdAt))
      .limit(LIMIT);
    const tasks = rows.map((r) => ({ ...r, overdue: isOverdue(r.dueDate, today, false) }));
    if (tasks.length) {
      await recordAudit(tx, ctx, { action: "list", entity: "case_task", detail: { count: tasks.length } });
    }
    return { tasks, overdue: tasks.filter((t) => t.overdue).length };
  });
}
