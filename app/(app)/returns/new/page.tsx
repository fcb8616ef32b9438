import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RequestReturnForm } from "@/components/returns/request-return-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listVhrCases } from "@/lib/dal/vhr/list-vhr-cases";
import { todayIso } from "@/lib/domain/age";
import { countryOptions, isCountryCode, nationalityName } from "@/lib/reference/countries";
import { STATELESS_OR_UNKNOWN } from "@/lib/reference/nationalities";

export const metadata: Metadata = { robots: { index: false } };

/** Step 1: opens the return for an accepted VHR referral from the unit's waiting list. */
export default async function NewReturnPage({
  searchParams,
}: {
  searchParams: Promise<{ referral?: string }>;
}) {
  const ctx = await requireContext();
  const { referral } = await searchParams;
  const { waiting } = await orNotFound(listVhrCases(ctx));
  const item = waiting.find((w) => w.referralId === referral);
  if (!item) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const { person } = item;
  const defaultDestination =
    person.nationality !== STATELESS_OR_UNKNOWN && isCountryCode(person.nationality)
      ? person.nationality
      : "";
  return (
    <>
      <p>
        <Link href="/returns">
          <span className="back-arrow" aria-hidden="true">
            ←
          </span>{" "}
          {t("returns.case.back")}
        </Link>
      </p>
      <h1>{t("returns.new.title")}</h1>
      <p className="muted">{t("returns.new.intro")}</p>
      <section className="card" aria-labelledby="person">
        <h2 id="person" style={{ marginBlockStart: 0 }}>
          {t("returns.case.person")}
        </h2>
        <dl className="facts">
          <dt>{t("returns.list.caseNumber")}</dt>
          <dd dir="ltr">{person.caseNumber}</dd>
          <dt>{t("returns.list.name")}</dt>
          <dd>{person.name}</dd>
          {person.nameAr ? (
            <>
              <dt>{t("fields.nameAr")}</dt>
              <dd dir="rtl" lang="ar">
                {person.nameAr}
              </dd>
            </>
          ) : null}
          <dt>{t("fields.sex")}</dt>
          <dd>{t(`enums.sex.${person.sex}`)}</dd>
          <dt>{t("case.age")}</dt>
          <dd>{t("cases.years", { age: person.age })}</dd>
          <dt>{t("fields.nationality")}</dt>
          <dd>{nationalityName(person.nationality, locale, t("enums.stateless"))}</dd>
        </dl>
      </section>
      <RequestReturnForm
        referralId={item.referralId}
        defaultDestination={defaultDestination}
        countries={countryOptions(locale)}
        today={todayIso()}
      />
    </>
  );
}
