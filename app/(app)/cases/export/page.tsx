import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { CASE_STATUSES } from "@/lib/domain/beneficiary";
import { EXPORT_PURPOSES } from "@/lib/validation/export";

export const metadata: Metadata = { robots: { index: false } };

/** Asks for the purpose of a personal-data export before producing the file. */
export default async function ExportPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const ctx = await requireContext();
  if (!can(ctx.actor.role, "beneficiary.export")) notFound();
  const { error } = await searchParams;
  const t = await getTranslations();
  return (
    <>
      <h1>{t("export.title")}</h1>
      <div className="alert warn">{t("export.warning")}</div>
      {error ? (
        <div className="alert error" role="alert">
          {error === "invalid" ? t("export.invalid") : t(`errors.${error as "generic"}`)}
        </div>
      ) : null}
      <form method="post" action="/cases/export/download" className="card">
        <div className="field">
          <label htmlFor="export-purpose">{t("export.purpose")}</label>
          <select id="export-purpose" name="purpose" required defaultValue="">
            <option value="" disabled>
              {t("export.choosePurpose")}
            </option>
            {EXPORT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`export.purposes.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-justification">{t("export.justification")}</label>
          <textarea
            id="export-justification"
            name="justification"
            required
            minLength={10}
            maxLength={500}
            rows={3}
          />
          <p className="muted">{t("export.justificationHelp")}</p>
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="export-status">{t("export.status")}</label>
            <select id="export-status" name="status" defaultValue="">
              <option value="">{t("export.allStatuses")}</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`enums.caseStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="export-format">{t("export.format")}</label>
            <select id="export-format" name="format" defaultValue="xlsx">
              <option value="xlsx">Excel (XLSX)</option>
              <option value="csv">CSV</option>
            </select>
          </div>
        </div>
        <p className="muted">{t("export.consentNote")}</p>
        <button type="submit">{t("export.submit")}</button>
      </form>
    </>
  );
}
