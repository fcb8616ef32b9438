import { type DateRange, daysBetween, earlierOf, laterOf, monthEnd, monthsOf } from "./period";

/**
 * The straight-line target trajectory: the share of the plan's target due by the end of each month
 * of the view, in proportion to the days of the plan elapsed. Values are whole people, rounded down
 * so that the line reaches the target exactly on the plan's last day.
 */
export function straightLineTrajectory(
  target: number,
  plan: DateRange,
  view: DateRange,
): Array<{ month: string; expected: number }> {
  const planDays = daysBetween(plan.start, plan.end);
  return monthsOf(view).map((month) => {
    const end = earlierOf(monthEnd(month), view.end);
    const elapsed = end < plan.start ? 0 : Math.min(planDays, daysBetween(plan.start, end));
    return { month, expected: Math.floor((target * elapsed) / planDays) };
  });
}

/** The part of a plan target that falls within a view, pro rata to days. */
export function proratedTarget(target: number, plan: DateRange, view: DateRange): number {
  const start = laterOf(view.start, plan.start);
  const end = earlierOf(view.end, plan.end);
  if (start > end) return 0;
  return Math.round((target * daysBetween(start, end)) / daysBetween(plan.start, plan.end));
}
