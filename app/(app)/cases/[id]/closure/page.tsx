import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActivateButton } from "@/components/case-lifecycle/activate-button";
import { CaseHeader } from "@/components/case-lifecycle/case-header";
import { DecisionForm } from "@/components/case-lifecycle/decision-form";
import { ReopenForm } from "@/components/case-lifecycle/reopen-form";
import { RequestClosureForm } from "@/components/case-lifecycle/request-closure-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getCaseStatus } from "@/lib/dal/case-lifecycle/get-case-status";

export const metadata: Metadata = { robots: { index: false } };

export default async function CaseClosurePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const s = await orNotFound(getCaseStatus(ctx, id));
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <CaseHeader id={id} active="closure" />
      <section className="card" aria-labelledby="case-status">
        <h2 id="case-status" style={{ marginBlockStart: 0 }}>
          {t("lifecycle.status.title")}
        </h2>
        <p>
          {t("lifecycle.status.current")}{" "}
          <strong className={`badge status-${s.status}`} data-testid="case-status">
            {t(`enums.caseStatus.${s.status}`)}
          </strong>
        </p>
        {s.closure ? (
          <dl className="facts" data-testid="closure-outcome">
            <dt>{t("lifecycle.closure.reason")}</dt>
            <dd data-testid="closure-reason">{t(`lifecycle.reasons.${s.closure.reason}`)}</dd>
            <dt>{t("lifecycle.closure.approvedBy")}</dt>
            <dd>
              {s.closure.decidedByName} · {when(s.closure.decidedAt)}
            </dd>
            {s.closure.overrideReason ? (
              <>
                <dt>{t("lifecycle.decision.overrideReason")}</dt>
                <dd>{s.closure.overrideReason}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {s.can.activate ? (
          <div className="actions">
            <p className="muted">{t("lifecycle.status.activateHint")}</p>
            <ActivateButton beneficiaryId={id} />
          </div>
        ) : null}
      </section>

      {s.pending ? (
        <section className="card" aria-labelledby="pending-closure">
          <h2 id="pending-closure" style={{ marginBlockStart: 0 }}>
            {t("lifecycle.closure.pendingTitle")}
          </h2>
          {s.openReferrals > 0 ? (
            <div className="alert warn" role="status" data-testid="closure-blocked">
              {t("lifecycle.closure.blocked", { count: s.openReferrals })}
            </div>
          ) : null}
          <dl className="facts">
            <dt>{t("lifecycle.closure.reason")}</dt>
            <dd>{t(`lifecycle.reasons.${s.pending.reason}`)}</dd>
            <dt>{t("lifecycle.closure.requestedBy")}</dt>
            <dd>
              {s.pending.requestedByName} · {when(s.pending.requestedAt)}
            </dd>
            {s.pending.note ? (
              <>
                <dt>{t("lifecycle.closure.note")}</dt>
                <dd>{s.pending.note}</dd>
              </>
            ) : null}
          </dl>
          {s.can.decide && !s.pending.mine ? (
            <DecisionForm
              requestId={s.pending.id}
              version={s.pending.version}
              openReferrals={s.openReferrals}
            />
          ) : null}
          {s.can.decide && s.pending.mine ? (
            <p className="muted">{t("lifecycle.decision.ownRequest")}</p>
          ) : null}
          {!s.can.decide ? <p className="muted">{t("lifecycle.closure.awaitingSupervisor")}</p> : null}
        </section>
      ) : null}

      {s.can.request ? (
        <section className="card">
          <RequestClosureForm beneficiaryId={id} openReferrals={s.openReferrals} />
        </section>
      ) : null}

      {s.can.reopen ? (
        <section className="card" aria-labelledby="reopen">
          <h2 id="reopen" style={{ marginBlockStart: 0 }}>
            {t("lifecycle.reopen.title")}
          </h2>
          <ReopenForm beneficiaryId={id} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="status-history">
        <h2 id="status-history" style={{ marginBlockStart: 0 }}>
          {t("lifecycle.history.title")}
        </h2>
        {s.history.length === 0 ? (
          <p className="muted">{t("lifecycle.history.empty")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("lifecycle.history.when")}</th>
                <th scope="col">{t("lifecycle.history.change")}</th>
                <th scope="col">{t("lifecycle.history.by")}</th>
                <th scope="col">{t("lifecycle.history.note")}</th>
              </tr>
            </thead>
            <tbody>
              {s.history.map((h) => (
                <tr key={`${h.at}-${h.to}`}>
                  <td>{when(h.at)}</td>
                  <td>
                    {t(`enums.caseStatus.${h.from}`)} → {t(`enums.caseStatus.${h.to}`)}
                  </td>
                  <td>{h.byName}</td>
                  <td>{h.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
