import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { placeName } from "@/components/beneficiary/reference";
import { CaseFilters } from "@/components/case-filters";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { can } from "@/lib/authz";
import { listBeneficiaries } from "@/lib/dal/beneficiaries/list-beneficiaries";
import { listAssignableOwners } from "@/lib/dal/beneficiaries/reassign-beneficiary";
import { getReferenceData } from "@/lib/dal/reference/get-reference";
import { nationalityName } from "@/lib/reference/countries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireContext();
  const raw = await searchParams;
  const query = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)]));
  const page = await orNotFound(listBeneficiaries(ctx, query));
  const reference = await getReferenceData(ctx);
  const owners = can(ctx.actor.role, "beneficiary.reassign") ? await listAssignableOwners(ctx) : undefined;
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const baladiya = new Map(reference.baladiyas.map((b) => [b.pcode, b]));
  const { after: _after, ...withoutCursor } = query;
  const nextHref = page.nextCursor
    ? `/cases?${new URLSearchParams({ ...(withoutCursor as Record<string, string>), after: page.nextCursor })}`
    : null;

  return (
    <>
      <div className="toolbar">
        <h1>{t("cases.title")}</h1>
        <Link className="button" href="/cases/new">
          {t("nav.register")}
        </Link>
        {can(ctx.actor.role, "beneficiary.export") ? (
          <Link className="button secondary" href="/cases/export">
            {t("export.open")}
          </Link>
        ) : null}
      </div>
      <CaseFilters values={query} reference={reference} owners={owners} />
      {page.searchMode === "name" ? <p className="muted">{t("cases.sortRelevance")}</p> : null}
      {page.items.length === 0 ? (
        <div className="card">{t("cases.empty")}</div>
      ) : (
        <table data-testid="case-list">
          <thead>
            <tr>
              <th scope="col">{t("cases.colCase")}</th>
              <th scope="col">{t("cases.colName")}</th>
              <th scope="col">{t("cases.colSex")}</th>
              <th scope="col">{t("cases.colAge")}</th>
              <th scope="col">{t("cases.colNationality")}</th>
              <th scope="col">{t("cases.colLocation")}</th>
              <th scope="col">{t("cases.colStatus")}</th>
              <th scope="col">{t("cases.colOwner")}</th>
              <th scope="col">{t("cases.colRegistered")}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((b) => {
              const place = baladiya.get(b.baladiyaPcode);
              return (
                <tr key={b.id}>
                  <td>
                    <Link href={`/cases/${b.id}`} dir="ltr">
                      {b.caseNumber}
                    </Link>
                  </td>
                  <td>
                    {b.familyName}, {b.givenNames}
                    {b.nameAr ? (
                      <div className="muted" dir="rtl" lang="ar">
                        {b.nameAr}
                      </div>
                    ) : null}
                  </td>
                  <td>{t(`enums.sex.${b.sex}`)}</td>
                  <td>
                    {t("cases.years", { age: b.age })}
                    {b.dobEstimated ? <span className="muted"> ({t("cases.estimatedShort")})</span> : null}
                  </td>
                  <td>{nationalityName(b.nationality, locale, t("enums.stateless"))}</td>
                  <td>{place ? placeName(place, locale) : b.baladiyaPcode}</td>
                  <td>
                    <span className="badge">{t(`enums.caseStatus.${b.status}`)}</span>
                  </td>
                  <td>{b.ownerName}</td>
                  <td>{format.dateTime(new Date(b.registeredAt), { dateStyle: "medium" })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="actions">
        {query.after ? (
          <Link
            className="button secondary"
            href={`/cases?${new URLSearchParams(withoutCursor as Record<string, string>)}`}
          >
            {t("cases.firstPage")}
          </Link>
        ) : null}
        {nextHref ? (
          <Link className="button secondary" href={nextHref}>
            {t("cases.next")}
          </Link>
        ) : null}
      </div>
    </>
  );
}
