import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { casePlanActions, casePlanGoals, caseTasks, users } from "@/db/schema";
import { can } from "@/lib/authz";
import type { CaseStatus } from "@/lib/domain/beneficiary";
import type { PlanActionStatus, PlanGoalStatus } from "@/lib/domain/case-plan";
import { acceptsCasework } from "@/lib/domain/case-status";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { caseInScope, eligibleStaff } from "./case-access";

export interface PlanActionDto {
  id: string;
  description: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  status: PlanActionStatus;
  version: number;
}

export interface PlanGoalDto {
  id: string;
  goal: string;
  status: PlanGoalStatus;
  version: number;
  actions: PlanActionDto[];
}

export interface TaskDto {
  id: string;
  title: string;
  dueDate: string;
  assigneeId: string;
  assigneeName: string;
  done: boolean;
  doneAt: string | null;
  version: number;
}

export interface CasePlan {
  beneficiaryId: string;
  status: CaseStatus;
  goals: PlanGoalDto[];
  tasks: TaskDto[];
  staff: Array<{ id: string; name: string }>;
  /** False on a closed case: the plan is kept but takes no changes until reopened. */
  editable: boolean;
}

/** The case plan tab: goals with their actions, and the follow-up tasks. The read is recorded. */
export async function getCasePlan(ctx: DalContext, beneficiaryId: string): Promise<CasePlan> {
  const scope = authorize(ctx.actor, "case.plan.manage");
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, beneficiaryId);
    const goals = await tx
      .select()
      .from(casePlanGoals)
      .where(eq(casePlanGoals.beneficiaryId, row.id))
      .orderBy(asc(casePlanGoals.createdAt), asc(casePlanGoals.id));
    const actions = goals.length
      ? await tx
          .select({ action: casePlanActions, ownerName: users.name })
          .from(casePlanActions)
          .innerJoin(users, eq(users.id, casePlanActions.ownerId))
          .where(
            inArray(
              casePlanActions.goalId,
              goals.map((g) => g.id),
            ),
          )
          .orderBy(asc(casePlanActions.dueDate), asc(casePlanActions.createdAt))
      : [];
    const tasks = await tx
      .select({ task: caseTasks, assigneeName: users.name })
      .from(caseTasks)
      .innerJoin(users, eq(users.id, caseTasks.assigneeId))
      .where(eq(caseTasks.beneficiaryId, row.id))
      .orderBy(asc(caseTasks.dueDate), asc(caseTasks.createdAt));
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "case_plan",
      entityId: row.id,
      detail: { goals: goals.length, actions: actions.length, tasks: tasks.length },
    });
    return {
      beneficiaryId: row.id,
      status: row.status,
      goals: goals.map((g) => ({
        id: g.id,
        goal: g.goal,
        status: g.status,
        version: g.version,
        actions: actions
          .filter((a) => a.action.goalId === g.id)
          .map(({ action: a, ownerName }) => ({
            id: a.id,
            description: a.description,
            ownerId: a.ownerId,
            ownerName,
            dueDate: a.dueDate,
            status: a.status,
            version: a.version,
          })),
      })),
      tasks: tasks.map(({ task: t, assigneeName }) => ({
        id: t.id,
        title: t.title,
        dueDate: t.dueDate,
        assigneeId: t.assigneeId,
        assigneeName,
        done: t.doneAt !== null,
        doneAt: t.doneAt?.toISOString() ?? null,
        version: t.version,
      })),
      staff: await eligibleStaff(tx, row.officeCode),
      editable: acceptsCasework(row.status) && can(ctx.actor.role, "case.plan.manage"),
    };
  });
}
