"use client";

import { useTranslations } from "next-intl";
import { get, useFormContext } from "react-hook-form";
import { FieldErrorText } from "@/components/forms/field-error";
import { todayIso } from "@/lib/domain/age";
import { CONSENT_GIVERS, CONSENT_PURPOSES } from "@/lib/domain/beneficiary";
import type { ConsentInput } from "@/lib/validation/beneficiary";

type Form = { consent: ConsentInput };

/** Consent per purpose with who gave it and when, or vital interest with a reason. */
export function ConsentFields() {
  const t = useTranslations();
  const { register, watch, formState } = useFormContext<Form>();
  const err = (name: string) => get(formState.errors, `consent.${name}`);
  const obtained = watch("consent.obtained");
  return (
    <fieldset>
      <legend>{t("consent.title")}</legend>
      <span className="label" id="consent-obtained-label">
        {t("consent.obtained")}
      </span>
      <div className="choices" role="radiogroup" aria-labelledby="consent-obtained-label">
        <label>
          <input type="radio" value="yes" {...register("consent.obtained")} /> {t("consent.obtainedYes")}
        </label>
        <label>
          <input type="radio" value="no" {...register("consent.obtained")} /> {t("consent.obtainedNo")}
        </label>
      </div>
      <FieldErrorText id="consent-obtained-error" error={err("obtained")} />
      {obtained === "yes" ? (
        <>
          <div className="grid-2" style={{ marginBlockStart: "0.75rem" }}>
            <div className="field">
              <label htmlFor="consentGivenBy">{t("consent.givenBy")}</label>
              <select
                id="consentGivenBy"
                aria-invalid={err("givenBy") ? true : undefined}
                {...register("consent.givenBy")}
              >
                <option value="">{t("fields.choose")}</option>
                {CONSENT_GIVERS.map((g) => (
                  <option key={g} value={g}>
                    {t(`enums.consentGiver.${g}`)}
                  </option>
                ))}
              </select>
              <FieldErrorText id="consentGivenBy-error" error={err("givenBy")} />
            </div>
            <div className="field">
              <label htmlFor="consentGivenOn">{t("consent.givenOn")}</label>
              <input
                id="consentGivenOn"
                type="date"
                max={todayIso()}
                aria-invalid={err("givenOn") ? true : undefined}
                {...register("consent.givenOn")}
              />
              <FieldErrorText id="consentGivenOn-error" error={err("givenOn")} />
            </div>
          </div>
          <span className="label">{t("consent.purposes")}</span>
          <div className="choices">
            {CONSENT_PURPOSES.map((p) => (
              <label key={p}>
                <input type="checkbox" value={p} {...register("consent.purposes")} />{" "}
                {t(`enums.consentPurpose.${p}`)}
              </label>
            ))}
          </div>
          <FieldErrorText id="consentPurposes-error" error={err("purposes")} />
        </>
      ) : obtained === "no" ? (
        <div className="field" style={{ marginBlockStart: "0.75rem" }}>
          <label htmlFor="vitalInterestReason">{t("consent.vitalInterest")}</label>
          <textarea
            id="vitalInterestReason"
            rows={3}
            aria-invalid={err("vitalInterestReason") ? true : undefined}
            {...register("consent.vitalInterestReason")}
          />
          <FieldErrorText id="vitalInterestReason-error" error={err("vitalInterestReason")} />
        </div>
      ) : null}
    </fieldset>
  );
}
