import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionAnnouncer } from "@/components/forms/action-announcer";
import { ClosureRequestsSection } from "@/components/queue/closure-requests-section";
import { ReferralQueueSection } from "@/components/queue/referral-sections";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import type { DalContext } from "@/lib/dal/context";
import { loadReferralQueue, type ReferralQueue } from "@/lib/dal/referrals/supervisor-queue";
import { REFERRAL_SERVICES, URGENCIES } from "@/lib/domain/referrals/catalogue";

export const metadata: Metadata = { robots: { index: false } };

/**
 * THE QUEUE'S SECTIONS, in order. A feature adds its section component here; each receives the
 * context and the loaded referral queue, and checks its own access through the DAL.
 */
const QUEUE_SECTIONS: Array<{
  key: string;
  render: (props: {
    ctx: DalContext;
    queue: ReferralQueue;
    t: Awaited<ReturnType<typeof getTranslations>>;
  }) => React.ReactNode;
}> = [
  {
    key: "awaitingApproval",
    render: ({ queue, t }) => (
      <ReferralQueueSection
        id="queue-awaiting-approval"
        title={t("referrals.queue.awaitingApproval")}
        empty={t("referrals.queue.emptyApproval")}
        items={queue.awaitingApproval}
      />
    ),
  },
  {
    key: "overdue",
    render: ({ queue, t }) => (
      <ReferralQueueSection
        id="queue-overdue"
        title={t("referrals.queue.overdue")}
        empty={t("referrals.queue.emptyOverdue")}
        items={queue.overdue}
      />
    ),
  },
  {
    key: "awaitingDecision",
    render: ({ queue, t }) => (
      <ReferralQueueSection
        id="queue-awaiting-decision"
        title={t("referrals.queue.awaitingDecision")}
        empty={t("referrals.queue.emptyDecision")}
        items={queue.awaitingDecision}
      />
    ),
  },
  { key: "closureRequests", render: ({ ctx }) => <ClosureRequestsSection ctx={ctx} /> },
];

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<{ service?: string; urgency?: string }>;
}) {
  const ctx = await requireContext();
  const filters = await searchParams;
  const queue = await orNotFound(loadReferralQueue(ctx, filters));
  const t = await getTranslations();
  const counts = [
    ["awaitingApproval", queue.awaitingApproval.length],
    ["overdue", queue.overdue.length],
    ["awaitingDecision", queue.awaitingDecision.length],
  ] as const;
  return (
    <>
      <h1>{t("referrals.queue.title")}</h1>
      <ul className="queue-counts" aria-label={t("referrals.queue.counts")}>
        {counts.map(([key, n]) => (
          <li key={key}>
            <strong data-testid={`count-${key}`}>{n}</strong> {t(`referrals.queue.${key}`)}
          </li>
        ))}
      </ul>
      <form className="toolbar" method="get" aria-label={t("referrals.queue.filters")}>
        <div className="field">
          <label htmlFor="filter-service">{t("referrals.service")}</label>
          <select id="filter-service" name="service" defaultValue={queue.filters.service ?? ""}>
            <option value="">{t("referrals.queue.anyService")}</option>
            {REFERRAL_SERVICES.map((s) => (
              <option key={s} value={s}>
                {t(`referrals.services.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-urgency">{t("referrals.urgency")}</label>
          <select id="filter-urgency" name="urgency" defaultValue={queue.filters.urgency ?? ""}>
            <option value="">{t("referrals.queue.anyUrgency")}</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`referrals.urgencies.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("referrals.queue.apply")}</button>
      </form>
      <ActionAnnouncer>
        {QUEUE_SECTIONS.map((section) => (
          <div key={section.key}>{section.render({ ctx, queue, t })}</div>
        ))}
      </ActionAnnouncer>
    </>
  );
}
