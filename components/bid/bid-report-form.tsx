"use client";

import { useTranslations } from "next-intl";
import { saveBidReportAction } from "@/app/(app)/bid/actions";
import {
  BID_OPTIONS,
  CAREGIVER_CONSENT,
  REPORT_ELEMENTS,
  type ReportElement,
  TRACING_OUTCOMES,
} from "@/lib/domain/bid/constants";
import type { BidReport, MissingReasons } from "@/lib/domain/bid/report";
import { ActionForm, Err, Field } from "./action-form";

const ROWS = [0, 1, 2] as const;
const s = (v: unknown) => (typeof v === "string" ? v : "");

/** Flat form fields → the nested report the DAL validates. */
function toInput(raw: Record<string, unknown>) {
  const report = {
    reason: s(raw.reason),
    tracingRequests: ROWS.map((i) => ({
      agency: s(raw[`tracingAgency${i}`]),
      requestedOn: s(raw[`tracingDate${i}`]),
    })),
    tracingOutcome: s(raw.tracingOutcome) || null,
    familyAssessment: s(raw.familyAssessment),
    childViews: s(raw.childViews),
    childHeardLanguage: s(raw.childHeardLanguage),
    childHeardInterpreter: raw.childHeardInterpreter === true,
    childAgeMaturity: s(raw.childAgeMaturity),
    caregiverViews: s(raw.caregiverViews),
    caregiverConsent: s(raw.caregiverConsent) || null,
    risksLibya: s(raw.risksLibya),
    risksTransit: s(raw.risksTransit),
    risksDestination: s(raw.risksDestination),
    health: s(raw.health),
    education: s(raw.education),
    identityCulture: s(raw.identityCulture),
    siblings: s(raw.siblings),
    options: ROWS.flatMap((i) =>
      s(raw[`option${i}`])
        ? [{ option: s(raw[`option${i}`]), pros: s(raw[`pros${i}`]), cons: s(raw[`cons${i}`]) }]
        : [],
    ),
    recommendedOption: s(raw.recommendedOption) || null,
    rationale: s(raw.rationale),
  };
  const missingReasons = Object.fromEntries(
    REPORT_ELEMENTS.map((e) => [e, s(raw[`missing_${e}`])]).filter(([, v]) => v),
  );
  return { bidId: raw.bidId, version: raw.version, intent: raw.intent, report, missingReasons };
}

export function BidReportForm({
  bidId,
  version,
  report,
  missingReasons,
}: {
  bidId: string;
  version: number;
  report: BidReport;
  missingReasons: MissingReasons;
}) {
  const t = useTranslations("bid");
  const tr = (i: number) => report.tracingRequests[i];
  const op = (i: number) => report.options[i];
  return (
    <ActionForm
      action={saveBidReportAction}
      fixed={{ bidId, version }}
      transform={toInput}
      success="bid.saved"
      label={t("report.title")}
    >
      <Field name="reason" label={t("element.reason")} defaultValue={report.reason} />
      <fieldset>
        <legend>{t("element.tracing")}</legend>
        {ROWS.map((i) => (
          <div className="grid-2" key={i}>
            <Field
              name={`tracingAgency${i}`}
              type="text"
              label={t("report.tracingAgency", { n: i + 1 })}
              defaultValue={tr(i)?.agency}
            />
            <Field
              name={`tracingDate${i}`}
              type="date"
              label={t("report.tracingDate", { n: i + 1 })}
              defaultValue={tr(i)?.requestedOn}
            />
          </div>
        ))}
        <Field name="report.tracingOutcome" id="tracingOutcome" label={t("report.tracingOutcome")}>
          <select id="tracingOutcome" name="tracingOutcome" defaultValue={report.tracingOutcome ?? ""}>
            <option value="">—</option>
            {TRACING_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`tracingOutcome.${o}`)}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <Field
        name="familyAssessment"
        label={t("element.familyAssessment")}
        defaultValue={report.familyAssessment}
      />
      <fieldset>
        <legend>{t("element.childViews")}</legend>
        <Field name="childViews" label={t("report.childViews")} defaultValue={report.childViews} />
        <div className="grid-2">
          <Field
            name="childHeardLanguage"
            type="text"
            label={t("report.childHeardLanguage")}
            defaultValue={report.childHeardLanguage}
          />
          <Field
            name="childAgeMaturity"
            type="text"
            label={t("report.childAgeMaturity")}
            defaultValue={report.childAgeMaturity}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            name="childHeardInterpreter?"
            defaultChecked={report.childHeardInterpreter}
          />{" "}
          {t("report.interpreter")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("element.caregiverViews")}</legend>
        <Field
          name="caregiverViews"
          label={t("report.caregiverViews")}
          defaultValue={report.caregiverViews}
        />
        <Field name="report.caregiverConsent" id="caregiverConsent" label={t("report.caregiverConsent")}>
          <select id="caregiverConsent" name="caregiverConsent" defaultValue={report.caregiverConsent ?? ""}>
            <option value="">—</option>
            {CAREGIVER_CONSENT.map((o) => (
              <option key={o} value={o}>
                {t(`caregiverConsent.${o}`)}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t("element.risks")}</legend>
        <Field name="risksLibya" label={t("report.risksLibya")} defaultValue={report.risksLibya} />
        <Field name="risksTransit" label={t("report.risksTransit")} defaultValue={report.risksTransit} />
        <Field
          name="risksDestination"
          label={t("report.risksDestination")}
          defaultValue={report.risksDestination}
        />
      </fieldset>
      <Field name="health" label={t("element.health")} defaultValue={report.health} />
      <Field name="education" label={t("element.education")} defaultValue={report.education} />
      <Field
        name="identityCulture"
        label={t("element.identityCulture")}
        defaultValue={report.identityCulture}
      />
      <Field name="siblings" label={t("element.siblings")} defaultValue={report.siblings} />
      <fieldset>
        <legend>{t("element.options")}</legend>
        {ROWS.map((i) => (
          <div key={i} className="grid-2">
            <Field name={`option${i}`} label={t("report.optionN", { n: i + 1 })}>
              <select id={`option${i}`} name={`option${i}`} defaultValue={op(i)?.option ?? ""}>
                <option value="">—</option>
                {BID_OPTIONS.map((o) => (
                  <option key={o} value={o}>
                    {t(`option.${o}`)}
                  </option>
                ))}
              </select>
            </Field>
            <div>
              <Field name={`pros${i}`} label={t("report.prosN", { n: i + 1 })} defaultValue={op(i)?.pros} />
              <Field name={`cons${i}`} label={t("report.consN", { n: i + 1 })} defaultValue={op(i)?.cons} />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("element.recommendation")}</legend>
        <Field name="recommendedOption" label={t("report.recommendedOption")}>
          <select
            id="recommendedOption"
            name="recommendedOption"
            defaultValue={report.recommendedOption ?? ""}
          >
            <option value="">—</option>
            {BID_OPTIONS.map((o) => (
              <option key={o} value={o}>
                {t(`option.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="rationale" label={t("report.rationale")} defaultValue={report.rationale} />
      </fieldset>
      <details open={Object.keys(missingReasons).length > 0}>
        <summary>{t("report.missingTitle")}</summary>
        <p className="muted">{t("report.missingHint")}</p>
        {REPORT_ELEMENTS.map((e: ReportElement) => (
          <div className="field" key={e}>
            <label htmlFor={`missing_${e}`}>
              {t("report.missingReason", { element: t(`element.${e}`) })}
            </label>
            <input
              id={`missing_${e}`}
              name={`missing_${e}`}
              type="text"
              defaultValue={missingReasons[e] ?? ""}
            />
            <Err name={`missing.${e}`} />
          </div>
        ))}
      </details>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="secondary">
          {t("saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit">
          {t("report.submit")}
        </button>
      </div>
    </ActionForm>
  );
}
