"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateGoalAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { PLAN_GOAL_STATUSES, type PlanGoalStatus } from "@/lib/domain/case-plan";
import type { UpdateGoalInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const updateGoalResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.updateGoalSchema),
);

/** Rewords a goal or changes its status, from the version the page was loaded at. */
export function GoalEditor({
  goal,
}: {
  goal: { id: string; goal: string; status: PlanGoalStatus; version: number };
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<UpdateGoalInput>({
    resolver: updateGoalResolver,
    values: { id: goal.id, version: goal.version, goal: goal.goal, status: goal.status },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateGoalAction(values);
    if (result.ok) return router.refresh();
    applyFieldErrors(result, setError);
    if (!result.fieldErrors?.goal) setFormError(failureText(t, result));
  });
  const base = `goal-${goal.id}`;
  return (
    <form method="post" onSubmit={submit} noValidate className="goal-editor">
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${base}-text`}>{t("lifecycle.plan.goal")}</label>
          <textarea
            id={`${base}-text`}
            rows={2}
            {...register("goal")}
            aria-describedby={`${base}-text-error`}
          />
          <FieldErrorText id={`${base}-text-error`} error={formState.errors.goal} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-status`}>{t("lifecycle.plan.goalStatus")}</label>
          <select id={`${base}-status`} {...register("status")}>
            {PLAN_GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`lifecycle.goalStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="secondary" disabled={formState.isSubmitting || !formState.isDirty}>
        {t("lifecycle.plan.saveGoal")}
      </button>
    </form>
  );
}
