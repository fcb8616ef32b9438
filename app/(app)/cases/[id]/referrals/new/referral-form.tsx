"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createReferralAction } from "@/app/(app)/referrals/actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText, validationMessageKey } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { ScriptButton } from "@/components/forms/script-button";
import type { ReferralFormData } from "@/lib/dal/referrals/get-referral-form";
import {
  consentPurposeFor,
  REFERRAL_SERVICES,
  URGENCIES,
  type Urgency,
} from "@/lib/domain/referrals/catalogue";
import type { CreateReferralInput, createReferralSchema } from "@/lib/validation/referral";

const createReferralResolver = lazyZodResolver(() =>
  import("@/lib/validation/referral").then((m) => m.createReferralSchema),
);

type Values = CreateReferralInput;
type Parsed = z.output<typeof createReferralSchema>;

export function ReferralForm({
  data,
  initial,
}: {
  data: ReferralFormData;
  initial: { service: string; urgency: Urgency; sourceScreeningId: string };
}) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    getValues,
    watch,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Parsed>({
    resolver: createReferralResolver,
    defaultValues: {
      beneficiaryId: data.beneficiaryId,
      service: initial.service as Values["service"],
      recipientKind: "internal",
      organisationId: "",
      urgency: initial.urgency,
      reason: "",
      sharePhone: false,
      sourceScreeningId: initial.sourceScreeningId,
      submit: true,
      consentOverrideReason: "",
    },
  });
  const service = watch("service");
  const kind = watch("recipientKind");
  const partners = data.catalogue.organisations.filter((o) => o.services.includes(service));
  const internalUnit = data.catalogue.services.find((s) => s.service === service)?.internalUnit ?? false;
  const purpose = consentPurposeFor(kind);
  const consented = data.consent[purpose];
  const available = REFERRAL_SERVICES.filter((s) => data.catalogue.services.some((c) => c.service === s));

  const send = (submit: boolean) =>
    handleSubmit(async () => {
      setFormError(null);
      // The raw form values: the server parses them again with the same schema.
      const values = getValues();
      const result = await createReferralAction({
        ...values,
        submit,
        consentOverrideReason: values.consentOverrideReason || undefined,
      });
      if (result.ok) {
        router.push(`/cases/${data.beneficiaryId}/referrals?created=${result.data.state}`);
        return;
      }
      const code = applyFieldErrors(result, setError);
      const consent = result.fieldErrors?.consent?.[0];
      setFormError(
        consent ? validationMessageKey(consent) : validationMessageKey(code === "invalid" ? "invalid" : code),
      );
    });

  return (
    <form method="post" className="card" onSubmit={send(true)} noValidate>
      {formError ? (
        <div className="alert error" role="alert">
          {t.has(formError as "validation.required")
            ? t(formError as "validation.required")
            : t(`errors.${formError.replace("validation.", "") as "generic"}`)}
        </div>
      ) : null}
      <div className="grid-2">
        <div className="field">
          <label htmlFor="service">{t("referrals.service")}</label>
          <select
            id="service"
            {...register("service", { onChange: () => setValue("organisationId", "") })}
            aria-invalid={Boolean(errors.service)}
            aria-describedby="service-error"
          >
            <option value="">{t("referrals.choose")}</option>
            {available.map((s) => (
              <option key={s} value={s}>
                {t(`referrals.services.${s}`)}
              </option>
            ))}
          </select>
          <FieldErrorText id="service-error" error={errors.service} />
        </div>
        <div className="field">
          <label htmlFor="urgency">{t("referrals.urgency")}</label>
          <select id="urgency" {...register("urgency")}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`referrals.urgencies.${u}`)} —{" "}
                {t("referrals.withinHours", { hours: data.catalogue.hours[u] })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="field">
        <legend>{t("referrals.recipient")}</legend>
        <label>
          <input
            type="radio"
            value="internal"
            {...register("recipientKind")}
            disabled={!internalUnit && Boolean(service)}
          />{" "}
          {t("referrals.internalUnit")}
        </label>{" "}
        <label>
          <input type="radio" value="external" {...register("recipientKind")} /> {t("referrals.partner")}
        </label>
        <FieldErrorText id="recipientKind-error" error={errors.recipientKind} />
      </fieldset>
      {kind === "external" ? (
        <div className="field">
          <label htmlFor="organisationId">{t("referrals.organisation")}</label>
          <select
            id="organisationId"
            {...register("organisationId")}
            aria-invalid={Boolean(errors.organisationId)}
            aria-describedby="organisationId-error"
          >
            <option value="">{t("referrals.choose")}</option>
            {partners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <FieldErrorText id="organisationId-error" error={errors.organisationId} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="reason">{t("referrals.reason")}</label>
        <p className="muted" id="reason-hint">
          {t("referrals.reasonHint")}
        </p>
        <textarea
          id="reason"
          rows={4}
          {...register("reason")}
          aria-invalid={Boolean(errors.reason)}
          aria-describedby="reason-hint reason-error"
        />
        <FieldErrorText id="reason-error" error={errors.reason} />
      </div>
      {data.hasPhone ? (
        <label className="field">
          <input type="checkbox" {...register("sharePhone")} disabled={!data.consent.sharing} />{" "}
          {t("referrals.sharePhone")}
          {!data.consent.sharing ? (
            <span className="muted"> — {t("referrals.sharePhoneNoConsent")}</span>
          ) : null}
        </label>
      ) : null}
      <div className={`alert ${consented ? "ok" : "warn"}`} role="status" data-testid="consent-status">
        {consented ? t(`referrals.consentCovers.${purpose}`) : t(`referrals.consentMissing.${purpose}`)}
      </div>
      {!consented && data.canOverrideConsent ? (
        <div className="field">
          <label htmlFor="consentOverrideReason">{t("referrals.overrideReason")}</label>
          <textarea
            id="consentOverrideReason"
            rows={2}
            {...register("consentOverrideReason")}
            aria-invalid={Boolean(errors.consentOverrideReason)}
            aria-describedby="consentOverrideReason-error"
          />
          <FieldErrorText id="consentOverrideReason-error" error={errors.consentOverrideReason} />
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>
          {t("referrals.submitForApproval")}
        </button>
        <ScriptButton className="secondary" disabled={isSubmitting} onClick={send(false)}>
          {t("referrals.saveDraft")}
        </ScriptButton>
      </div>
    </form>
  );
}
