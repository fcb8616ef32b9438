import {
  type BidOption,
  type CaregiverConsent,
  MANDATORY_ELEMENTS,
  REPORT_ELEMENTS,
  type ReportElement,
  type TracingOutcome,
} from "./constants";

export interface TracingRequest {
  agency: string;
  requestedOn: string;
}

export interface ReportOption {
  option: BidOption;
  pros: string;
  cons: string;
}

/** The BID report as drafted; any field may still be empty while drafting. */
export interface BidReport {
  reason: string;
  tracingRequests: TracingRequest[];
  tracingOutcome: TracingOutcome | null;
  familyAssessment: string;
  childViews: string;
  childHeardLanguage: string;
  childHeardInterpreter: boolean;
  childAgeMaturity: string;
  caregiverViews: string;
  caregiverConsent: CaregiverConsent | null;
  risksLibya: string;
  risksTransit: string;
  risksDestination: string;
  health: string;
  education: string;
  identityCulture: string;
  siblings: string;
  options: ReportOption[];
  recommendedOption: BidOption | null;
  rationale: string;
}

export const EMPTY_REPORT: BidReport = {
  reason: "",
  tracingRequests: [],
  tracingOutcome: null,
  familyAssessment: "",
  childViews: "",
  childHeardLanguage: "",
  childHeardInterpreter: false,
  childAgeMaturity: "",
  caregiverViews: "",
  caregiverConsent: null,
  risksLibya: "",
  risksTransit: "",
  risksDestination: "",
  health: "",
  education: "",
  identityCulture: "",
  siblings: "",
  options: [],
  recommendedOption: null,
  rationale: "",
};

export type MissingReasons = Partial<Record<ReportElement, string>>;

const filled = (s: string | null | undefined) => typeof s === "string" && s.trim().length > 0;

/** A missing element is excused only by a reason a reader can act on. */
export const MIN_MISSING_REASON = 10;

function present(report: BidReport, element: ReportElement): boolean {
  switch (element) {
    case "reason":
      return filled(report.reason);
    case "tracing":
      return (
        report.tracingOutcome !== null &&
        report.tracingRequests.some((r) => filled(r.agency) && filled(r.requestedOn))
      );
    case "familyAssessment":
      return filled(report.familyAssessment);
    case "childViews":
      return (
        filled(report.childViews) && filled(report.childHeardLanguage) && filled(report.childAgeMaturity)
      );
    case "caregiverViews":
      return filled(report.caregiverViews) && report.caregiverConsent !== null;
    case "risks":
      return filled(report.risksLibya) && filled(report.risksTransit) && filled(report.risksDestination);
    case "health":
      return filled(report.health);
    case "education":
      return filled(report.education);
    case "identityCulture":
      return filled(report.identityCulture);
    case "siblings":
      return filled(report.siblings);
    case "options": {
      const complete = report.options.filter((o) => filled(o.pros) && filled(o.cons));
      return new Set(complete.map((o) => o.option)).size >= 2;
    }
    case "recommendation":
      return (
        report.recommendedOption !== null &&
        report.options.some((o) => o.option === report.recommendedOption) &&
        filled(report.rationale)
      );
  }
}

/** Elements not (fully) present in the report, in the report's order. */
export function missingElements(report: BidReport): ReportElement[] {
  return REPORT_ELEMENTS.filter((e) => !present(report, e));
}

/**
 * What still blocks submission: a missing element without a recorded reason, or a missing element
 * that no reason can excuse.
 */
export function submissionBlockers(report: BidReport, reasons: MissingReasons): ReportElement[] {
  return missingElements(report).filter(
    (e) => MANDATORY_ELEMENTS.includes(e) || (reasons[e] ?? "").trim().length < MIN_MISSING_REASON,
  );
}
