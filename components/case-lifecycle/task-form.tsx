"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addTaskAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { AddTaskInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const addTaskResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.addTaskSchema),
);

export function TaskForm({
  beneficiaryId,
  staff,
  defaultAssigneeId,
}: {
  beneficiaryId: string;
  staff: Array<{ id: string; name: string }>;
  defaultAssigneeId: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const empty = { beneficiaryId, title: "", dueDate: "", assigneeId: defaultAssigneeId };
  const { register, handleSubmit, setError, reset, formState } = useForm<AddTaskInput>({
    resolver: addTaskResolver,
    defaultValues: empty,
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await addTaskAction(values);
    if (result.ok) {
      reset(empty);
      return router.refresh();
    }
    applyFieldErrors(result, setError);
    if (!result.fieldErrors || result.fieldErrors._form) setFormError(failureText(t, result));
  });
  return (
    <form method="post" onSubmit={submit} noValidate>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="grid-4">
        <div className="field">
          <label htmlFor="task-title">{t("lifecycle.tasks.title")}</label>
          <input id="task-title" {...register("title")} aria-describedby="task-title-error" />
          <FieldErrorText id="task-title-error" error={formState.errors.title} />
        </div>
        <div className="field">
          <label htmlFor="task-assignee">{t("lifecycle.tasks.assignee")}</label>
          <select id="task-assignee" {...register("assigneeId")} aria-describedby="task-assignee-error">
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldErrorText id="task-assignee-error" error={formState.errors.assigneeId} />
        </div>
        <div className="field">
          <label htmlFor="task-due">{t("lifecycle.tasks.due")}</label>
          <input id="task-due" type="date" {...register("dueDate")} aria-describedby="task-due-error" />
          <FieldErrorText id="task-due-error" error={formState.errors.dueDate} />
        </div>
        <div className="field">
          <button type="submit" disabled={formState.isSubmitting}>
            {t("lifecycle.tasks.add")}
          </button>
        </div>
      </div>
    </form>
  );
}
