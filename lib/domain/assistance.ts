/** The assistance catalogue: what a caseworker records as delivered, and which programme it belongs to. */

export const ASSISTANCE_TYPES = [
  "vhr_departure",
  "reintegration_support",
  "nfi_kit",
  "mhpss_session",
  "cp_service",
  "atd_placement",
  "mrrm_outreach",
  "disembarkation_assistance",
  "cs_participation",
] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

export function isAssistanceType(value: unknown): value is AssistanceType {
  return typeof value === "string" && (ASSISTANCE_TYPES as readonly string[]).includes(value);
}

/** The programme each type is delivered under; indicators say which types they count. */
export const ASSISTANCE_TYPE_PROGRAMME: Record<AssistanceType, string> = {
  vhr_departure: "VHR",
  reintegration_support: "VHR",
  nfi_kit: "DA",
  mhpss_session: "MHPSS",
  cp_service: "CP",
  atd_placement: "ATD",
  mrrm_outreach: "MRRM",
  disembarkation_assistance: "SAR",
  cs_participation: "CS",
};

/**
 * The assistance a completed referral usually leads to, keyed by the referral catalogue's service
 * code; services with no obvious type (legal, health…) leave the choice to the caseworker.
 */
export const REFERRAL_SERVICE_ASSISTANCE: Readonly<Record<string, AssistanceType>> = {
  vhr: "vhr_departure",
  reintegration: "reintegration_support",
  mhpss: "mhpss_session",
  child_protection: "cp_service",
  direct_assistance: "nfi_kit",
  atd: "atd_placement",
};

/** Whom an indicator counts by detention status on the date of service. */
export const DETENTION_FILTERS = ["any", "detained", "community"] as const;
export type DetentionFilter = (typeof DETENTION_FILTERS)[number];

/** How an indicator counts; distinct people is the only rule the plan uses. */
export const COUNTING_RULES = ["distinct_people"] as const;
export type CountingRule = (typeof COUNTING_RULES)[number];

/** Years after which a date of service is implausible for a record: the plan and the years around it. */
export const EARLIEST_SERVICE_DATE = "2015-01-01";
