import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { listMyTasks } from "@/lib/dal/case-lifecycle/list-my-tasks";
import type { DalContext } from "@/lib/dal/context";

/** The home page's list of the user's follow-up tasks that are overdue or due within a week. */
export async function MyTasksSection({ ctx }: { ctx: DalContext }) {
  if (!can(ctx.actor.role, "case.plan.manage")) return null;
  const { tasks, overdue } = await listMyTasks(ctx);
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <section className="card" aria-labelledby="my-tasks">
      <h2 id="my-tasks" style={{ marginBlockStart: 0 }}>
        {t("lifecycle.myTasks.title")}
      </h2>
      {overdue > 0 ? (
        <p className="alert warn" role="status">
          {t("lifecycle.myTasks.overdueCount", { count: overdue })}
        </p>
      ) : null}
      {tasks.length === 0 ? (
        <p className="muted">{t("lifecycle.myTasks.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("lifecycle.tasks.due")}</th>
              <th scope="col">{t("lifecycle.tasks.title")}</th>
              <th scope="col">{t("lifecycle.myTasks.case")}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <td>
                  {day(task.dueDate)}{" "}
                  {task.overdue ? <span className="badge overdue">{t("lifecycle.overdue")}</span> : null}
                </td>
                <td>{task.title}</td>
                <td>
                  <Link href={`/cases/${task.beneficiaryId}/plan`} dir="ltr">
                    {task.caseNumber}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
