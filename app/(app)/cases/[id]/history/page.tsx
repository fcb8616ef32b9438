import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/access/audit-table";
import { CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listBreakGlass } from "@/lib/dal/access/list-break-glass";
import { listCaseHistory } from "@/lib/dal/audit/list-case-history";
import { BreakGlassReviewList } from "../../../break-glass/review-list";

export const metadata: Metadata = { robots: { index: false } };

/** The office supervisor's view of who opened or changed this case. */
export default async function CaseHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const events = await orNotFound(listCaseHistory(ctx, id));
  const openings = await listBreakGlass(ctx, { beneficiaryId: id });
  const t = await getTranslations("audit");
  return (
    <>
      <h1>{t("history.title")}</h1>
      <CaseTabs id={id} active="history" />
      <section className="card" aria-labelledby="break-glass">
        <h2 id="break-glass" style={{ marginBlockStart: 0 }}>
          {t("history.breakGlass")}
        </h2>
        <BreakGlassReviewList items={openings} showCase={false} />
      </section>
      <section className="card" aria-labelledby="events">
        <h2 id="events" style={{ marginBlockStart: 0 }}>
          {t("history.events")}
        </h2>
        <AuditTable events={events} showRecord={false} />
      </section>
    </>
  );
}
