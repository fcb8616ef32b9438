/** Value sets of the Best Interests Procedure, shared by the schema, validation, DAL and UI. */

export const BIA_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type BiaStatus = (typeof BIA_STATUSES)[number];

export const BID_STATUSES = [
  "required",
  "drafting",
  "submitted",
  "returned",
  "ready_for_panel",
  "on_agenda",
  "decided",
  "implementation",
  "review_requested",
] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

/** Why a BID is required: a durable solution at stake, or separation against the child's will. */
export const BID_REASONS = [
  "return_vhr",
  "family_reunification",
  "long_term_care",
  "resettlement",
  "separation_against_will",
] as const;
export type BidReason = (typeof BID_REASONS)[number];

export const BID_OPTIONS = [
  "reunification_origin",
  "reunification_third_country",
  "vhr_reintegration",
  "care_host_family",
  "care_safe_shelter",
  "care_kinship_foster",
  "resettlement_other_pathway",
] as const;
export type BidOption = (typeof BID_OPTIONS)[number];

/** Options that send the child back to the country of origin (what VHR booking needs approved). */
export const RETURN_OPTIONS: readonly BidOption[] = ["vhr_reintegration", "reunification_origin"];

export const POSITIONS = ["approve", "approve_with_conditions", "defer", "not_approve"] as const;
export type Position = (typeof POSITIONS)[number];

export const OUTCOMES = ["approved", "approved_with_conditions", "deferred", "not_approved"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_OF: Record<Position, Outcome> = {
  approve: "approved",
  approve_with_conditions: "approved_with_conditions",
  defer: "deferred",
  not_approve: "not_approved",
};

export const AGENCIES = ["IOM", "UNICEF", "UNHCR", "other"] as const;
export type Agency = (typeof AGENCIES)[number];

export const REVIEW_REASONS = [
  "new_information",
  "changed_circumstances",
  "cannot_implement",
  "child_or_family_request",
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const TRACING_OUTCOMES = ["ongoing", "located", "not_located", "exhausted"] as const;
export type TracingOutcome = (typeof TRACING_OUTCOMES)[number];

export const CAREGIVER_CONSENT = ["given", "refused", "no_caregiver"] as const;
export type CaregiverConsent = (typeof CAREGIVER_CONSENT)[number];

/** The elements a BID report must hold (domain brief, "Best Interests Procedure"). */
export const REPORT_ELEMENTS = [
  "reason",
  "tracing",
  "familyAssessment",
  "childViews",
  "caregiverViews",
  "risks",
  "health",
  "education",
  "identityCulture",
  "siblings",
  "options",
  "recommendation",
] as const;
export type ReportElement = (typeof REPORT_ELEMENTS)[number];

/**
 * Elements that no recorded reason can excuse: without options and a reasoned recommendation there is
 * nothing for the panel to determine.
 */
export const MANDATORY_ELEMENTS: readonly ReportElement[] = ["options", "recommendation"];
