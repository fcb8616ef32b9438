import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RecordAssistanceForm } from "@/components/assistance/record-assistance-form";
import { CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getAssistanceForm } from "@/lib/dal/assistance/get-assistance-form";
import { getReferenceData } from "@/lib/dal/reference/get-reference";
import { REFERRAL_SERVICE_ASSISTANCE } from "@/lib/domain/assistance";

export const metadata: Metadata = { robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Also reached from a completed referral: ?referral=<id>&service=<referral service>. */
export default async function NewAssistancePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ referral?: string; service?: string }>;
}) {
  const ctx = await requireContext();
  const { id } = await params;
  const { referral, service } = await searchParams;
  const form = await orNotFound(getAssistanceForm(ctx, id));
  const reference = await getReferenceData(ctx);
  const t = await getTranslations("assistance");
  const referralId = referral && UUID.test(referral) ? referral : undefined;
  const type = service ? REFERRAL_SERVICE_ASSISTANCE[service] : undefined;
  const detainedToday = form.detainedNow && (form.detainedSince ?? "") <= form.today;
  return (
    <>
      <h1>
        <span dir="ltr">{form.caseNumber}</span> · {t("record.title")}
      </h1>
      <CaseTabs id={id} active="assistance" />
      {referralId ? (
        <div className="alert ok" role="status">
          {t("record.fromReferral")}
        </div>
      ) : null}
      <section className="card">
        <RecordAssistanceForm
          beneficiaryId={form.beneficiaryId}
          options={{
            providers: form.providers,
            donorProjects: form.donorProjects,
            baladiyas: reference.baladiyas,
            today: form.today,
          }}
          defaults={{
            assistanceType: type,
            baladiyaPcode: form.baladiyaPcode,
            providedBy: form.providers.some((p) => p.id === form.actorId)
              ? form.actorId
              : (form.providers[0]?.id ?? ""),
            detained: detainedToday,
            referralId,
          }}
        />
      </section>
    </>
  );
}
