import { getTranslations } from "next-intl/server";
import { REPORT_ELEMENTS, type ReportElement } from "@/lib/domain/bid/constants";
import type { BidReport, MissingReasons } from "@/lib/domain/bid/report";

function Text({ value }: { value: string }) {
  return <p style={{ whiteSpace: "pre-wrap", marginBlock: 0 }}>{value}</p>;
}

/** The BID report, read-only, element by element, with the reason recorded for a missing element. */
export async function ReportView({
  report,
  missing,
  missingReasons,
}: {
  report: BidReport;
  missing: readonly ReportElement[];
  missingReasons: MissingReasons;
}) {
  const t = await getTranslations("bid");
  const body = (element: ReportElement) => {
    switch (element) {
      case "reason":
        return <Text value={report.reason} />;
      case "tracing":
        return (
          <>
            <ul>
              {report.tracingRequests.map((r) => (
                <li key={`${r.agency}-${r.requestedOn}`}>
                  {r.agency} · <span dir="ltr">{r.requestedOn}</span>
                </li>
              ))}
            </ul>
            {report.tracingOutcome ? (
              <p>
                {t("report.tracingOutcome")}: {t(`tracingOutcome.${report.tracingOutcome}`)}
              </p>
            ) : null}
          </>
        );
      case "familyAssessment":
        return <Text value={report.familyAssessment} />;
      case "childViews":
        return (
          <>
            <Text value={report.childViews} />
            <p className="muted">
              {t("report.heardIn", { language: report.childHeardLanguage })} ·{" "}
              {report.childHeardInterpreter ? t("report.withInterpreter") : t("report.withoutInterpreter")} ·{" "}
              {report.childAgeMaturity}
            </p>
          </>
        );
      case "caregiverViews":
        return (
          <>
            <Text value={report.caregiverViews} />
            {report.caregiverConsent ? (
              <p className="muted">
                {t("report.caregiverConsent")}: {t(`caregiverConsent.${report.caregiverConsent}`)}
              </p>
            ) : null}
          </>
        );
      case "risks":
        return (
          <dl className="facts">
            <dt>{t("report.risksLibya")}</dt>
            <dd>{report.risksLibya}</dd>
            <dt>{t("report.risksTransit")}</dt>
            <dd>{report.risksTransit}</dd>
            <dt>{t("report.risksDestination")}</dt>
            <dd>{report.risksDestination}</dd>
          </dl>
        );
      case "health":
      case "education":
      case "identityCulture":
      case "siblings":
        return <Text value={report[element]} />;
      case "options":
        return (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("report.option")}</th>
                <th scope="col">{t("report.pros")}</th>
                <th scope="col">{t("report.cons")}</th>
              </tr>
            </thead>
            <tbody>
              {report.options.map((o) => (
                <tr key={o.option}>
                  <th scope="row">{t(`option.${o.option}`)}</th>
                  <td>{o.pros}</td>
                  <td>{o.cons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      case "recommendation":
        return (
          <>
            {report.recommendedOption ? <p>{t(`option.${report.recommendedOption}`)}</p> : null}
            <Text value={report.rationale} />
          </>
        );
    }
  };
  return (
    <div className="bid-report" data-testid="bid-report">
      {REPORT_ELEMENTS.map((element) => (
        <section key={element} aria-labelledby={`el-${element}`}>
          <h3 id={`el-${element}`}>{t(`element.${element}`)}</h3>
          {missing.includes(element) ? (
            <p className="alert warn">
              {t("report.missingBecause", { reason: missingReasons[element] ?? t("report.noReason") })}
            </p>
          ) : null}
          {body(element)}
        </section>
      ))}
    </div>
  );
}
