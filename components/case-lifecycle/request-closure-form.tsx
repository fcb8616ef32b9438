"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requestClosureAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { CLOSURE_REASONS } from "@/lib/domain/case-status";
import type { RequestClosureInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const requestClosureResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.requestClosureSchema),
);

export function RequestClosureForm({
  beneficiaryId,
  openReferrals,
}: {
  beneficiaryId: string;
  openReferrals: number;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<RequestClosureInput>({
    resolver: requestClosureResolver,
    defaultValues: { beneficiaryId, reason: undefined, note: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await requestClosureAction(values);
    if (result.ok) return router.refresh();
    applyFieldErrors(result, setError);
    setFormError(failureText(t, result));
  });
  return (
    <form method="post" onSubmit={submit} noValidate aria-labelledby="request-closure">
      <h3 id="request-closure">{t("lifecycle.closure.requestTitle")}</h3>
      {openReferrals > 0 ? (
        <div className="alert warn" role="note">
          {t("lifecycle.closure.warnOpenReferrals", { count: openReferrals })}
        </div>
      ) : null}
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="closure-reason">{t("lifecycle.closure.reason")}</label>
        <select
          id="closure-reason"
          {...register("reason")}
          aria-describedby="closure-reason-error"
          defaultValue=""
        >
          <option value="" disabled>
            {t("lifecycle.choose")}
          </option>
          {CLOSURE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`lifecycle.reasons.${r}`)}
            </option>
          ))}
        </select>
        <FieldErrorText id="closure-reason-error" error={formState.errors.reason} />
      </div>
      <div className="field">
        <label htmlFor="closure-note">{t("lifecycle.closure.note")}</label>
        <textarea id="closure-note" rows={3} {...register("note")} aria-describedby="closure-note-error" />
        <FieldErrorText id="closure-note-error" error={formState.errors.note} />
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        {t("lifecycle.closure.requestSubmit")}
      </button>
    </form>
  );
}
