"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { get, useFormContext } from "react-hook-form";
import { FieldErrorText } from "@/components/forms/field-error";
import { ageAt, todayIso } from "@/lib/domain/age";
import {
  LANGUAGES,
  POPULATION_TYPES,
  SEXES,
  UASC_STATUSES,
  VULNERABILITY_FLAGS,
} from "@/lib/domain/beneficiary";
import type { BiodataInput } from "@/lib/validation/beneficiary";
import { NationalitySelect } from "./nationality-select";
import { type BiodataReference, placeName } from "./reference";

type Form = { biodata: BiodataInput };

/** The person's biodata, shared by registration and edit. Field names are `biodata.*`. */
export function BiodataFields({
  reference,
  detentionRestricted = false,
}: {
  reference: BiodataReference;
  /** The editor may not see detention details: they are neither shown nor changed. */
  detentionRestricted?: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { register, watch, formState, setValue } = useFormContext<Form>();
  const err = (name: string) => get(formState.errors, `biodata.${name}`);
  const aria = (name: string) => ({
    "aria-invalid": err(name) ? true : undefined,
    "aria-describedby": `${name}-error`,
  });
  const dobMode = watch("biodata.dobMode");
  const detained = watch("biodata.detained");
  const dob = watch("biodata.dateOfBirth");
  const estimatedAge = watch("biodata.estimatedAge");
  const age =
    dobMode === "exact" && dob && /^\d{4}-\d{2}-\d{2}$/.test(dob)
      ? ageAt(dob, todayIso())
      : dobMode === "estimated" && estimatedAge !== "" && estimatedAge !== undefined
        ? Number(estimatedAge)
        : null;
  const isChild = age !== null && age < 18;
  const sex = watch("biodata.sex");
  // An adult has no UASC status and only a female a pregnancy: clear what the person's data rules out.
  useEffect(() => {
    if (age !== null && !isChild) setValue("biodata.uascStatus", "");
  }, [age, isChild, setValue]);
  useEffect(() => {
    if (sex && sex !== "female") {
      const current = watch("biodata.vulnerabilities") ?? [];
      if (current.includes("pregnant"))
        setValue(
          "biodata.vulnerabilities",
          current.filter((v) => v !== "pregnant"),
        );
    }
  }, [sex, setValue, watch]);

  return (
    <>
      <fieldset>
        <legend>{t("register.sectionIdentity")}</legend>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="familyName">{t("fields.familyName")}</label>
            <input
              id="familyName"
              type="text"
              autoComplete="off"
              {...aria("familyName")}
              {...register("biodata.familyName")}
            />
            <FieldErrorText id="familyName-error" error={err("familyName")} />
          </div>
          <div className="field">
            <label htmlFor="givenNames">{t("fields.givenNames")}</label>
            <input
              id="givenNames"
              type="text"
              autoComplete="off"
              {...aria("givenNames")}
              {...register("biodata.givenNames")}
            />
            <FieldErrorText id="givenNames-error" error={err("givenNames")} />
          </div>
          <div className="field">
            <label htmlFor="nameAr">
              {t("fields.nameAr")} <span className="muted">({t("fields.optional")})</span>
            </label>
            <input
              id="nameAr"
              type="text"
              dir="rtl"
              lang="ar"
              autoComplete="off"
              {...aria("nameAr")}
              {...register("biodata.nameAr")}
            />
            <FieldErrorText id="nameAr-error" error={err("nameAr")} />
          </div>
          <div className="field">
            <span className="label" id="sex-label">
              {t("fields.sex")}
            </span>
            <div
              className="choices"
              role="radiogroup"
              aria-labelledby="sex-label"
              aria-describedby="sex-error"
            >
              {SEXES.map((s) => (
                <label key={s}>
                  <input type="radio" value={s} {...register("biodata.sex")} /> {t(`enums.sex.${s}`)}
                </label>
              ))}
            </div>
            <FieldErrorText id="sex-error" error={err("sex")} />
          </div>
        </div>
        <div className="grid-2">
          <div className="field">
            <span className="label" id="dob-label">
              {t("fields.dobMode")}
            </span>
            <div className="choices" role="radiogroup" aria-labelledby="dob-label">
              <label>
                <input type="radio" value="exact" {...register("biodata.dobMode")} /> {t("fields.dobExact")}
              </label>
              <label>
                <input type="radio" value="estimated" {...register("biodata.dobMode")} />{" "}
                {t("fields.dobEstimated")}
              </label>
            </div>
          </div>
          {dobMode === "estimated" ? (
            <div className="field">
              <label htmlFor="estimatedAge">{t("fields.estimatedAge")}</label>
              <input
                id="estimatedAge"
                type="number"
                min={0}
                max={110}
                inputMode="numeric"
                {...aria("estimatedAge")}
                {...register("biodata.estimatedAge")}
              />
              <FieldErrorText id="estimatedAge-error" error={err("estimatedAge")} />
            </div>
          ) : (
            <div className="field">
              <label htmlFor="dateOfBirth">{t("fields.dateOfBirth")}</label>
              <input
                id="dateOfBirth"
                type="date"
                max={todayIso()}
                {...aria("dateOfBirth")}
                {...register("biodata.dateOfBirth")}
              />
              <FieldErrorText id="dateOfBirth-error" error={err("dateOfBirth")} />
            </div>
          )}
          <div className="field">
            <label htmlFor="nationality">{t("fields.nationality")}</label>
            <NationalitySelect
              countries={reference.countries}
              registration={register("biodata.nationality")}
              invalid={Boolean(err("nationality"))}
              describedBy="nationality-error"
              currentValue={watch("biodata.nationality")}
            />
            <FieldErrorText id="nationality-error" error={err("nationality")} />
          </div>
          <div className="field">
            <label htmlFor="populationType">{t("fields.populationType")}</label>
            <select id="populationType" {...aria("populationType")} {...register("biodata.populationType")}>
              <option value="">{t("fields.choose")}</option>
              {POPULATION_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`enums.populationType.${p}`)}
                </option>
              ))}
            </select>
            <FieldErrorText id="populationType-error" error={err("populationType")} />
          </div>
        </div>
        <fieldset>
          <legend>{t("fields.languages")}</legend>
          <div className="choices">
            {LANGUAGES.map((l) => (
              <label key={l}>
                <input type="checkbox" value={l} {...register("biodata.languages")} />{" "}
                {t(`enums.language.${l}`)}
              </label>
            ))}
          </div>
          <FieldErrorText id="languages-error" error={err("languages")} />
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t("register.sectionSituation")}</legend>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="phone">{t("fields.phone")}</label>
            <input
              id="phone"
              type="tel"
              dir="ltr"
              autoComplete="off"
              {...aria("phone")}
              {...register("biodata.phone")}
            />
            <FieldErrorText id="phone-error" error={err("phone")} />
          </div>
          <div className="field">
            <label htmlFor="baladiyaPcode">{t("fields.baladiya")}</label>
            <select id="baladiyaPcode" {...aria("baladiyaPcode")} {...register("biodata.baladiyaPcode")}>
              <option value="">{t("fields.choose")}</option>
              {reference.mantikas.map((m) => (
                <optgroup key={m.pcode} label={placeName(m, locale)}>
                  {reference.baladiyas
                    .filter((b) => b.mantikaPcode === m.pcode)
                    .map((b) => (
                      <option key={b.pcode} value={b.pcode}>
                        {placeName(b, locale)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <FieldErrorText id="baladiyaPcode-error" error={err("baladiyaPcode")} />
          </div>
        </div>
        {detentionRestricted ? (
          <p className="muted" data-testid="detention-restricted">
            {t("fields.detentionRestricted")}
          </p>
        ) : (
          <div className="field">
            <label>
              <input type="checkbox" {...register("biodata.detained")} /> {t("fields.detained")}
            </label>
          </div>
        )}
        {detained && !detentionRestricted ? (
          <div className="grid-2">
            <div className="field">
              <label htmlFor="detentionCentre">{t("fields.detentionCentre")}</label>
              <input
                id="detentionCentre"
                type="text"
                {...aria("detentionCentre")}
                {...register("biodata.detentionCentre")}
              />
              <FieldErrorText id="detentionCentre-error" error={err("detentionCentre")} />
            </div>
            <div className="field">
              <label htmlFor="detainedSince">{t("fields.detainedSince")}</label>
              <input
                id="detainedSince"
                type="date"
                max={todayIso()}
                {...aria("detainedSince")}
                {...register("biodata.detainedSince")}
              />
              <FieldErrorText id="detainedSince-error" error={err("detainedSince")} />
            </div>
          </div>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t("register.sectionVulnerability")}</legend>
        {isChild || err("uascStatus") ? (
          <div className="field">
            <label htmlFor="uascStatus">{t("fields.uascStatus")}</label>
            <select id="uascStatus" {...aria("uascStatus")} {...register("biodata.uascStatus")}>
              <option value="">{t("fields.choose")}</option>
              {UASC_STATUSES.map((u) => (
                <option key={u} value={u}>
                  {t(`enums.uasc.${u}`)}
                </option>
              ))}
            </select>
            <FieldErrorText id="uascStatus-error" error={err("uascStatus")} />
          </div>
        ) : null}
        <span className="label">{t("fields.vulnerabilities")}</span>
        <div className="choices">
          {VULNERABILITY_FLAGS.filter((f) => f !== "pregnant" || sex === "female").map((f) => (
            <label key={f}>
              <input type="checkbox" value={f} {...register("biodata.vulnerabilities")} />{" "}
              {t(`enums.vulnerability.${f}`)}
            </label>
          ))}
        </div>
        <FieldErrorText id="vulnerabilities-error" error={err("vulnerabilities")} />
      </fieldset>
    </>
  );
}
