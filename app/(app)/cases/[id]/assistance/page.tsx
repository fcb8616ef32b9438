import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { placeName } from "@/components/beneficiary/reference";
import { CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listAssistance } from "@/lib/dal/assistance/list-assistance";
import { getReferenceData } from "@/lib/dal/reference/get-reference";

export const metadata: Metadata = { robots: { index: false } };

export default async function AssistancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ recorded?: string; corrected?: string }>;
}) {
  const ctx = await requireContext();
  const { id } = await params;
  const flags = await searchParams;
  const data = await orNotFound(listAssistance(ctx, id));
  const reference = await getReferenceData(ctx);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const date = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const place = (pcode: string) => {
    const b = reference.baladiyas.find((x) => x.pcode === pcode);
    return b ? placeName(b, locale) : pcode;
  };
  return (
    <>
      <div className="toolbar">
        <h1>
          <span dir="ltr">{data.caseNumber}</span> · {t("assistance.title")}
        </h1>
        {data.permissions.record ? (
          <Link className="button" href={`/cases/${id}/assistance/new`}>
            {t("assistance.record.link")}
          </Link>
        ) : null}
      </div>
      <CaseTabs id={id} active="assistance" />
      {flags.recorded ? (
        <div className="alert ok" role="status">
          {t("assistance.record.done")}
        </div>
      ) : null}
      {flags.corrected ? (
        <div className="alert ok" role="status">
          {t("assistance.correct.done")}
        </div>
      ) : null}
      <section className="card">
        {data.records.length === 0 ? (
          <p className="muted">{t("assistance.none")}</p>
        ) : (
          <table data-testid="assistance-list">
            <thead>
              <tr>
                <th scope="col">{t("assistance.fields.serviceDate")}</th>
                <th scope="col">{t("assistance.fields.type")}</th>
                <th scope="col">{t("assistance.fields.quantity")}</th>
                <th scope="col">{t("assistance.fields.baladiya")}</th>
                <th scope="col">{t("assistance.fields.donorProject")}</th>
                <th scope="col">{t("assistance.fields.providedBy")}</th>
                <th scope="col">{t("assistance.list.atService")}</th>
                <th scope="col">{t("assistance.list.status")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("assistance.list.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.records.map((r) => (
                <tr key={r.id} data-voided={r.voided ? "true" : "false"}>
                  <td>{date(r.serviceDate)}</td>
                  <td>{t(`assistance.types.${r.assistanceType}`)}</td>
                  <td>{r.quantity}</td>
                  <td>{place(r.baladiyaPcode)}</td>
                  <td>{r.donorProject ? `${r.donorProject.code} · ${r.donorProject.title}` : "—"}</td>
                  <td>
                    {r.providedBy} · {t(`offices.${r.officeCode as "TIP"}`)}
                  </td>
                  <td>
                    {t("assistance.list.age", { age: r.ageAtService })}
                    {r.detainedAtService ? ` · ${t("assistance.list.detained")}` : ""}
                  </td>
                  <td>
                    {r.voided ? (
                      <>
                        <span className="badge">{t("assistance.list.voided")}</span>{" "}
                        {t("assistance.list.voidedBy", { name: r.voided.by, reason: r.voided.reason })}
                      </>
                    ) : (
                      <span className="badge">{t("assistance.list.counted")}</span>
                    )}
                    {r.replacesId ? <div className="muted">{t("assistance.list.replacement")}</div> : null}
                    {r.referralId ? <div className="muted">{t("assistance.list.fromReferral")}</div> : null}
                  </td>
                  <td>
                    {!r.voided && data.permissions.correct ? (
                      <Link href={`/cases/${id}/assistance/${r.id}/correct`}>
                        {t("assistance.correct.link")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
