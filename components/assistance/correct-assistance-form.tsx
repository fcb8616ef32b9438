"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { correctAssistanceAction } from "@/app/(app)/cases/[id]/assistance/actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { AssistanceType } from "@/lib/domain/assistance";
import type { CorrectAssistanceInput } from "@/lib/validation/assistance";
import { AssistanceFieldset, type AssistanceOptions } from "./assistance-fields";

const correctAssistanceResolver = lazyZodResolver(() =>
  import("@/lib/validation/assistance").then((m) => m.correctAssistanceSchema),
);

export function CorrectAssistanceForm({
  beneficiaryId,
  options,
  original,
}: {
  beneficiaryId: string;
  options: AssistanceOptions;
  original: {
    id: string;
    assistanceType: string;
    serviceDate: string;
    baladiyaPcode: string;
    quantity: number;
    donorProjectId: string | null;
    providedBy: string;
    detainedAtService: boolean;
  };
}) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<CorrectAssistanceInput>({
    resolver: correctAssistanceResolver,
    defaultValues: {
      id: original.id,
      reason: "",
      replace: false,
      replacement: {
        assistanceType: original.assistanceType as AssistanceType,
        serviceDate: original.serviceDate,
        baladiyaPcode: original.baladiyaPcode,
        quantity: original.quantity,
        donorProjectId: original.donorProjectId ?? "",
        providedBy: original.providedBy,
        detained: original.detainedAtService,
      },
    },
  });
  const replace = watch("replace");
  return (
    <form
      method="post"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setFormError(null);
        const result = await correctAssistanceAction(beneficiaryId, {
          ...values,
          replacement: values.replace ? values.replacement : undefined,
        });
        if (result.ok) {
          router.push(`/cases/${beneficiaryId}/assistance?corrected=1`);
          return;
        }
        const code = applyFieldErrors(result, setError);
        if (code !== "invalid") setFormError(code);
      })}
    >
      {formError ? (
        <div className="alert error" role="alert">
          {t(`errors.${formError as "generic"}`)}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="reason">{t("assistance.correct.reason")}</label>
        <textarea id="reason" rows={3} {...register("reason")} aria-describedby="reason-hint" />
        <p className="muted" id="reason-hint">
          {t("assistance.correct.reasonHint")}
        </p>
        <FieldErrorText id="reason-error" error={errors.reason} />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" {...register("replace")} /> {t("assistance.correct.replace")}
        </label>
      </div>
      {replace ? (
        <fieldset>
          <legend>{t("assistance.correct.replacement")}</legend>
          <AssistanceFieldset
            register={register}
            errors={errors.replacement}
            options={options}
            prefix="replacement-"
          />
        </fieldset>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>
          {t("assistance.correct.submit")}
        </button>
      </div>
    </form>
  );
}
