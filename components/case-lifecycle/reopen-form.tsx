"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { reopenCaseAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ReopenInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const reopenResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.reopenSchema),
);

export function ReopenForm({ beneficiaryId }: { beneficiaryId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ReopenInput>({
    resolver: reopenResolver,
    defaultValues: { beneficiaryId, reason: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await reopenCaseAction(values);
    if (result.ok) return router.refresh();
    applyFieldErrors(result, setError);
    if (!result.fieldErrors?.reason) setFormError(failureText(t, result));
  });
  return (
    <form method="post" onSubmit={submit} noValidate>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="reopen-reason">{t("lifecycle.reopen.reason")}</label>
        <textarea
          id="reopen-reason"
          rows={2}
          {...register("reason")}
          aria-describedby="reopen-reason-error"
        />
        <FieldErrorText id="reopen-reason-error" error={formState.errors.reason} />
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        {t("lifecycle.reopen.submit")}
      </button>
    </form>
  );
}
