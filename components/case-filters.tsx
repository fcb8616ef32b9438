import { getLocale, getTranslations } from "next-intl/server";
import { AGE_GROUPS } from "@/lib/domain/age";
import { CASE_STATUSES, POPULATION_TYPES, SEXES, UASC_STATUSES } from "@/lib/domain/beneficiary";
import { nationalityName } from "@/lib/reference/countries";
import { COMMON_NATIONALITIES } from "@/lib/reference/nationalities";
import { type FormReference, placeName } from "./beneficiary/reference";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function CaseFilters({
  values,
  reference,
  owners,
}: {
  values: Record<string, string | undefined>;
  reference: FormReference;
  owners?: Array<{ id: string; name: string }>;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const select = (name: string, label: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={values[name] ?? ""}>
        <option value="">{t("fields.any")}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const nationalities = [
    ...new Set([...COMMON_NATIONALITIES, ...(values.nationality ? [values.nationality] : [])]),
  ];
  return (
    <search>
      <form method="get" action="/cases" className="card">
        <div className="grid-4">
          <div className="field" style={{ gridColumn: "span 2" }}>
            <label htmlFor="f-q">{t("cases.search")}</label>
            <input id="f-q" name="q" type="search" defaultValue={values.q ?? ""} />
          </div>
          {select("sort", t("cases.sort"), [
            ["registered_desc", t("cases.sortRegisteredDesc")],
            ["registered_asc", t("cases.sortRegisteredAsc")],
            ["name_asc", t("cases.sortName")],
          ])}
          {select(
            "populationType",
            t("fields.populationType"),
            POPULATION_TYPES.map((p) => [p, t(`enums.populationType.${p}`)]),
          )}
          {select(
            "sex",
            t("fields.sex"),
            SEXES.map((s) => [s, t(`enums.sex.${s}`)]),
          )}
          {select(
            "ageGroup",
            t("cases.ageGroup"),
            AGE_GROUPS.map((a) => [a, t(`enums.ageGroup.${a}`)]),
          )}
          {select(
            "nationality",
            t("fields.nationality"),
            nationalities.map((c) => [c, nationalityName(c, locale, t("enums.stateless"))]),
          )}
          {select(
            "mantika",
            t("fields.mantika"),
            reference.mantikas.map((m) => [m.pcode, placeName(m, locale)]),
          )}
          {select(
            "baladiya",
            t("fields.baladiya"),
            reference.baladiyas
              .filter((b) => !values.mantika || b.mantikaPcode === values.mantika)
              .map((b) => [b.pcode, placeName(b, locale)]),
          )}
          {select("detained", t("cases.detention"), [
            ["yes", t("enums.detained.yes")],
            ["no", t("enums.detained.no")],
          ])}
          {select(
            "uasc",
            t("cases.uasc"),
            UASC_STATUSES.map((u) => [u, t(`enums.uasc.${u}`)]),
          )}
          {select(
            "status",
            t("cases.status"),
            CASE_STATUSES.map((s) => [s, t(`enums.caseStatus.${s}`)]),
          )}
          {owners
            ? select(
                "owner",
                t("cases.owner"),
                owners.map((o) => [o.id, o.name]),
              )
            : null}
        </div>
        <div className="actions">
          <button type="submit">{t("cases.apply")}</button>
          <a className="button secondary" href="/cases">
            {t("cases.clear")}
          </a>
        </div>
      </form>
    </search>
  );
}
