import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionAnnouncer } from "@/components/forms/action-announcer";
import { ReferralActions } from "@/components/referrals/referral-actions";
import { StateBadge } from "@/components/referrals/state-badge";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { type IncomingFilter, listIncomingReferrals } from "@/lib/dal/referrals/list-incoming-referrals";
import { nationalityName } from "@/lib/reference/countries";

export const metadata: Metadata = { robots: { index: false } };

/** The focal point's queue: referrals sent to their services, with only what each referral shares. */
export default async function IncomingReferralsPage({
  searchParams,
}: {
  searchParams: Promise<{ show?: string }>;
}) {
  const ctx = await requireContext();
  const { show } = await searchParams;
  const filter: IncomingFilter = show === "all" ? "all" : "open";
  const items = await orNotFound(listIncomingReferrals(ctx, filter));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <>
      <div className="toolbar">
        <h1>{t("referrals.incoming.title")}</h1>
        <nav aria-label={t("referrals.incoming.filter")}>
          <Link href="/referrals/incoming" aria-current={filter === "open" ? "page" : undefined}>
            {t("referrals.incoming.open")}
          </Link>{" "}
          ·{" "}
          <Link href="/referrals/incoming?show=all" aria-current={filter === "all" ? "page" : undefined}>
            {t("referrals.incoming.all")}
          </Link>
        </nav>
      </div>
      <p className="muted">{t("referrals.incoming.intro")}</p>
      <ActionAnnouncer>
        {items.length === 0 ? <p className="muted">{t("referrals.incoming.empty")}</p> : null}
        {items.map((r) => (
          <section
            key={r.id}
            className="card referral"
            data-testid="incoming-referral"
            aria-labelledby={`in-${r.id}`}
          >
            <h2 id={`in-${r.id}`} style={{ marginBlockStart: 0 }}>
              {t(`referrals.services.${r.service}`)} · <span dir="ltr">{r.person.caseNumber}</span> ·{" "}
              {r.person.name} <StateBadge state={r.state} overdue={r.overdue} />
            </h2>
            <dl className="facts">
              <dt>{t("referrals.urgency")}</dt>
              <dd>{t(`referrals.urgencies.${r.urgency}`)}</dd>
              {r.dueAt ? (
                <>
                  <dt>{t("referrals.dueAt")}</dt>
                  <dd>{format.dateTime(new Date(r.dueAt), { dateStyle: "medium", timeStyle: "short" })}</dd>
                </>
              ) : null}
              <dt>{t("fields.sex")}</dt>
              <dd>{t(`enums.sex.${r.person.sex}`)}</dd>
              <dt>{t("case.age")}</dt>
              <dd>{t("cases.years", { age: r.person.age })}</dd>
              <dt>{t("fields.nationality")}</dt>
              <dd>{nationalityName(r.person.nationality, locale, t("enums.stateless"))}</dd>
              {r.person.phone ? (
                <>
                  <dt>{t("fields.phone")}</dt>
                  <dd dir="ltr">{r.person.phone}</dd>
                </>
              ) : null}
              <dt>{t("referrals.reason")}</dt>
              <dd>{r.reason}</dd>
            </dl>
            <ReferralActions
              id={r.id}
              version={r.version}
              actions={r.actions}
              label={t("referrals.actionsLabel")}
              subject={r.person.caseNumber}
            />
            {r.assistanceHref ? (
              <p>
                <Link href={r.assistanceHref}>{t("referrals.recordAssistance")}</Link>
              </p>
            ) : null}
          </section>
        ))}
      </ActionAnnouncer>
    </>
  );
}
