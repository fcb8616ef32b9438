/** Value sets of the case plan, shared by the schema, validation and UI. */

export const PLAN_GOAL_STATUSES = ["open", "achieved", "discontinued"] as const;
export type PlanGoalStatus = (typeof PLAN_GOAL_STATUSES)[number];

export const PLAN_ACTION_STATUSES = ["open", "done"] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

/** A task or action is overdue from the day after its due date. */
export function isOverdue(dueDate: string, today: string, done: boolean): boolean {
  return !done && dueDate < today;
}
