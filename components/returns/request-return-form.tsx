"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { requestReturnAction } from "@/app/(app)/returns/actions";
import type { CountryOption } from "@/components/beneficiary/reference";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { FormAlert, type FormMessage, failureMessage } from "./form-alert";

const requestReturnResolver = lazyZodResolver(() =>
  import("@/lib/validation/vhr").then((m) => m.requestReturnSchema),
);

interface Values {
  referralId: string;
  informedConsent: boolean;
  declaredOn: string;
  language: string;
  interpreter: string;
  destinationCountry: string;
}

const FIELDS = ["informedConsent", "declaredOn", "language", "interpreter", "destinationCountry"] as const;

/** Step 1: the person's wish to return, with their informed consent, opens the return. */
export function RequestReturnForm({
  referralId,
  defaultDestination,
  countries,
  today,
}: {
  referralId: string;
  defaultDestination: string;
  /** Named and sorted on the server, so server and browser render the same list. */
  countries: CountryOption[];
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    // The same schema parses the input again on the server.
    resolver: requestReturnResolver as unknown as Resolver<Values>,
    defaultValues: {
      referralId,
      informedConsent: false,
      declaredOn: today,
      language: "",
      interpreter: "",
      destinationCountry: defaultDestination,
    },
  });
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await requestReturnAction({
      ...values,
      informedConsent: values.informedConsent as true,
      interpreter: values.interpreter || undefined,
    });
    if (result.ok) {
      router.push(`/returns/${result.data.id}`);
      return;
    }
    setMessage(failureMessage(t, result, setError, FIELDS, false));
  });
  return (
    <form method="post" className="card" onSubmit={submit} noValidate>
      <FormAlert message={message} onReload={() => setMessage(null)} />
      <fieldset className="field">
        <legend>{t("returns.new.consentLegend")}</legend>
        <label className="check">
          <input
            type="checkbox"
            {...register("informedConsent")}
            aria-invalid={Boolean(errors.informedConsent) || undefined}
            aria-describedby="informedConsent-error"
          />{" "}
          {t("returns.new.informedConsent")}
        </label>
        <FieldErrorText id="informedConsent-error" error={errors.informedConsent} />
      </fieldset>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="declaredOn">{t("returns.new.declaredOn")}</label>
          <input
            id="declaredOn"
            type="date"
            max={today}
            {...register("declaredOn")}
            aria-invalid={Boolean(errors.declaredOn) || undefined}
            aria-describedby="declaredOn-error"
          />
          <FieldErrorText id="declaredOn-error" error={errors.declaredOn} />
        </div>
        <div className="field">
          <label htmlFor="destinationCountry">{t("returns.new.destination")}</label>
          <select
            id="destinationCountry"
            {...register("destinationCountry")}
            aria-invalid={Boolean(errors.destinationCountry) || undefined}
            aria-describedby="destinationCountry-hint destinationCountry-error"
          >
            <option value="">{t("returns.choose")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <p className="hint" id="destinationCountry-hint">
            {t("returns.new.destinationHint")}
          </p>
          <FieldErrorText id="destinationCountry-error" error={errors.destinationCountry} />
        </div>
        <div className="field">
          <label htmlFor="language">{t("returns.new.language")}</label>
          <input
            id="language"
            {...register("language")}
            aria-invalid={Boolean(errors.language) || undefined}
            aria-describedby="language-error"
          />
          <FieldErrorText id="language-error" error={errors.language} />
        </div>
        <div className="field">
          <label htmlFor="interpreter">
            {t("returns.new.interpreter")} <span className="muted">({t("fields.optional")})</span>
          </label>
          <input
            id="interpreter"
            {...register("interpreter")}
            aria-invalid={Boolean(errors.interpreter) || undefined}
            aria-describedby="interpreter-hint interpreter-error"
          />
          <p className="hint" id="interpreter-hint">
            {t("returns.new.interpreterHint")}
          </p>
          <FieldErrorText id="interpreter-error" error={errors.interpreter} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>
          {t("returns.new.submit")}
        </button>
        <Link className="button secondary" href="/returns">
          {t("returns.new.cancel")}
        </Link>
      </div>
    </form>
  );
}
