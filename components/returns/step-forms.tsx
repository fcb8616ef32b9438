"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type FieldValues, type Resolver, useForm } from "react-hook-form";
import { handOffAction, recordVhrStepAction } from "@/app/(app)/returns/actions";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { TRAVEL_DOCUMENT_TYPES } from "@/lib/domain/vhr/constants";
import { FormAlert, type FormMessage, failureMessage } from "./form-alert";

/*
 * One small form per step the case may take next. Each sends the case's version: if someone
 * recorded a step first, the server refuses and the form asks to reload. The version comes from
 * the page, so after router.refresh() the forms still mounted carry the new one.
 */

// The same schemas parse the input again on the server; the casts give the forms their own
// value shapes (a checkbox starts unticked, a select starts empty).
const stepSchemaResolver = lazyZodResolver(() => import("@/lib/validation/vhr").then((m) => m.vhrStepSchema));
const handOffResolver = lazyZodResolver(() => import("@/lib/validation/vhr").then((m) => m.handOffSchema));
const stepResolver = <V extends FieldValues>() => stepSchemaResolver as unknown as Resolver<V>;

export type DateStepEvent =
  | "record_counselling"
  | "verify_nationality"
  | "record_interview"
  | "confirm_arrival";

interface DateValues {
  vhrCaseId: string;
  version: number;
  event: DateStepEvent;
  on: string;
}

export function DateStepForm({
  vhrCaseId,
  version,
  event,
  today,
}: {
  vhrCaseId: string;
  version: number;
  event: DateStepEvent;
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<DateValues>({
    resolver: stepResolver<DateValues>(),
    defaultValues: { vhrCaseId, version, event, on: today },
  });
  useEffect(() => setValue("version", version), [version, setValue]);
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await recordVhrStepAction(values);
    if (result.ok) {
      setMessage({ kind: "ok", text: t("returns.steps.done", { event: t(`vhr.events.${event}`) }) });
      router.refresh();
      return;
    }
    setMessage(failureMessage(t, result, setError, ["on"]));
  });
  const id = `step-${event}`;
  return (
    <form
      method="post"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid={`step-${event}`}
    >
      <h3 id={`${id}-title`}>{t(`returns.steps.titles.${event}`)}</h3>
      <FormAlert message={message} onReload={() => setMessage(null)} />
      <div className="field">
        <label htmlFor={`${id}-on`}>{t(`returns.steps.date.${event}`)}</label>
        <input
          id={`${id}-on`}
          type="date"
          max={today}
          {...register("on")}
          aria-invalid={Boolean(errors.on) || undefined}
          aria-describedby={`${id}-on-error`}
        />
        <FieldErrorText id={`${id}-on-error`} error={errors.on} />
      </div>
      <button type="submit" disabled={isSubmitting}>
        {t(`returns.steps.submit.${event}`)}
      </button>
    </form>
  );
}

interface DocumentValues {
  vhrCaseId: string;
  version: number;
  event: "issue_travel_document";
  documentType: string;
  documentNumber: string;
  issuedOn: string;
  expiry: string;
}

const DOCUMENT_FIELDS = ["documentType", "documentNumber", "issuedOn", "expiry"] as const;

/** The travel document the embassy issued; on a documented case, a replacement for it. */
export function TravelDocumentForm({
  vhrCaseId,
  version,
  today,
  replacement,
}: {
  vhrCaseId: string;
  version: number;
  today: string;
  replacement: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const blank = {
    vhrCaseId,
    version,
    event: "issue_travel_document" as const,
    documentType: "",
    documentNumber: "",
    issuedOn: "",
    expiry: "",
  };
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<DocumentValues>({ resolver: stepResolver<DocumentValues>(), defaultValues: blank });
  useEffect(() => setValue("version", version), [version, setValue]);
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await recordVhrStepAction({
      ...values,
      documentType: values.documentType as (typeof TRAVEL_DOCUMENT_TYPES)[number],
    });
    if (result.ok) {
      reset(blank);
      setMessage({
        kind: "ok",
        text: t("returns.steps.done", { event: t("vhr.events.issue_travel_document") }),
      });
      router.refresh();
      return;
    }
    setMessage(failureMessage(t, result, setError, DOCUMENT_FIELDS));
  });
  const key = replacement ? "replaceDocument" : "issue_travel_document";
  const field = (name: (typeof DOCUMENT_FIELDS)[number]) => ({
    id: `doc-${name}`,
    "aria-invalid": Boolean(errors[name]) || undefined,
    "aria-describedby": `doc-${name}-error`,
  });
  return (
    <form
      method="post"
      onSubmit={submit}
      noValidate
      aria-labelledby="doc-title"
      data-testid="step-issue_travel_document"
    >
      <h3 id="doc-title">{t(`returns.steps.titles.${key}`)}</h3>
      {replacement ? <p className="muted">{t("returns.steps.replaceHint")}</p> : null}
      <FormAlert message={message} onReload={() => setMessage(null)} />
      <div className="grid-4">
        <div className="field">
          <label htmlFor="doc-documentType">{t("returns.steps.documentType")}</label>
          <select {...field("documentType")} {...register("documentType")}>
            <option value="">{t("returns.choose")}</option>
            {TRAVEL_DOCUMENT_TYPES.map((d) => (
              <option key={d} value={d}>
                {t(`vhr.documentTypes.${d}`)}
              </option>
            ))}
          </select>
          <FieldErrorText id="doc-documentType-error" error={errors.documentType} />
        </div>
        <div className="field">
          <label htmlFor="doc-documentNumber">{t("returns.steps.documentNumber")}</label>
          <input
            dir="ltr"
            autoCapitalize="characters"
            spellCheck={false}
            {...field("documentNumber")}
            {...register("documentNumber")}
          />
          <FieldErrorText id="doc-documentNumber-error" error={errors.documentNumber} />
        </div>
        <div className="field">
          <label htmlFor="doc-issuedOn">{t("returns.steps.issuedOn")}</label>
          <input type="date" max={today} {...field("issuedOn")} {...register("issuedOn")} />
          <FieldErrorText id="doc-issuedOn-error" error={errors.issuedOn} />
        </div>
        <div className="field">
          <label htmlFor="doc-expiry">{t("returns.steps.expiry")}</label>
          <input type="date" min={today} {...field("expiry")} {...register("expiry")} />
          <FieldErrorText id="doc-expiry-error" error={errors.expiry} />
        </div>
      </div>
      <button type="submit" disabled={isSubmitting}>
        {t(`returns.steps.submit.${key}`)}
      </button>
    </form>
  );
}

interface WithdrawValues {
  vhrCaseId: string;
  version: number;
  event: "withdraw";
  reason: string;
}

/** The person no longer wishes to return: ends the case and releases any seat held for them. */
export function WithdrawForm({ vhrCaseId, version }: { vhrCaseId: string; version: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<WithdrawValues>({
    resolver: stepResolver<WithdrawValues>(),
    defaultValues: { vhrCaseId, version, event: "withdraw", reason: "" },
  });
  useEffect(() => setValue("version", version), [version, setValue]);
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await recordVhrStepAction(values);
    if (result.ok) {
      setMessage({ kind: "ok", text: t("returns.steps.done", { event: t("vhr.events.withdraw") }) });
      router.refresh();
      return;
    }
    setMessage(failureMessage(t, result, setError, ["reason"]));
  });
  return (
    <form method="post" onSubmit={submit} noValidate data-testid="step-withdraw">
      <FormAlert message={message} onReload={() => setMessage(null)} />
      <div className="field">
        <label htmlFor="withdraw-reason">{t("returns.steps.withdrawReason")}</label>
        <textarea
          id="withdraw-reason"
          rows={3}
          {...register("reason")}
          aria-invalid={Boolean(errors.reason) || undefined}
          aria-describedby="withdraw-reason-error"
        />
        <FieldErrorText id="withdraw-reason-error" error={errors.reason} />
      </div>
      <button type="submit" className="danger" disabled={isSubmitting}>
        {t("returns.steps.submit.withdraw")}
      </button>
    </form>
  );
}

interface HandOffValues {
  vhrCaseId: string;
  version: number;
  organisationId: string;
  consentToShare: boolean;
  consentOn: string;
  reason: string;
}

const HANDOFF_FIELDS = ["organisationId", "consentToShare", "consentOn", "reason"] as const;

/** After arrival: the referral to the mission in the country of origin, with consent to share. */
export function HandOffForm({
  vhrCaseId,
  version,
  organisations,
  today,
}: {
  vhrCaseId: string;
  version: number;
  organisations: Array<{ id: string; name: string }>;
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<HandOffValues>({
    resolver: handOffResolver as unknown as Resolver<HandOffValues>,
    defaultValues: {
      vhrCaseId,
      version,
      organisationId: "",
      consentToShare: false,
      consentOn: today,
      reason: "",
    },
  });
  useEffect(() => setValue("version", version), [version, setValue]);
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await handOffAction({ ...values, consentToShare: values.consentToShare as true });
    if (result.ok) {
      setMessage({ kind: "ok", text: t("returns.steps.done", { event: t("vhr.events.hand_off") }) });
      router.refresh();
      return;
    }
    setMessage(failureMessage(t, result, setError, HANDOFF_FIELDS));
  });
  return (
    <form
      method="post"
      onSubmit={submit}
      noValidate
      aria-labelledby="handoff-title"
      data-testid="step-hand_off"
    >
      <h3 id="handoff-title">{t("returns.steps.titles.hand_off")}</h3>
      {organisations.length === 0 ? (
        <p className="alert warn" role="status">
          {t("returns.steps.noOrganisations")}
        </p>
      ) : null}
      <FormAlert message={message} onReload={() => setMessage(null)} />
      <div className="grid-2">
        <div className="field">
          <label htmlFor="handoff-organisationId">{t("returns.steps.organisation")}</label>
          <select
            id="handoff-organisationId"
            {...register("organisationId")}
            aria-invalid={Boolean(errors.organisationId) || undefined}
            aria-describedby="handoff-organisationId-error"
          >
            <option value="">{t("returns.choose")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <FieldErrorText id="handoff-organisationId-error" error={errors.organisationId} />
        </div>
        <div className="field">
          <label htmlFor="handoff-consentOn">{t("returns.steps.consentOn")}</label>
          <input
            id="handoff-consentOn"
            type="date"
            max={today}
            {...register("consentOn")}
            aria-invalid={Boolean(errors.consentOn) || undefined}
            aria-describedby="handoff-consentOn-error"
          />
          <FieldErrorText id="handoff-consentOn-error" error={errors.consentOn} />
        </div>
      </div>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            {...register("consentToShare")}
            aria-invalid={Boolean(errors.consentToShare) || undefined}
            aria-describedby="handoff-consentToShare-error"
          />{" "}
          {t("returns.steps.consentToShare")}
        </label>
        <FieldErrorText id="handoff-consentToShare-error" error={errors.consentToShare} />
      </div>
      <div className="field">
        <label htmlFor="handoff-reason">{t("returns.steps.reason")}</label>
        <textarea
          id="handoff-reason"
          rows={4}
          {...register("reason")}
          aria-invalid={Boolean(errors.reason) || undefined}
          aria-describedby="handoff-reason-hint handoff-reason-error"
        />
        <p className="hint" id="handoff-reason-hint">
          {t("returns.steps.reasonHint")}
        </p>
        <FieldErrorText id="handoff-reason-error" error={errors.reason} />
      </div>
      <button type="submit" disabled={isSubmitting || organisations.length === 0}>
        {t("returns.steps.submit.hand_off")}
      </button>
    </form>
  );
}
