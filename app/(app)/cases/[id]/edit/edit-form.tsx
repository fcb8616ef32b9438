"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { BiodataFields } from "@/components/beneficiary/biodata-fields";
import type { BiodataReference } from "@/components/beneficiary/reference";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { UpdateBeneficiaryInput } from "@/lib/validation/beneficiary";
import { updateAction } from "../../actions";

const updateBeneficiaryResolver = lazyZodResolver(() =>
  import("@/lib/validation/beneficiary").then((m) => m.updateBeneficiarySchema),
);

/** Edits carry the version they were loaded at; a stale save is refused and says so. */
export function EditForm({
  defaults,
  reference,
  detentionRestricted,
}: {
  defaults: UpdateBeneficiaryInput;
  reference: BiodataReference;
  detentionRestricted: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UpdateBeneficiaryInput>({
    resolver: updateBeneficiaryResolver,
    defaultValues: defaults,
  });
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateAction(values);
    if (result.ok) {
      router.push(`/cases/${defaults.id}?saved=1`);
      router.refresh();
      return;
    }
    setFormError(applyFieldErrors(result, form.setError));
  });
  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={submit} noValidate>
        {formError ? (
          <div className="alert error" role="alert" data-testid="form-error">
            {t(`errors.${formError as "generic"}`)}
          </div>
        ) : null}
        <BiodataFields reference={reference} detentionRestricted={detentionRestricted} />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("case.saving") : t("case.save")}
          </button>
          <Link href={`/cases/${defaults.id}`}>{t("case.cancel")}</Link>
        </div>
      </form>
    </FormProvider>
  );
}
