import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/bid/print-button";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getDecisionSummary } from "@/lib/dal/bid/get-decision-summary";

export const metadata: Metadata = { robots: { index: false } };

/** The decision summary for the child's file; the layout hides navigation when printing. */
export default async function DecisionPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const s = await orNotFound(getDecisionSummary(ctx, id));
  const t = await getTranslations("bid");
  return (
    <article className="print-sheet" data-testid="decision-summary">
      <div className="toolbar no-print">
        <PrintButton label={t("decision.printNow")} />
      </div>
      <h1>{t("summary.title")}</h1>
      <p className="muted">{t("summary.confidential")}</p>
      <dl className="facts">
        <dt>{t("summary.case")}</dt>
        <dd dir="ltr">{s.caseNumber}</dd>
        <dt>{t("summary.child")}</dt>
        <dd>
          {s.childName} · {t("summary.age", { age: s.age })} · {s.nationality}
        </dd>
        <dt>{t("summary.reasons")}</dt>
        <dd>{s.reasons.map((r) => t(`reason.${r}`)).join(", ")}</dd>
        <dt>{t("summary.session")}</dt>
        <dd>
          {s.session.title} · <span dir="ltr">{s.session.date}</span> ·{" "}
          {t("summary.chair", { name: s.session.chair })}
        </dd>
        <dt>{t("decision.outcome")}</dt>
        <dd>{t(`outcome.${s.outcome}`)}</dd>
        {s.chosenOption ? (
          <>
            <dt>{t("decision.option")}</dt>
            <dd>{t(`option.${s.chosenOption}`)}</dd>
          </>
        ) : null}
        {s.conditions ? (
          <>
            <dt>{t("decision.conditions")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{s.conditions}</dd>
          </>
        ) : null}
        <dt>{t("decision.rationale")}</dt>
        <dd style={{ whiteSpace: "pre-wrap" }}>{s.rationale}</dd>
        <dt>{t("decision.basis")}</dt>
        <dd>{s.consensus ? t("decision.consensus") : t("decision.majority")}</dd>
        <dt>{t("decision.present")}</dt>
        <dd>
          {s.present
            .map((p) => `${p.name} (${p.agency}${p.isChair ? `, ${t("decision.chair")}` : ""})`)
            .join("; ")}
        </dd>
        <dt>{t("decision.date")}</dt>
        <dd dir="ltr">{s.decidedAt.slice(0, 10)}</dd>
      </dl>
      {s.dissent.length ? (
        <>
          <h2>{t("decision.dissent")}</h2>
          <ul>
            {s.dissent.map((v) => (
              <li key={v.userId}>
                {v.name} ({v.agency}): {v.position ? t(`position.${v.position}`) : ""} — {v.reasons}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("informed.title")}</h2>
      {s.informedOn ? (
        <dl className="facts">
          <dt>{t("informed.on")}</dt>
          <dd dir="ltr">{s.informedOn}</dd>
          <dt>{t("informed.how")}</dt>
          <dd>{s.informedHow}</dd>
          <dt>{t("informed.plan")}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{s.implementationPlan}</dd>
          <dt>{t("informed.followUp")}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{s.followUp}</dd>
          <dt>{t("informed.reviewDate")}</dt>
          <dd dir="ltr">{s.reviewDate}</dd>
        </dl>
      ) : (
        <p className="muted">{t("summary.notInformed")}</p>
      )}
    </article>
  );
}
