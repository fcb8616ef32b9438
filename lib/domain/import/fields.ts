/** Value sets and the Sanad fields a file column can be mapped to. Pure: shared by UI, DAL and schema. */

export const IMPORT_MODES = ["dry_run", "all_or_nothing", "valid_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_STATUSES = ["running", "succeeded", "failed", "rejected"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_PHASES = ["parsing", "validating", "deduplicating", "writing", "done"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/**
 * Target fields in the order the mapping screen lists them, each with header names met in
 * KoboToolbox/ODK forms (compared after normalisation, see suggestMapping).
 */
export const IMPORT_FIELDS = {
  familyName: ["family_name", "surname", "last_name", "lastname", "nom", "nom_famille", "اللقب"],
  givenNames: ["given_names", "given_name", "first_name", "firstname", "prenom", "prenoms", "الاسم"],
  nameAr: ["name_ar", "arabic_name", "name_arabic", "الاسم_بالعربية"],
  sex: ["sex", "gender", "sexe", "الجنس"],
  dateOfBirth: ["date_of_birth", "dob", "birth_date", "birthdate", "date_naissance", "تاريخ_الميلاد"],
  estimatedAge: ["estimated_age", "age", "age_years", "العمر"],
  nationality: ["nationality", "nationalite", "country_of_origin", "citizenship", "الجنسية"],
  populationType: ["population_type", "population_group", "pop_type", "beneficiary_type"],
  languages: ["languages", "language", "langues", "spoken_languages"],
  phone: ["phone", "phone_number", "telephone", "mobile", "contact_number"],
  baladiya: ["baladiya", "baladiya_pcode", "municipality", "admin3", "admin3_pcode", "البلدية"],
  detained: ["detained", "in_detention", "is_detained"],
  detentionCentre: ["detention_centre", "detention_center", "dc_name"],
  detainedSince: ["detained_since", "detention_date", "date_detained"],
  uascStatus: ["uasc_status", "uasc", "child_status"],
  vulnerabilities: ["vulnerabilities", "vulnerability", "specific_needs"],
  consentObtained: ["consent", "consent_obtained", "consent_given", "informed_consent"],
  consentGivenBy: ["consent_given_by", "consent_by", "consent_giver"],
  consentGivenOn: ["consent_date", "consent_given_on", "date_consent"],
  consentPurposes: ["consent_purposes", "consent_purpose", "purposes"],
  vitalInterestReason: ["vital_interest_reason", "vital_interest", "no_consent_reason"],
} as const satisfies Record<string, readonly string[]>;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_KEYS = Object.keys(IMPORT_FIELDS) as ImportField[];

/** Fields a mapping must cover; the rest are optional columns. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  "familyName",
  "givenNames",
  "sex",
  "nationality",
  "populationType",
  "baladiya",
  "consentObtained",
];

/** Fields whose values are read through synonyms (built-in, plus those saved with a mapping). */
export const VALUE_MAPPED_FIELDS = [
  "sex",
  "populationType",
  "uascStatus",
  "consentGivenBy",
  "detained",
  "consentObtained",
] as const;
export type ValueMappedField = (typeof VALUE_MAPPED_FIELDS)[number];

/** Sanad field → source header (absent: not imported). */
export type ColumnMapping = Partial<Record<ImportField, string>>;
/** Field → source value (lower-cased, trimmed) → Sanad value. */
export type ValueSynonyms = Partial<Record<ValueMappedField, Record<string, string>>>;

export interface ImportMappingSpec {
  columns: ColumnMapping;
  values?: ValueSynonyms;
}
