"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { BiodataFields } from "@/components/beneficiary/biodata-fields";
import { ConsentFields } from "@/components/beneficiary/consent-fields";
import { DuplicateMatches, type DuplicateMatchView } from "@/components/beneficiary/duplicate-matches";
import type { BiodataReference } from "@/components/beneficiary/reference";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { Registration, RegistrationInput } from "@/lib/validation/beneficiary";
import { registerAction } from "../actions";

const registrationResolver = lazyZodResolver(() =>
  import("@/lib/validation/beneficiary").then((m) => m.registrationSchema),
);

const EMPTY: RegistrationInput = {
  biodata: {
    familyName: "",
    givenNames: "",
    nameAr: "",
    sex: undefined as unknown as "male",
    dobMode: "exact",
    dateOfBirth: "",
    estimatedAge: "",
    nationality: "",
    populationType: undefined as unknown as "migrant",
    languages: [],
    phone: "",
    baladiyaPcode: "",
    detained: false,
    detentionCentre: "",
    detainedSince: "",
    uascStatus: "",
    vulnerabilities: [],
  },
  consent: {
    obtained: undefined as unknown as "yes",
    givenBy: "",
    givenOn: "",
    purposes: [],
    vitalInterestReason: "",
  },
  duplicateOverrideReason: "",
};

export function RegistrationForm({ reference }: { reference: BiodataReference }) {
  const t = useTranslations();
  const router = useRouter();
  const [matches, setMatches] = useState<DuplicateMatchView[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RegistrationInput, unknown, Registration>({
    resolver: registrationResolver,
    defaultValues: EMPTY,
  });
  const { handleSubmit, setError, register, formState } = form;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await registerAction(values);
    if (result.ok) {
      router.push(`/cases/${result.data.id}?registered=1`);
      return;
    }
    if (result.code === "duplicates") {
      setMatches(result.data as DuplicateMatchView[]);
      return;
    }
    setFormError(applyFieldErrors(result, setError));
  });

  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={submit} noValidate>
        {formError ? (
          <div className="alert error" role="alert">
            {t(`errors.${formError as "generic"}`)}
          </div>
        ) : null}
        <BiodataFields reference={reference} />
        <ConsentFields />
        {matches ? (
          <section className="alert warn" aria-labelledby="dup-title" data-testid="duplicate-warning">
            <h2 id="dup-title" style={{ marginBlockStart: 0 }}>
              {t("register.duplicatesTitle")}
            </h2>
            <p>{t("register.duplicatesIntro")}</p>
            <DuplicateMatches matches={matches} countries={reference.countries} />
            <div className="field">
              <label htmlFor="duplicateOverrideReason">{t("register.confirmReason")}</label>
              <textarea
                id="duplicateOverrideReason"
                rows={2}
                aria-invalid={formState.errors.duplicateOverrideReason ? true : undefined}
                {...register("duplicateOverrideReason")}
              />
              <FieldErrorText
                id="duplicateOverrideReason-error"
                error={formState.errors.duplicateOverrideReason}
              />
            </div>
            <button type="submit" disabled={formState.isSubmitting}>
              {t("register.confirmSubmit")}
            </button>
          </section>
        ) : (
          <div className="actions">
            <button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t("register.submitting") : t("register.submit")}
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
