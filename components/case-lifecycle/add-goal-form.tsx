"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addGoalAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { AddGoalInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const addGoalResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.addGoalSchema),
);

export function AddGoalForm({ beneficiaryId }: { beneficiaryId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<AddGoalInput>({
    resolver: addGoalResolver,
    defaultValues: { beneficiaryId, goal: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await addGoalAction(values);
    if (result.ok) {
      reset({ beneficiaryId, goal: "" });
      return router.refresh();
    }
    applyFieldErrors(result, setError);
    if (!result.fieldErrors?.goal) setFormError(failureText(t, result));
  });
  return (
    <form method="post" onSubmit={submit} noValidate>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="new-goal">{t("lifecycle.plan.newGoal")}</label>
        <textarea id="new-goal" rows={2} {...register("goal")} aria-describedby="new-goal-error" />
        <FieldErrorText id="new-goal-error" error={formState.errors.goal} />
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        {t("lifecycle.plan.addGoal")}
      </button>
    </form>
  );
}
