/** Value sets for a beneficiary record, shared by the schema, validation and UI. */

export const SEXES = ["female", "male", "unknown"] as const;
export type Sex = (typeof SEXES)[number];

export const POPULATION_TYPES = ["migrant", "refugee", "idp", "returnee", "host"] as const;
export type PopulationType = (typeof POPULATION_TYPES)[number];

export const UASC_STATUSES = ["unaccompanied", "separated", "accompanied"] as const;
export type UascStatus = (typeof UASC_STATUSES)[number];

export const VULNERABILITY_FLAGS = [
  "pregnant",
  "disability",
  "serious_medical",
  "survivor_of_violence",
  "older_person",
  "single_parent",
] as const;
export type VulnerabilityFlag = (typeof VULNERABILITY_FLAGS)[number];

export const CONSENT_PURPOSES = ["services", "sharing", "tracing", "reporting"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_GIVERS = ["self", "parent", "guardian", "caregiver"] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CASE_STATUSES = ["open", "active", "closure_requested", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const LANGUAGES = [
  "ar",
  "en",
  "fr",
  "ha",
  "ti",
  "so",
  "bn",
  "am",
  "ff",
  "wo",
  "kr",
  "tw",
  "yo",
  "ig",
  "bm",
  "ur",
  "other",
] as const;
export type Language = (typeof LANGUAGES)[number];

export const OFFICES = ["TIP", "BEN", "SEB", "MRA", "ZWA", "TUN"] as const;
export type OfficeCode = (typeof OFFICES)[number];
