import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/access/audit-table";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { searchAudit } from "@/lib/dal/audit/search-audit";
import { DalError } from "@/lib/dal/errors";

export const metadata: Metadata = { robots: { index: false } };

type Params = { user?: string; record?: string; action?: string; from?: string; to?: string; page?: string };

/** The administrator's search of the audit log, with a CSV export of the same search. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requireContext();
  const params = await searchParams;
  const t = await getTranslations("audit");
  const filters = {
    user: params.user ?? "",
    record: params.record ?? "",
    action: params.action ?? "",
    from: params.from ?? "",
    to: params.to ?? "",
  };
  let result: Awaited<ReturnType<typeof searchAudit>> | null = null;
  let invalid = false;
  try {
    result = await orNotFound(searchAudit(ctx, { ...filters, page: params.page ?? "1" }));
  } catch (error) {
    if (!(error instanceof DalError && error.code === "invalid")) throw error;
    invalid = true;
  }
  const pageHref = (page: number) =>
    `/admin/audit?${new URLSearchParams({ ...filters, page: String(page) })}`;
  return (
    <>
      <h1>{t("search.title")}</h1>
      <form method="get" className="card" aria-label={t("search.title")}>
        <div className="grid-4">
          <div className="field">
            <label htmlFor="audit-user">{t("search.user")}</label>
            <input id="audit-user" name="user" defaultValue={filters.user} dir="ltr" />
          </div>
          <div className="field">
            <label htmlFor="audit-record">{t("search.record")}</label>
            <input id="audit-record" name="record" defaultValue={filters.record} dir="ltr" />
          </div>
          <div className="field">
            <label htmlFor="audit-action">{t("search.action")}</label>
            <input
              id="audit-action"
              name="action"
              defaultValue={filters.action}
              dir="ltr"
              list="audit-actions"
            />
            <datalist id="audit-actions">
              {["read", "update", "register", "break_glass", "export", "sign_in", "sign_in_failed"].map(
                (a) => (
                  <option key={a} value={a} />
                ),
              )}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t("search.from")}</label>
            <input id="audit-from" name="from" type="date" defaultValue={filters.from} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t("search.to")}</label>
            <input id="audit-to" name="to" type="date" defaultValue={filters.to} />
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t("search.submit")}</button>
        </div>
      </form>
      <form method="post" action="/admin/audit/export" className="actions">
        {Object.entries(filters).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <button type="submit" className="secondary">
          {t("search.export")}
        </button>
      </form>
      {invalid ? (
        <div className="alert error" role="alert">
          {t("search.invalid")}
        </div>
      ) : null}
      {result ? (
        <>
          <AuditTable events={result.events} />
          <nav className="actions" aria-label={t("search.pages")}>
            {result.page > 1 ? <Link href={pageHref(result.page - 1)}>{t("search.previous")}</Link> : null}
            {result.hasMore ? <Link href={pageHref(result.page + 1)}>{t("search.next")}</Link> : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
