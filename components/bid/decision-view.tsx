import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DecisionDto } from "@/lib/dal/bid/get-case-bid";

/** A panel decision: outcome, option, conditions, rationale, who sat, and each dissent with its reasons. */
export async function DecisionView({
  decision: d,
  printHref,
}: {
  decision: DecisionDto;
  printHref?: string;
}) {
  const t = await getTranslations("bid");
  const dissent = d.votes.filter((v) => v.dissent);
  return (
    <section className="card" aria-labelledby={`decision-${d.id}`}>
      <div className="toolbar">
        <h2 id={`decision-${d.id}`}>{t("decision.title", { session: d.sessionTitle })}</h2>
        {printHref && d.outcome !== "deferred" ? (
          <Link className="button secondary" href={printHref}>
            {t("decision.print")}
          </Link>
        ) : null}
      </div>
      <dl className="facts" data-testid="decision">
        <dt>{t("decision.outcome")}</dt>
        <dd data-testid="decision-outcome">{t(`outcome.${d.outcome}`)}</dd>
        {d.chosenOption ? (
          <>
            <dt>{t("decision.option")}</dt>
            <dd>{t(`option.${d.chosenOption}`)}</dd>
          </>
        ) : null}
        {d.conditions ? (
          <>
            <dt>{t("decision.conditions")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{d.conditions}</dd>
          </>
        ) : null}
        <dt>{t("decision.rationale")}</dt>
        <dd style={{ whiteSpace: "pre-wrap" }}>{d.rationale}</dd>
        {d.questions ? (
          <>
            <dt>{t("decision.questions")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{d.questions}</dd>
          </>
        ) : null}
        <dt>{t("decision.basis")}</dt>
        <dd>{d.consensus ? t("decision.consensus") : t("decision.majority")}</dd>
        <dt>{t("decision.present")}</dt>
        <dd>
          {d.present
            .map((p) => `${p.name} (${p.agency}${p.isChair ? `, ${t("decision.chair")}` : ""})`)
            .join("; ")}
        </dd>
        <dt>{t("decision.date")}</dt>
        <dd dir="ltr">{d.decidedAt.slice(0, 10)}</dd>
      </dl>
      {dissent.length ? (
        <>
          <h3>{t("decision.dissent")}</h3>
          <ul data-testid="dissent">
            {dissent.map((v) => (
              <li key={v.userId}>
                {v.name} ({v.agency}): {v.position ? t(`position.${v.position}`) : ""} — {v.reasons}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
