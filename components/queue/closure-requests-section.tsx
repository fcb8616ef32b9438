import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DecisionForm } from "@/components/case-lifecycle/decision-form";
import { listClosureRequests } from "@/lib/dal/case-lifecycle/list-closure-requests";
import type { DalContext } from "@/lib/dal/context";

/**
 * The supervisor queue's closure section: pending closure requests of the office, oldest first,
 * with how many are blocked by open referrals, and the decision right there.
 */
export async function ClosureRequestsSection({ ctx }: { ctx: DalContext }) {
  const { items, blocked } = await listClosureRequests(ctx);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section className="card" aria-labelledby="queue-closures">
      <h2 id="queue-closures" style={{ marginBlockStart: 0 }}>
        {t("lifecycle.queue.title")} <span className="badge">{items.length}</span>
      </h2>
      {blocked > 0 ? <p className="muted">{t("lifecycle.queue.blockedCount", { count: blocked })}</p> : null}
      {items.length === 0 ? <p className="muted">{t("lifecycle.queue.empty")}</p> : null}
      <ul className="queue-items">
        {items.map((r) => (
          <li key={r.id} aria-label={r.caseNumber} data-testid="closure-request">
            <p>
              <Link href={`/cases/${r.beneficiaryId}/closure`}>
                <span dir="ltr">{r.caseNumber}</span> · {r.name}
              </Link>
            </p>
            <p>
              {t(`lifecycle.reasons.${r.reason}`)} ·{" "}
              {t("lifecycle.queue.requestedBy", {
                name: r.requestedByName,
                when: format.dateTime(new Date(r.requestedAt), { dateStyle: "medium" }),
              })}
            </p>
            {r.note ? <p className="muted">{r.note}</p> : null}
            {r.openReferrals > 0 ? (
              <div className="alert warn" role="status">
                {t("lifecycle.closure.blocked", { count: r.openReferrals })}
              </div>
            ) : null}
            {r.mine ? (
              <p className="muted">{t("lifecycle.decision.ownRequest")}</p>
            ) : (
              <DecisionForm
                requestId={r.id}
                version={r.version}
                openReferrals={r.openReferrals}
                subject={r.caseNumber}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
