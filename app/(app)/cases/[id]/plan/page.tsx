import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddGoalForm } from "@/components/case-lifecycle/add-goal-form";
import { CaseHeader } from "@/components/case-lifecycle/case-header";
import { DoneToggle } from "@/components/case-lifecycle/done-toggle";
import { GoalEditor } from "@/components/case-lifecycle/goal-editor";
import { PlanActionForm } from "@/components/case-lifecycle/plan-action-form";
import { TaskForm } from "@/components/case-lifecycle/task-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getCasePlan } from "@/lib/dal/case-lifecycle/get-case-plan";
import { todayIso } from "@/lib/domain/age";
import { isOverdue } from "@/lib/domain/case-plan";

export const metadata: Metadata = { robots: { index: false } };

export default async function CasePlanPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const plan = await orNotFound(getCasePlan(ctx, id));
  const t = await getTranslations();
  const format = await getFormatter();
  const today = todayIso();
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const me = plan.staff.some((s) => s.id === ctx.actor.id) ? ctx.actor.id : (plan.staff[0]?.id ?? "");

  return (
    <>
      <CaseHeader id={id} active="plan" />
      {!plan.editable ? (
        <div className="alert warn" role="status">
          {t("lifecycle.plan.closedReadOnly")}
        </div>
      ) : null}
      <section className="card" aria-labelledby="plan-goals">
        <h2 id="plan-goals" style={{ marginBlockStart: 0 }}>
          {t("lifecycle.plan.title")}
        </h2>
        {plan.goals.length === 0 ? <p className="muted">{t("lifecycle.plan.empty")}</p> : null}
        {plan.goals.map((g) => (
          <article key={g.id} className="plan-goal" aria-label={g.goal}>
            {plan.editable ? (
              <GoalEditor goal={g} />
            ) : (
              <p>
                <strong>{g.goal}</strong>{" "}
                <span className="badge">{t(`lifecycle.goalStatus.${g.status}`)}</span>
              </p>
            )}
            {g.actions.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("lifecycle.plan.done")}</th>
                    <th scope="col">{t("lifecycle.plan.action")}</th>
                    <th scope="col">{t("lifecycle.plan.owner")}</th>
                    <th scope="col">{t("lifecycle.plan.due")}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.actions.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <DoneToggle
                          kind="action"
                          id={a.id}
                          version={a.version}
                          done={a.status === "done"}
                          label={a.description}
                          disabled={!plan.editable}
                        />
                      </td>
                      <td>{a.description}</td>
                      <td>{a.ownerName}</td>
                      <td>
                        {day(a.dueDate)}{" "}
                        {isOverdue(a.dueDate, today, a.status === "done") ? (
                          <span className="badge overdue">{t("lifecycle.overdue")}</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {plan.editable ? <PlanActionForm goalId={g.id} staff={plan.staff} defaultOwnerId={me} /> : null}
          </article>
        ))}
        {plan.editable ? <AddGoalForm beneficiaryId={id} /> : null}
      </section>

      <section className="card" aria-labelledby="plan-tasks">
        <h2 id="plan-tasks" style={{ marginBlockStart: 0 }}>
          {t("lifecycle.tasks.heading")}
        </h2>
        {plan.tasks.length === 0 ? (
          <p className="muted">{t("lifecycle.tasks.empty")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("lifecycle.plan.done")}</th>
                <th scope="col">{t("lifecycle.tasks.title")}</th>
                <th scope="col">{t("lifecycle.tasks.assignee")}</th>
                <th scope="col">{t("lifecycle.tasks.due")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.tasks.map((task) => (
                <tr key={task.id}>
                  <td>
                    <DoneToggle
                      kind="task"
                      id={task.id}
                      version={task.version}
                      done={task.done}
                      label={task.title}
                      disabled={!plan.editable}
                    />
                  </td>
                  <td>{task.title}</td>
                  <td>{task.assigneeName}</td>
                  <td>
                    {day(task.dueDate)}{" "}
                    {isOverdue(task.dueDate, today, task.done) ? (
                      <span className="badge overdue">{t("lifecycle.overdue")}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {plan.editable ? <TaskForm beneficiaryId={id} staff={plan.staff} defaultAssigneeId={me} /> : null}
      </section>
    </>
  );
}
