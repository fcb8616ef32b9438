"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { placeName } from "@/components/beneficiary/reference";
import { FieldErrorText } from "@/components/forms/field-error";
import { ASSISTANCE_TYPES } from "@/lib/domain/assistance";
import type { AssistanceFields as Values } from "@/lib/validation/assistance";

export interface AssistanceOptions {
  providers: Array<{ id: string; name: string }>;
  donorProjects: Array<{ id: string; code: string; title: string; donor: string }>;
  baladiyas: Array<{ pcode: string; nameEn: string; nameAr: string | null }>;
  today: string;
}

/** The fields of one service, shared by recording and by the replacement in a correction. */
export function AssistanceFieldset({
  register,
  errors,
  options,
  prefix = "",
}: {
  // biome-ignore lint/suspicious/noExplicitAny: the same fields sit at the root or under "replacement"
  register: UseFormRegister<any>;
  errors?: FieldErrors<Values>;
  options: AssistanceOptions;
  prefix?: string;
}) {
  const t = useTranslations("assistance");
  const locale = useLocale();
  const id = (name: string) => `${prefix}${name}`;
  const field = (name: keyof Values) => `${prefix ? "replacement." : ""}${name}`;
  const described = (name: keyof Values) => (errors?.[name] ? `${id(name)}-error` : undefined);
  return (
    <>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={id("assistanceType")}>{t("fields.type")}</label>
          <select
            id={id("assistanceType")}
            {...register(field("assistanceType"))}
            aria-describedby={described("assistanceType")}
          >
            <option value="">{t("fields.choose")}</option>
            {ASSISTANCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${id("assistanceType")}-error`} error={errors?.assistanceType} />
        </div>
        <div className="field">
          <label htmlFor={id("serviceDate")}>{t("fields.serviceDate")}</label>
          <input
            id={id("serviceDate")}
            type="date"
            max={options.today}
            {...register(field("serviceDate"))}
            aria-describedby={described("serviceDate")}
          />
          <FieldErrorText id={`${id("serviceDate")}-error`} error={errors?.serviceDate} />
        </div>
        <div className="field">
          <label htmlFor={id("baladiyaPcode")}>{t("fields.baladiya")}</label>
          <select
            id={id("baladiyaPcode")}
            {...register(field("baladiyaPcode"))}
            aria-describedby={described("baladiyaPcode")}
          >
            {options.baladiyas.map((b) => (
              <option key={b.pcode} value={b.pcode}>
                {placeName(b, locale)}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${id("baladiyaPcode")}-error`} error={errors?.baladiyaPcode} />
        </div>
        <div className="field">
          <label htmlFor={id("quantity")}>{t("fields.quantity")}</label>
          <input
            id={id("quantity")}
            type="number"
            min={1}
            step={1}
            {...register(field("quantity"), { valueAsNumber: true })}
            aria-describedby={described("quantity")}
          />
          <FieldErrorText id={`${id("quantity")}-error`} error={errors?.quantity} />
        </div>
        <div className="field">
          <label htmlFor={id("donorProjectId")}>{t("fields.donorProject")}</label>
          <select id={id("donorProjectId")} {...register(field("donorProjectId"))}>
            <option value="">{t("fields.noProject")}</option>
            {options.donorProjects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.donor} · {p.title}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${id("donorProjectId")}-error`} error={errors?.donorProjectId} />
        </div>
        <div className="field">
          <label htmlFor={id("providedBy")}>{t("fields.providedBy")}</label>
          <select id={id("providedBy")} {...register(field("providedBy"))}>
            {options.providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${id("providedBy")}-error`} error={errors?.providedBy} />
        </div>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" {...register(field("detained"))} /> {t("fields.detained")}
        </label>
        <p className="muted">{t("fields.detainedHint")}</p>
      </div>
    </>
  );
}
