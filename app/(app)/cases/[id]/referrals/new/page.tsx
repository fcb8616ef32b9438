import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getReferralForm } from "@/lib/dal/referrals/get-referral-form";
import { isReferralService, URGENCIES, type Urgency } from "@/lib/domain/referrals/catalogue";
import { ReferralForm } from "./referral-form";

export const metadata: Metadata = { robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Also reached from a confirmed screening suggestion: ?service=&urgency=&screening=<id>. */
export default async function NewReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ service?: string; urgency?: string; screening?: string }>;
}) {
  const ctx = await requireContext();
  const { id } = await params;
  const query = await searchParams;
  const data = await orNotFound(getReferralForm(ctx, id));
  const t = await getTranslations("referrals");
  const service = isReferralService(query.service) ? query.service : "";
  const urgency = (URGENCIES as readonly string[]).includes(query.urgency ?? "")
    ? (query.urgency as Urgency)
    : "medium";
  const screening = query.screening && UUID.test(query.screening) ? query.screening : "";
  return (
    <>
      <h1>
        {t("newTitle")} · <span dir="ltr">{data.caseNumber}</span> · {data.name}
      </h1>
      <CaseTabs id={id} active="referrals" />
      <ReferralForm data={data} initial={{ service, urgency, sourceScreeningId: screening }} />
    </>
  );
}
