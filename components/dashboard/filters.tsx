import { getLocale, getTranslations } from "next-intl/server";
import { placeName } from "@/components/beneficiary/reference";
import type { ReferenceData } from "@/lib/dal/reference/get-reference";
import type { Dashboard } from "@/lib/dal/rollup/get-dashboard";

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and exported as is. */
export async function DashboardFilters({ d, reference }: { d: Dashboard; reference: ReferenceData }) {
  const t = await getTranslations("dashboard");
  const tOffices = await getTranslations("offices");
  const locale = await getLocale();
  const p = d.filters.period;
  const year = "year" in p ? p.year : Number(d.plan.start.slice(0, 4));
  const years: number[] = [];
  for (let y = Number(d.plan.start.slice(0, 4)); y <= Number(d.plan.end.slice(0, 4)); y++) years.push(y);
  const indicators = d.programmes.flatMap((prog) => prog.indicators);
  return (
    <form method="get" className="card" aria-label={t("filters.label")}>
      <div className="grid-4">
        <div className="field">
          <label htmlFor="period">{t("filters.period")}</label>
          <select id="period" name="period" defaultValue={p.kind}>
            {(["plan", "year", "quarter", "month", "custom"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`filters.periods.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">{t("filters.year")}</label>
          <select id="year" name="year" defaultValue={String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quarter">{t("filters.quarter")}</label>
          <select id="quarter" name="quarter" defaultValue={p.kind === "quarter" ? String(p.quarter) : "1"}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t("filters.quarterN", { n: q })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="month">{t("filters.month")}</label>
          <select id="month" name="month" defaultValue={p.kind === "month" ? String(p.month) : "1"}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {new Date(Date.UTC(2020, m - 1, 1)).toLocaleString(locale, {
                  month: "long",
                  timeZone: "UTC",
                })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">{t("filters.from")}</label>
          <input id="from" name="from" type="date" defaultValue={p.kind === "custom" ? p.from : ""} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("filters.to")}</label>
          <input id="to" name="to" type="date" defaultValue={p.kind === "custom" ? p.to : ""} />
        </div>
        <div className="field">
          <label htmlFor="office">{t("filters.office")}</label>
          {d.officeLocked ? (
            <>
              <input type="hidden" name="office" value={d.filters.officeCode ?? ""} />
              <select id="office" disabled defaultValue={d.filters.officeCode ?? ""}>
                <option value={d.filters.officeCode ?? ""}>{tOffices(d.filters.officeCode as "TIP")}</option>
              </select>
            </>
          ) : (
            <select id="office" name="office" defaultValue={d.filters.officeCode ?? ""}>
              <option value="">{t("filters.all")}</option>
              {reference.offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {tOffices(o.code as "TIP")}
                </option>
              ))}
            </select>
          )}
        </div>
        <div className="field">
          <label htmlFor="mantika">{t("filters.mantika")}</label>
          <select id="mantika" name="mantika" defaultValue={d.filters.mantikaPcode ?? ""}>
            <option value="">{t("filters.all")}</option>
            {reference.mantikas.map((m) => (
              <option key={m.pcode} value={m.pcode}>
                {placeName(m, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="indicator">{t("filters.indicator")}</label>
          <select id="indicator" name="indicator" defaultValue={d.filters.indicatorCode ?? ""}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit">{t("filters.apply")}</button>
      </div>
    </form>
  );
}
