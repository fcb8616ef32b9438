import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CorrectAssistanceForm } from "@/components/assistance/correct-assistance-form";
import { CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getAssistanceForm } from "@/lib/dal/assistance/get-assistance-form";
import { getReferenceData } from "@/lib/dal/reference/get-reference";

export const metadata: Metadata = { robots: { index: false } };

export default async function CorrectAssistancePage({
  params,
}: {
  params: Promise<{ id: string; recordId: string }>;
}) {
  const ctx = await requireContext();
  const { id, recordId } = await params;
  const form = await orNotFound(getAssistanceForm(ctx, id, { correcting: recordId }));
  if (!form.original) notFound();
  const reference = await getReferenceData(ctx);
  const t = await getTranslations("assistance");
  return (
    <>
      <h1>
        <span dir="ltr">{form.caseNumber}</span> · {t("correct.title")}
      </h1>
      <CaseTabs id={id} active="assistance" />
      <section className="card">
        {form.original.voided ? (
          <p className="alert warn">{t("correct.alreadyVoided")}</p>
        ) : (
          <>
            <p className="muted">{t("correct.explain")}</p>
            <CorrectAssistanceForm
              beneficiaryId={form.beneficiaryId}
              original={form.original}
              options={{
                providers: form.providers,
                donorProjects: form.donorProjects,
                baladiyas: reference.baladiyas,
                today: form.today,
              }}
            />
          </>
        )}
      </section>
    </>
  );
}
