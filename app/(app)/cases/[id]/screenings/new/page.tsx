import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CaseHeader } from "@/components/case-lifecycle/case-header";
import { requireContext } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { type Definition, INSTRUMENTS, isInstrument, latestDefinition } from "@/lib/domain/screenings";
import { ScreeningForm } from "./screening-form";

export const metadata: Metadata = { robots: { index: false } };

export default async function NewScreeningPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ instrument?: string }>;
}) {
  const ctx = await requireContext();
  if (!can(ctx.actor.role, "screening.record")) notFound();
  const { id } = await params;
  const { instrument } = await searchParams;
  const t = await getTranslations();

  return (
    <>
      {/* The header loads the case through the DAL: out of scope is "not found" here too. */}
      <CaseHeader id={id} active="screenings" />
      {isInstrument(instrument) ? (
        <section className="card" aria-labelledby="screening-title">
          <h2 id="screening-title" style={{ marginBlockStart: 0 }}>
            {t(`screenings.instruments.${instrument}`)}
          </h2>
          <p className="muted">{t(`screenings.intro.${instrument}`)}</p>
          <ScreeningForm
            beneficiaryId={id}
            instrument={instrument}
            {...formOf(latestDefinition(instrument))}
          />
        </section>
      ) : (
        <section className="card">
          <h2 style={{ marginBlockStart: 0 }}>{t("screenings.new")}</h2>
          <ul className="screening-choices">
            {INSTRUMENTS.map((i) => (
              <li key={i}>
                <Link className="button secondary" href={`/cases/${id}/screenings/new?instrument=${i}`}>
                  {t(`screenings.instruments.${i}`)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Link href={`/cases/${id}/screenings`}>{t("screenings.back")}</Link>
    </>
  );
}

/** The plain parts of a definition the form renders; its schema and rules stay on the server. */
function formOf(definition: Definition) {
  return {
    version: definition.version,
    definition: { sections: definition.sections, messages: definition.messages },
  };
}
