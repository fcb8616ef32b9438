"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addPlanActionAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { AddPlanActionInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const addPlanActionResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.addPlanActionSchema),
);

export function PlanActionForm({
  goalId,
  staff,
  defaultOwnerId,
}: {
  goalId: string;
  staff: Array<{ id: string; name: string }>;
  defaultOwnerId: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const empty = { goalId, description: "", ownerId: defaultOwnerId, dueDate: "" };
  const { register, handleSubmit, setError, reset, formState } = useForm<AddPlanActionInput>({
    resolver: addPlanActionResolver,
    defaultValues: empty,
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await addPlanActionAction(values);
    if (result.ok) {
      reset(empty);
      return router.refresh();
    }
    applyFieldErrors(result, setError);
    if (!result.fieldErrors || result.fieldErrors._form) setFormError(failureText(t, result));
  });
  const base = `action-${goalId}`;
  return (
    <form method="post" onSubmit={submit} noValidate className="plan-action-form">
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="grid-4">
        <div className="field">
          <label htmlFor={`${base}-desc`}>{t("lifecycle.plan.action")}</label>
          <input id={`${base}-desc`} {...register("description")} aria-describedby={`${base}-desc-error`} />
          <FieldErrorText id={`${base}-desc-error`} error={formState.errors.description} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-owner`}>{t("lifecycle.plan.owner")}</label>
          <select id={`${base}-owner`} {...register("ownerId")} aria-describedby={`${base}-owner-error`}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${base}-owner-error`} error={formState.errors.ownerId} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-due`}>{t("lifecycle.plan.due")}</label>
          <input
            id={`${base}-due`}
            type="date"
            {...register("dueDate")}
            aria-describedby={`${base}-due-error`}
          />
          <FieldErrorText id={`${base}-due-error`} error={formState.errors.dueDate} />
        </div>
        <div className="field">
          <button type="submit" className="secondary" disabled={formState.isSubmitting}>
            {t("lifecycle.plan.addAction")}
          </button>
        </div>
      </div>
    </form>
  );
}
