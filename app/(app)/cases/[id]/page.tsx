import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ConsentEditForm } from "@/components/access/consent-edit-form";
import { SensitiveSections } from "@/components/access/sensitive-sections";
import { placeName } from "@/components/beneficiary/reference";
import { CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { can } from "@/lib/authz";
import { getCaseAccess } from "@/lib/dal/access/get-case-access";
import { getBeneficiary } from "@/lib/dal/beneficiaries/get-beneficiary";
import { listAssignableOwners } from "@/lib/dal/beneficiaries/reassign-beneficiary";
import { getReferenceData } from "@/lib/dal/reference/get-reference";
import { nationalityName } from "@/lib/reference/countries";
import { AssignmentForm } from "./assignment-form";
import { ReassignForm } from "./reassign-form";

export const metadata: Metadata = { robots: { index: false } };

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ registered?: string; saved?: string }>;
}) {
  const ctx = await requireContext();
  const { id } = await params;
  const flags = await searchParams;
  const b = await orNotFound(getBeneficiary(ctx, id));
  const access = await getCaseAccess(ctx, b.id);
  const detentionVisible = access.categories.detention !== "restricted";
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const reference = await getReferenceData(ctx);
  const baladiya = reference.baladiyas.find((x) => x.pcode === b.baladiyaPcode);
  const mantika = reference.mantikas.find((m) => m.pcode === baladiya?.mantikaPcode);
  const owners = b.permissions.reassign ? await listAssignableOwners(ctx) : [];
  const date = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <>
      <div className="toolbar">
        <h1>
          <span dir="ltr">{b.caseNumber}</span> · {b.familyName}, {b.givenNames}
        </h1>
        {b.permissions.update ? (
          <Link className="button" href={`/cases/${b.id}/edit`}>
            {t("case.edit")}
          </Link>
        ) : null}
      </div>
      <CaseTabs id={b.id} active="overview" />
      {flags.registered ? (
        <div className="alert ok" role="status">
          {t("register.registered", { caseNumber: b.caseNumber })}
        </div>
      ) : null}
      {flags.saved ? (
        <div className="alert ok" role="status">
          {t("case.saved")}
        </div>
      ) : null}
      <section className="card" aria-labelledby="overview">
        <h2 id="overview" style={{ marginBlockStart: 0 }}>
          {t("case.overview")}
        </h2>
        <dl className="facts">
          <dt>{t("case.caseNumber")}</dt>
          <dd dir="ltr" data-testid="case-number">
            {b.caseNumber}
          </dd>
          {b.nameAr ? (
            <>
              <dt>{t("fields.nameAr")}</dt>
              <dd dir="rtl" lang="ar">
                {b.nameAr}
              </dd>
            </>
          ) : null}
          <dt>{t("fields.sex")}</dt>
          <dd>{t(`enums.sex.${b.sex}`)}</dd>
          <dt>{t("case.age")}</dt>
          <dd>
            {t("cases.years", { age: b.age })} ·{" "}
            {b.dobEstimated ? `${t("fields.dobEstimated")} (${date(b.dateOfBirth)})` : date(b.dateOfBirth)}
          </dd>
          <dt>{t("fields.nationality")}</dt>
          <dd>{nationalityName(b.nationality, locale, t("enums.stateless"))}</dd>
          <dt>{t("fields.populationType")}</dt>
          <dd>{t(`enums.populationType.${b.populationType}`)}</dd>
          <dt>{t("fields.baladiya")}</dt>
          <dd>
            {baladiya ? placeName(baladiya, locale) : b.baladiyaPcode}
            {mantika ? ` · ${placeName(mantika, locale)}` : ""}
          </dd>
          <dt>{t("fields.languages")}</dt>
          <dd>
            {b.languages.length
              ? b.languages.map((l) => t(`enums.language.${l as "ar"}`)).join(", ")
              : t("case.none")}
          </dd>
          {b.phone ? (
            <>
              <dt>{t("fields.phone")}</dt>
              <dd dir="ltr">{b.phone}</dd>
            </>
          ) : null}
          <dt>{t("fields.detained")}</dt>
          <dd>
            {!b.detained
              ? t("enums.detained.no")
              : detentionVisible
                ? `${t("enums.detained.yes")} · ${b.detentionCentre} · ${t("fields.detainedSince")} ${b.detainedSince ? date(b.detainedSince) : ""}`
                : `${t("enums.detained.yes")} · ${t("access.restricted")}`}
          </dd>
          {b.uascStatus ? (
            <>
              <dt>{t("fields.uascStatus")}</dt>
              <dd>{t(`enums.uasc.${b.uascStatus}`)}</dd>
            </>
          ) : null}
          <dt>{t("fields.vulnerabilities")}</dt>
          <dd>
            {b.vulnerabilities.length
              ? b.vulnerabilities.map((v) => t(`enums.vulnerability.${v as "pregnant"}`)).join(", ")
              : t("case.none")}
          </dd>
          <dt>{t("case.office")}</dt>
          <dd>{t(`offices.${b.officeCode as "TIP"}`)}</dd>
          <dt>{t("case.owner")}</dt>
          <dd data-testid="case-owner">{b.ownerName}</dd>
          {b.assignees.length ? (
            <>
              <dt>{t("case.assignees")}</dt>
              <dd>{b.assignees.map((a) => a.name).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("case.status")}</dt>
          <dd>{t(`enums.caseStatus.${b.status}`)}</dd>
          <dt>{t("case.registered")}</dt>
          <dd>{format.dateTime(new Date(b.registeredAt), { dateStyle: "medium", timeStyle: "short" })}</dd>
          <dt>{t("case.lastChanged")}</dt>
          <dd>{format.dateTime(new Date(b.updatedAt), { dateStyle: "medium", timeStyle: "short" })}</dd>
        </dl>
        {b.duplicateOverrideReason ? (
          <p className="muted">{t("case.duplicateOverride", { reason: b.duplicateOverrideReason })}</p>
        ) : null}
      </section>

      <SensitiveSections beneficiaryId={b.id} access={access} />

      <section className="card" aria-labelledby="consent">
        <h2 id="consent" style={{ marginBlockStart: 0 }}>
          {t("consent.title")}
        </h2>
        <table>
          <tbody>
            {b.consents.map((c) => (
              <tr key={c.purpose}>
                <th scope="row">{t(`enums.consentPurpose.${c.purpose}`)}</th>
                <td>{c.granted ? t("consent.granted") : t("consent.notGranted")}</td>
                <td>
                  {c.granted && c.givenBy && c.givenOn
                    ? t("consent.byOn", {
                        giver: t(`enums.consentGiver.${c.givenBy}`),
                        date: date(c.givenOn),
                      })
                    : c.vitalInterestReason
                      ? t("consent.basisVitalInterest", { reason: c.vitalInterestReason })
                      : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {can(ctx.actor.role, "consent.update") ? (
        <section className="card" aria-labelledby="consent-edit">
          <h2 id="consent-edit" style={{ marginBlockStart: 0 }}>
            {t("consentEdit.title")}
          </h2>
          <ConsentEditForm
            beneficiaryId={b.id}
            current={Object.fromEntries(b.consents.map((c) => [c.purpose, c.granted]))}
          />
        </section>
      ) : null}

      {b.permissions.reassign ? (
        <section className="card" aria-labelledby="reassign">
          <h2 id="reassign" style={{ marginBlockStart: 0 }}>
            {t("case.reassign")}
          </h2>
          <ReassignForm id={b.id} version={b.version} ownerId={b.ownerId} owners={owners} />
          <h3>{t("case.assignees")}</h3>
          <AssignmentForm id={b.id} ownerId={b.ownerId} assignees={b.assignees} candidates={owners} />
        </section>
      ) : null}
      <Link href="/cases">{t("case.back")}</Link>
    </>
  );
}
