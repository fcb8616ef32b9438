import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReferralActions } from "@/components/referrals/referral-actions";
import { StateBadge } from "@/components/referrals/state-badge";
import type { QueueReferral } from "@/lib/dal/referrals/supervisor-queue";

/** One section of referrals on the supervisor's queue, each with a link to the case and the decision at hand. */
export async function ReferralQueueSection({
  id,
  title,
  empty,
  items,
}: {
  id: string;
  title: string;
  empty: string;
  items: QueueReferral[];
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section className="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id} style={{ marginBlockStart: 0 }}>
        {title} <span className="badge">{items.length}</span>
      </h2>
      {items.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="queue-items">
        {items.map((r) => (
          <li key={r.id} data-testid="queue-referral" aria-label={r.caseNumber}>
            <p>
              <Link href={`/cases/${r.beneficiaryId}/referrals`}>
                <span dir="ltr">{r.caseNumber}</span> · {r.personName}
              </Link>{" "}
              · {t(`referrals.services.${r.service}`)} · {r.organisationName ?? t("referrals.internalUnit")} ·{" "}
              {t(`referrals.urgencies.${r.urgency}`)} <StateBadge state={r.state} />
            </p>
            <p className="muted">
              {t("referrals.queue.referredBy", { name: r.referrerName })}
              {r.dueAt
                ? ` · ${t("referrals.dueAt")}: ${format.dateTime(new Date(r.dueAt), { dateStyle: "medium", timeStyle: "short" })}`
                : ""}
              {r.consentOverridden ? ` · ${t("referrals.consentOverride")}` : ""}
            </p>
            {r.lastNote ? <p>{r.lastNote}</p> : null}
            <ReferralActions
              id={r.id}
              version={r.version}
              actions={r.actions}
              label={t("referrals.actionsLabel")}
              subject={r.caseNumber}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
