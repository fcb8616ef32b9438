import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { placeName } from "@/components/beneficiary/reference";
import { Breakdown } from "@/components/dashboard/breakdown";
import { DashboardFilters } from "@/components/dashboard/filters";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getReferenceData } from "@/lib/dal/reference/get-reference";
import { getDashboard } from "@/lib/dal/rollup/get-dashboard";
import { AGE_GROUPS } from "@/lib/domain/age";
import { SEXES } from "@/lib/domain/beneficiary";
import { topNationalities } from "@/lib/domain/rollup/export-table";
import { sexAgeKey } from "@/lib/domain/rollup/types";
import { nationalityName } from "@/lib/reference/countries";
import { filtersFromParams, paramsOf } from "@/lib/validation/rollup";

export const metadata: Metadata = { robots: { index: false } };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireContext();
  const filters = filtersFromParams(await searchParams, 2019);
  const d = await orNotFound(getDashboard(ctx, filters));
  const reference = await getReferenceData(ctx);
  const t = await getTranslations();
  const locale = await getLocale();
  const fmt = (n: number) => n.toLocaleString(locale);
  const label = (kind: "indicators" | "programmes", code: string, fallback: string) =>
    t.has(`dashboard.${kind}.${code}` as "dashboard.title")
      ? t(`dashboard.${kind}.${code}` as "dashboard.title")
      : fallback;
  const query = new URLSearchParams(paramsOf(d.filters)).toString();
  const s = d.selected;
  const place = (list: Array<{ pcode: string; nameEn: string; nameAr: string | null }>, pcode: string) => {
    const p = list.find((x) => x.pcode === pcode);
    return p ? placeName(p, locale) : pcode;
  };
  const projectName = (id: string) => {
    const p = d.donorProjects.find((x) => x.id === id);
    return p ? `${p.code} · ${p.donor}` : t("dashboard.noProject");
  };
  const overlapNote = t("dashboard.overlapNote");
  const sumNote = t("dashboard.sumNote");
  const people = t("dashboard.people");

  return (
    <>
      <div className="toolbar">
        <h1>{t("dashboard.title")}</h1>
        <nav className="actions" aria-label={t("dashboard.export.label")}>
          {d.permissions.exportExternal ? (
            <>
              <a className="button" href={`/dashboard/export?${query}&format=xlsx&mode=external`} download>
                {t("dashboard.export.xlsxExternal")}
              </a>
              <a className="button" href={`/dashboard/export?${query}&format=csv&mode=external`} download>
                {t("dashboard.export.csvExternal")}
              </a>
            </>
          ) : null}
          {d.permissions.exportInternal ? (
            <>
              <a className="button" href={`/dashboard/export?${query}&format=xlsx&mode=internal`} download>
                {t("dashboard.export.xlsxInternal")}
              </a>
              <a className="button" href={`/dashboard/export?${query}&format=csv&mode=internal`} download>
                {t("dashboard.export.csvInternal")}
              </a>
            </>
          ) : null}
        </nav>
      </div>
      <p className="muted">
        {t("dashboard.viewing", { start: d.view.start, end: d.view.end })}
        {d.officeLocked ? ` · ${t("dashboard.officeLocked")}` : ""}
      </p>
      <DashboardFilters d={d} reference={reference} />

      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title" style={{ marginBlockStart: 0 }}>
          {t("dashboard.overview")}
        </h2>
        <p>
          {t("dashboard.mission")}: <strong data-testid="mission-reached">{fmt(d.mission)}</strong>
        </p>
        <p className="figure-note">{t("dashboard.distinctNote")}</p>
        <table data-testid="programme-table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.columns.programme")}</th>
              <th scope="col">{t("dashboard.columns.indicator")}</th>
              <th scope="col" className="num">
                {t("dashboard.columns.funding")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.columns.target")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.columns.targetForView")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.columns.reached")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.columns.percent")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.programmes.map((p) => [
              <tr key={p.code} data-programme={p.code}>
                <th scope="row">{label("programmes", p.code, p.name)}</th>
                <td className="muted">
                  {p.indicators.length ? t("dashboard.programmeTotal") : t("dashboard.noIndicators")}
                </td>
                <td className="num">
                  {p.fundingUsd.toLocaleString(locale, {
                    style: "currency",
                    currency: "USD",
                    maximumFractionDigits: 0,
                  })}
                </td>
                <td />
                <td />
                <td className="num" data-testid={`programme-reached-${p.code}`}>
                  {p.indicators.length ? fmt(p.reached) : "—"}
                </td>
                <td />
              </tr>,
              ...p.indicators.map((i) => (
                <tr key={`${p.code}-${i.code}`} data-indicator={i.code}>
                  <td />
                  <td>
                    <a
                      href={`/dashboard?${new URLSearchParams({ ...paramsOf(d.filters), indicator: i.code })}`}
                    >
                      {label("indicators", i.code, i.label)}
                    </a>
                  </td>
                  <td />
                  <td className="num">{i.target === null ? "—" : fmt(i.target)}</td>
                  <td className="num">{i.targetForView === null ? "—" : fmt(i.targetForView)}</td>
                  <td className="num" data-testid={`reached-${i.code}`}>
                    {fmt(i.reached)}
                  </td>
                  <td className="num">
                    {i.percentOfTarget === null ? "—" : `${i.percentOfTarget.toLocaleString(locale)} %`}
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </section>

      {s ? (
        <>
          <h2>{label("indicators", s.indicator.code, s.indicator.label)}</h2>
          <p>
            {t("dashboard.reachedOf", {
              reached: fmt(s.indicator.reached),
              target: s.indicator.target === null ? "—" : fmt(s.indicator.target),
            })}{" "}
            <strong data-testid="selected-total">{fmt(s.counts.total)}</strong>
          </p>
          <section className="card" aria-labelledby="trend-title">
            <h3 id="trend-title" style={{ marginBlockStart: 0 }}>
              {t("dashboard.trend.title")}
            </h3>
            <div className="chart-pair">
              <TrendChart
                points={s.trend}
                legend={{
                  reached: t("dashboard.trend.reached"),
                  trajectory: t("dashboard.trend.trajectory"),
                }}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("dashboard.trend.month")}</th>
                    <th scope="col" className="num">
                      {t("dashboard.trend.reached")}
                    </th>
                    <th scope="col" className="num">
                      {t("dashboard.trend.trajectory")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.trend.map((p) => (
                    <tr key={p.month}>
                      <th scope="row">{p.month.slice(0, 7)}</th>
                      <td className="num">{fmt(p.cumulative)}</td>
                      <td className="num">{p.expected === null ? "—" : fmt(p.expected)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="sexage-title" data-testid="breakdown-sexage">
            <h3 id="sexage-title" style={{ marginBlockStart: 0 }}>
              {t("dashboard.breakdowns.sexAge")}
            </h3>
            <p className="figure-note">{sumNote}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.breakdowns.sex")}</th>
                  {AGE_GROUPS.map((g) => (
                    <th key={g} scope="col" className="num">
                      {g}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("dashboard.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {SEXES.map((sex) => {
                  const values = AGE_GROUPS.map(
                    (g) => s.counts.bySexAge.find((x) => x.key === sexAgeKey(sex, g))?.count ?? 0,
                  );
                  return (
                    <tr key={sex}>
                      <th scope="row">{t(`enums.sex.${sex}`)}</th>
                      {values.map((v, i) => (
                        <td key={AGE_GROUPS[i]} className="num">
                          {fmt(v)}
                        </td>
                      ))}
                      <td className="num">{fmt(values.reduce((a, b) => a + b, 0))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <Breakdown
            id="population"
            title={t("dashboard.breakdowns.population")}
            note={sumNote}
            locale={locale}
            columnLabel={t("dashboard.breakdowns.population")}
            countLabel={people}
            rows={s.counts.byPopulation.map((x) => ({
              key: x.key,
              label: t(`enums.populationType.${x.key as "migrant"}`),
              value: x.count,
            }))}
          />
          <Breakdown
            id="nationality"
            title={t("dashboard.breakdowns.nationality")}
            note={sumNote}
            locale={locale}
            columnLabel={t("dashboard.breakdowns.nationality")}
            countLabel={people}
            rows={topNationalities(s.counts.byNationality).map((x) => ({
              key: x.key,
              label:
                x.key === "OTHER"
                  ? t("dashboard.other")
                  : nationalityName(x.key, locale, t("enums.stateless")),
              value: x.count,
            }))}
          />
          <Breakdown
            id="detention"
            title={t("dashboard.breakdowns.detention")}
            note={sumNote}
            locale={locale}
            columnLabel={t("dashboard.breakdowns.detention")}
            countLabel={people}
            rows={s.counts.byDetention.map((x) => ({
              key: x.key,
              label: t(`dashboard.detention.${x.key as "detained"}`),
              value: x.count,
            }))}
          />
          <Breakdown
            id="region"
            title={t("dashboard.breakdowns.region")}
            note={overlapNote}
            locale={locale}
            chart={false}
            columnLabel={t("dashboard.breakdowns.region")}
            countLabel={people}
            rows={s.counts.byRegion.map((x) => ({
              key: x.key,
              label: place(reference.regions, x.key),
              value: x.count,
            }))}
          />
          <Breakdown
            id="mantika"
            title={t("dashboard.breakdowns.mantika")}
            note={overlapNote}
            locale={locale}
            columnLabel={t("dashboard.breakdowns.mantika")}
            countLabel={people}
            rows={s.counts.byMantika.map((x) => ({
              key: x.key,
              label: place(reference.mantikas, x.key),
              value: x.count,
            }))}
          />
          <Breakdown
            id="baladiya"
            title={t("dashboard.breakdowns.baladiya")}
            note={overlapNote}
            locale={locale}
            chart={false}
            columnLabel={t("dashboard.breakdowns.baladiya")}
            countLabel={people}
            rows={s.counts.byBaladiya.map((x) => ({
              key: x.key,
              label: place(reference.baladiyas, x.key),
              value: x.count,
            }))}
          />
          <Breakdown
            id="office"
            title={t("dashboard.breakdowns.office")}
            note={overlapNote}
            locale={locale}
            columnLabel={t("dashboard.breakdowns.office")}
            countLabel={people}
            rows={s.counts.byOffice.map((x) => ({
              key: x.key,
              label: t(`offices.${x.key as "TIP"}`),
              value: x.count,
            }))}
          />
          <Breakdown
            id="project"
            title={t("dashboard.breakdowns.project")}
            note={overlapNote}
            locale={locale}
            columnLabel={t("dashboard.breakdowns.project")}
            countLabel={people}
            rows={s.counts.byDonorProject.map((x) => ({
              key: x.key,
              label: projectName(x.key),
              value: x.count,
            }))}
          />
        </>
      ) : null}
    </>
  );
}
