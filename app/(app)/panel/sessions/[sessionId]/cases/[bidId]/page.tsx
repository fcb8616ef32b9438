import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/bid/action-form";
import { ReportView } from "@/components/bid/report-view";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getPanelReport } from "@/lib/dal/bid/get-panel-report";
import { OUTCOMES, POSITIONS } from "@/lib/domain/bid/constants";
import { conflictAction, decisionAction, voteAction } from "../../../../../bid/actions";

export const metadata: Metadata = { robots: { index: false } };

/** The only way a panel member reaches a child's BID: through a session they sit on. */
export default async function PanelCasePage({
  params,
}: {
  params: Promise<{ sessionId: string; bidId: string }>;
}) {
  const ctx = await requireContext();
  const { sessionId, bidId } = await params;
  const r = await orNotFound(getPanelReport(ctx, sessionId, bidId));
  const t = await getTranslations("panel");
  const tb = await getTranslations("bid");
  const mine = r.votes.find((v) => v.userId === ctx.actor.id);
  const options = r.report.options.map((o) => o.option);
  const optionSelect = (name: string) => (
    <select id={name} name={name} defaultValue="">
      <option value="">—</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {tb(`option.${o}`)}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <h1 data-testid="panel-child">
        {r.child.name} · {tb("childAge", { age: r.child.age })} · {tb(`sex.${r.child.sex}`)} ·{" "}
        {r.child.nationality}
      </h1>
      <p className="muted">
        {r.sessionTitle} · <span dir="ltr">{r.sessionDate}</span>
      </p>
      {r.child.agesOut ? <p className="alert warn">{tb("agesOut")}</p> : null}
      <section className="card" aria-labelledby="report">
        <h2 id="report">{tb("report.title")}</h2>
        <p>
          {r.reasons.map((x) => tb(`reason.${x}`)).join(", ")} — {r.reasonNote}
        </p>
        {r.panelQuestions ? (
          <p className="alert warn">{tb("panelQuestions", { questions: r.panelQuestions })}</p>
        ) : null}
        <ReportView report={r.report} missing={r.missing} missingReasons={r.missingReasons} />
      </section>

      <section className="card" aria-labelledby="deliberation">
        <h2 id="deliberation">{t("deliberation")}</h2>
        <p data-testid="quorum">
          {r.quorum.met
            ? t("quorumMet", { present: r.quorum.present })
            : t("quorumNotMet", { present: r.quorum.present })}
          {r.quorum.missingAgencies.length
            ? ` · ${t("missingAgencies", { agencies: r.quorum.missingAgencies.join(", ") })}`
            : ""}
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("member")}</th>
              <th scope="col">{t("position")}</th>
              <th scope="col">{t("supportedOption")}</th>
              <th scope="col">{t("reasons")}</th>
            </tr>
          </thead>
          <tbody data-testid="votes">
            {r.votes.map((v) => (
              <tr key={v.userId}>
                <th scope="row">
                  {v.name} ({v.agency})
                </th>
                <td>
                  {v.conflictDeclared
                    ? t("conflictDeclared")
                    : v.position
                      ? tb(`position.${v.position}`)
                      : ""}
                  {v.dissent ? ` · ${t("dissent")}` : ""}
                </td>
                <td>{v.option ? tb(`option.${v.option}`) : ""}</td>
                <td>{v.conflictDeclared ? v.conflictReason : v.reasons}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.open && r.exclusion && r.exclusion !== "conflict" ? (
          <p className="alert warn">{t(`excluded.${r.exclusion}`)}</p>
        ) : null}
        {r.open && !r.exclusion ? (
          <>
            <ActionForm
              action={voteAction}
              fixed={{ sessionId, bidId }}
              success="panel.voted"
              label={t("vote")}
            >
              <h3>{mine?.position ? t("changeVote") : t("vote")}</h3>
              <Field name="position" label={t("position")}>
                <select id="position" name="position" defaultValue="">
                  <option value="">—</option>
                  {POSITIONS.map((p) => (
                    <option key={p} value={p}>
                      {tb(`position.${p}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field name="option" label={t("supportedOption")}>
                {optionSelect("option")}
              </Field>
              <Field name="reasons" label={t("reasons")} />
              <button type="submit">{t("recordVote")}</button>
            </ActionForm>
            <details>
              <summary>{t("declareConflict")}</summary>
              <ActionForm action={conflictAction} fixed={{ sessionId, bidId }}>
                <Field name="conflictReason" label={t("conflictReason")} />
                <button type="submit" className="secondary">
                  {t("declareConflict")}
                </button>
              </ActionForm>
            </details>
          </>
        ) : null}
      </section>

      {r.chairing && r.open ? (
        <section className="card" aria-labelledby="decide">
          <h2 id="decide">{t("decide.title")}</h2>
          <ActionForm action={decisionAction} fixed={{ sessionId, bidId }} label={t("decide.title")}>
            <Field name="outcome" label={tb("decision.outcome")}>
              <select id="outcome" name="outcome" defaultValue="">
                <option value="">—</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {tb(`outcome.${o}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="chosenOption" label={tb("decision.option")}>
              {optionSelect("chosenOption")}
            </Field>
            <Field name="conditions" label={tb("decision.conditions")} />
            <Field name="rationale" label={tb("decision.rationale")} />
            <Field name="questions" label={tb("decision.questions")} />
            <button type="submit">{t("decide.submit")}</button>
          </ActionForm>
        </section>
      ) : null}

      {r.decision ? (
        <section className="card" aria-labelledby="decision">
          <h2 id="decision">{t("decision")}</h2>
          <dl className="facts" data-testid="panel-decision">
            <dt>{tb("decision.outcome")}</dt>
            <dd>{tb(`outcome.${r.decision.outcome}`)}</dd>
            {r.decision.chosenOption ? (
              <>
                <dt>{tb("decision.option")}</dt>
                <dd>{tb(`option.${r.decision.chosenOption}`)}</dd>
              </>
            ) : null}
            <dt>{tb("decision.basis")}</dt>
            <dd>{r.decision.consensus ? tb("decision.consensus") : tb("decision.majority")}</dd>
            <dt>{tb("decision.rationale")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{r.decision.rationale}</dd>
          </dl>
        </section>
      ) : null}
      <Link href={`/panel/sessions/${sessionId}`}>{t("backToSession")}</Link>
    </>
  );
}
