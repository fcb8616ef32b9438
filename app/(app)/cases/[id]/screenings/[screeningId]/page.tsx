import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseHeader } from "@/components/case-lifecycle/case-header";
import { AnswerList } from "@/components/screenings/answer-list";
import { ScreeningSummary } from "@/components/screenings/screening-summary";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { can } from "@/lib/authz";
import { getScreening } from "@/lib/dal/screenings/get-screening";
import { getDefinition } from "@/lib/domain/screenings";

export const metadata: Metadata = { robots: { index: false } };

export default async function ScreeningPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; screeningId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const ctx = await requireContext();
  const { id, screeningId } = await params;
  const { saved } = await searchParams;
  const screening = await orNotFound(getScreening(ctx, { beneficiaryId: id, screeningId }));
  const t = await getTranslations();
  const definition = getDefinition(screening.instrument, screening.version);

  return (
    <>
      <CaseHeader id={id} active="screenings" />
      {saved ? (
        <div className="alert ok" role="status">
          {t("screenings.saved")}
        </div>
      ) : null}
      <ScreeningSummary
        screening={screening}
        canDecide={can(ctx.actor.role, "screening.decide_suggestion")}
        showLink={false}
      />
      {!screening.restricted && definition ? (
        <section className="card" aria-labelledby="answers">
          <h2 id="answers" style={{ marginBlockStart: 0 }}>
            {t("screenings.answers")}
          </h2>
          <AnswerList definition={definition} answers={screening.answers} />
        </section>
      ) : null}
      <Link href={`/cases/${id}/screenings`}>{t("screenings.back")}</Link>
    </>
  );
}
