"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { recordAssistanceAction } from "@/app/(app)/cases/[id]/assistance/actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { AssistanceType } from "@/lib/domain/assistance";
import type { RecordAssistanceInput } from "@/lib/validation/assistance";
import { AssistanceFieldset, type AssistanceOptions } from "./assistance-fields";

const recordAssistanceResolver = lazyZodResolver(() =>
  import("@/lib/validation/assistance").then((m) => m.recordAssistanceSchema),
);

export function RecordAssistanceForm({
  beneficiaryId,
  options,
  defaults,
}: {
  beneficiaryId: string;
  options: AssistanceOptions;
  defaults: {
    assistanceType?: AssistanceType;
    baladiyaPcode: string;
    providedBy: string;
    detained: boolean;
    referralId?: string;
  };
}) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RecordAssistanceInput>({
    resolver: recordAssistanceResolver,
    defaultValues: {
      beneficiaryId,
      referralId: defaults.referralId ?? "",
      assistanceType: defaults.assistanceType,
      serviceDate: options.today,
      baladiyaPcode: defaults.baladiyaPcode,
      quantity: 1,
      donorProjectId: "",
      providedBy: defaults.providedBy,
      detained: defaults.detained,
    },
  });
  return (
    <form
      method="post"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setFormError(null);
        const result = await recordAssistanceAction(values);
        if (result.ok) {
          router.push(`/cases/${beneficiaryId}/assistance?recorded=1`);
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
      <AssistanceFieldset register={register} errors={errors} options={options} />
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>
          {t("assistance.record.submit")}
        </button>
      </div>
    </form>
  );
}
