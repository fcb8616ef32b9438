import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseHeader } from "@/components/case-lifecycle/case-header";
import { ScreeningSummary } from "@/components/screenings/screening-summary";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { can } from "@/lib/authz";
import { listScreenings } from "@/lib/dal/screenings/list-screenings";
import { INSTRUMENTS } from "@/lib/domain/screenings";

export const metadata: Metadata = { robots: { index: false } };

export default async function CaseScreeningsPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const screenings = await orNotFound(listScreenings(ctx, id));
  const t = await getTranslations();
  const canRecord = can(ctx.actor.role, "screening.record");
  const canDecide = can(ctx.actor.role, "screening.decide_suggestion");

  return (
    <>
      <CaseHeader id={id} active="screenings" />
      {canRecord ? (
        <nav className="card" aria-labelledby="new-screening">
          <h2 id="new-screening" style={{ marginBlockStart: 0 }}>
            {t("screenings.new")}
          </h2>
          <ul className="screening-choices">
            {INSTRUMENTS.map((instrument) => (
              <li key={instrument}>
                <Link
                  className="button secondary"
                  href={`/cases/${id}/screenings/new?instrument=${instrument}`}
                >
                  {t(`screenings.instruments.${instrument}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {screenings.length === 0 ? <p className="muted">{t("screenings.empty")}</p> : null}
      {screenings.map((s) => (
        <ScreeningSummary key={s.id} screening={s} canDecide={canDecide} showLink />
      ))}
    </>
  );
}
