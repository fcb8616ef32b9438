import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseTabs } from "@/components/case-tabs";
import { EditReferralForm } from "@/components/referrals/edit-referral-form";
import { ReferralActions } from "@/components/referrals/referral-actions";
import { ReferralHistory } from "@/components/referrals/referral-history";
import { StateBadge } from "@/components/referrals/state-badge";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listCaseReferrals } from "@/lib/dal/referrals/list-case-referrals";
import { assistanceLinkFor } from "@/lib/domain/referrals/assistance-link";

export const metadata: Metadata = { robots: { index: false } };

export default async function CaseReferralsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const ctx = await requireContext();
  const { id } = await params;
  const { created } = await searchParams;
  const data = await orNotFound(listCaseReferrals(ctx, id));
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <div className="toolbar">
        <h1>
          <span dir="ltr">{data.caseNumber}</span> · {data.name}
        </h1>
        {data.canCreate ? (
          <Link className="button" href={`/cases/${id}/referrals/new`}>
            {t("referrals.new")}
          </Link>
        ) : null}
      </div>
      <CaseTabs id={id} active="referrals" />
      {created ? (
        <div className="alert ok" role="status">
          {t(created === "draft" ? "referrals.savedDraft" : "referrals.submitted")}
        </div>
      ) : null}
      {data.referrals.length === 0 ? <p className="muted">{t("referrals.none")}</p> : null}
      {data.referrals.map((r) => {
        const assistance =
          r.state === "completed" ? assistanceLinkFor(ctx.actor.role, id, r.id, r.service) : null;
        return (
          <section
            key={r.id}
            className="card referral"
            data-testid="referral"
            aria-labelledby={`ref-${r.id}`}
          >
            <h2 id={`ref-${r.id}`} style={{ marginBlockStart: 0 }}>
              {t(`referrals.services.${r.service}`)} · {r.organisationName ?? t("referrals.internalUnit")}{" "}
              <StateBadge state={r.state} overdue={r.overdue} />
            </h2>
            <dl className="facts">
              <dt>{t("referrals.urgency")}</dt>
              <dd>{t(`referrals.urgencies.${r.urgency}`)}</dd>
              {r.dueAt ? (
                <>
                  <dt>{t("referrals.dueAt")}</dt>
                  <dd>{when(r.dueAt)}</dd>
                </>
              ) : null}
              <dt>{t("referrals.reason")}</dt>
              <dd>{r.restricted ? <em className="muted">{t("referrals.restricted")}</em> : r.reason}</dd>
              <dt>{t("referrals.createdBy")}</dt>
              <dd>
                {r.createdByName} · {when(r.createdAt)}
              </dd>
              {r.consentOverride ? (
                <>
                  <dt>{t("referrals.consentOverride")}</dt>
                  <dd>
                    {r.consentOverride.reason} ({r.consentOverride.byName} · {when(r.consentOverride.at)})
                  </dd>
                </>
              ) : null}
            </dl>
            <ReferralActions
              id={r.id}
              version={r.version}
              actions={r.actions}
              label={t("referrals.actionsLabel")}
            />
            {r.actions.includes("submit") && !r.restricted ? (
              <details>
                <summary>{t("referrals.edit")}</summary>
                <EditReferralForm
                  id={r.id}
                  version={r.version}
                  urgency={r.urgency}
                  reason={r.reason}
                  sharePhone={r.sharePhone}
                />
              </details>
            ) : null}
            {assistance ? (
              <p>
                <Link href={assistance}>{t("referrals.recordAssistance")}</Link>
              </p>
            ) : null}
            <details>
              <summary>{t("referrals.history")}</summary>
              <ReferralHistory entries={r.history} />
            </details>
          </section>
        );
      })}
    </>
  );
}
