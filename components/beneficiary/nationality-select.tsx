"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { COMMON_NATIONALITIES, STATELESS_OR_UNKNOWN } from "@/lib/reference/nationalities";
import type { CountryOption } from "./reference";

/** A select with a filter box: the mission's common nationalities first, then all, in the reader's language. */
export function NationalitySelect({
  countries,
  registration,
  invalid,
  describedBy,
  currentValue,
}: {
  /** Named and sorted on the server (see countryOptions), so server and browser render the same list. */
  countries: CountryOption[];
  registration: UseFormRegisterReturn;
  invalid: boolean;
  describedBy: string;
  currentValue?: string;
}) {
  const t = useTranslations("fields");
  const tEnums = useTranslations("enums");
  const locale = useLocale();
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLocaleLowerCase(locale);
  const matches = (o: { code: string; name: string }) =>
    !needle ||
    o.code === currentValue ||
    o.name.toLocaleLowerCase(locale).includes(needle) ||
    o.code.toLowerCase() === needle;
  const common = countries.filter((o) => COMMON_NATIONALITIES.includes(o.code) && matches(o));
  const rest = countries.filter((o) => !COMMON_NATIONALITIES.includes(o.code) && matches(o));
  return (
    <>
      <input
        type="search"
        aria-label={t("nationalitySearch")}
        placeholder={t("nationalitySearch")}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ marginBlockEnd: "0.35rem" }}
      />
      <select
        id="nationality"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        {...registration}
      >
        <option value="">{t("choose")}</option>
        {common.length > 0 ? (
          <optgroup label="—">
            {common.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="A–Z">
          {rest.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
          <option value={STATELESS_OR_UNKNOWN}>{tEnums("stateless")}</option>
        </optgroup>
      </select>
    </>
  );
}
