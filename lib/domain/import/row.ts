import { type Registration, registrationSchema } from "../../validation/beneficiary";
import type { ColumnMapping, ImportField, ValueSynonyms } from "./fields";
import {
  type BaladiyaIndex,
  MULTI_VALUES,
  toBaladiya,
  toCountry,
  toEnum,
  toIsoDate,
  toMulti,
  toYesNo,
} from "./values";

/** One problem in one row: the spreadsheet row number (header = 1), the Sanad field, its column, a message key. */
export interface RowIssue {
  row: number;
  field: ImportField | null;
  column: string | null;
  key: string;
}

export interface RowContext {
  /** Field → index of its column in the row. */
  columns: ReadonlyMap<ImportField, number>;
  mapping: ColumnMapping;
  values?: ValueSynonyms;
  baladiyas: BaladiyaIndex;
}

/** Where registrationSchema reports a problem → the import field it came from. */
const PATH_FIELD: Record<string, ImportField> = {
  "biodata.familyName": "familyName",
  "biodata.givenNames": "givenNames",
  "biodata.nameAr": "nameAr",
  "biodata.sex": "sex",
  "biodata.dobMode": "dateOfBirth",
  "biodata.dateOfBirth": "dateOfBirth",
  "biodata.estimatedAge": "estimatedAge",
  "biodata.nationality": "nationality",
  "biodata.populationType": "populationType",
  "biodata.languages": "languages",
  "biodata.phone": "phone",
  "biodata.baladiyaPcode": "baladiya",
  "biodata.detained": "detained",
  "biodata.detentionCentre": "detentionCentre",
  "biodata.detainedSince": "detainedSince",
  "biodata.uascStatus": "uascStatus",
  "biodata.vulnerabilities": "vulnerabilities",
  "consent.obtained": "consentObtained",
  "consent.givenBy": "consentGivenBy",
  "consent.givenOn": "consentGivenOn",
  "consent.purposes": "consentPurposes",
  "consent.vitalInterestReason": "vitalInterestReason",
};

export type RowResult = { ok: true; value: Registration } | { ok: false; issues: RowIssue[] };

/**
 * Reads one file row into a registration and validates it with the same schema as the
 * registration form, so an imported case meets exactly the rules of a typed one.
 */
export function readRow(cells: readonly string[], rowNumber: number, ctx: RowContext): RowResult {
  const issues: RowIssue[] = [];
  const failed = new Set<ImportField>();
  const cell = (field: ImportField): string | undefined => {
    const i = ctx.columns.get(field);
    const v = i === undefined ? undefined : cells[i]?.trim();
    return v ? v : undefined;
  };
  const report = (field: ImportField, key: string) => {
    failed.add(field);
    issues.push({ row: rowNumber, field, column: ctx.mapping[field] ?? null, key });
  };
  function convert<T>(
    field: ImportField,
    fn: (raw: string) => { ok: true; value: T } | { ok: false; key: string },
  ) {
    const raw = cell(field);
    if (raw === undefined) return undefined;
    const r = fn(raw);
    if (r.ok) return r.value;
    report(field, r.key);
    return undefined;
  }

  const dateOfBirth = convert("dateOfBirth", toIsoDate);
  const estimatedAge = cell("estimatedAge");
  const detained = convert("detained", (v) => toYesNo(v, ctx.values?.detained)) ?? false;
  const obtained = convert("consentObtained", (v) => toYesNo(v, ctx.values?.consentObtained));
  const input = {
    biodata: {
      familyName: cell("familyName"),
      givenNames: cell("givenNames"),
      nameAr: cell("nameAr"),
      sex: convert("sex", (v) => toEnum("sex", v, ctx.values)),
      dobMode: dateOfBirth === undefined && estimatedAge !== undefined ? "estimated" : "exact",
      dateOfBirth: dateOfBirth ?? "",
      estimatedAge: estimatedAge ?? "",
      nationality: convert("nationality", toCountry),
      populationType: convert("populationType", (v) => toEnum("populationType", v, ctx.values)),
      languages: convert("languages", (v) => toMulti(v, MULTI_VALUES.languages)) ?? [],
      phone: cell("phone"),
      baladiyaPcode: convert("baladiya", (v) => toBaladiya(v, ctx.baladiyas)),
      detained,
      detentionCentre: cell("detentionCentre"),
      detainedSince: convert("detainedSince", toIsoDate) ?? "",
      uascStatus: convert("uascStatus", (v) => toEnum("uascStatus", v, ctx.values)) ?? "",
      vulnerabilities: convert("vulnerabilities", (v) => toMulti(v, MULTI_VALUES.vulnerabilities)) ?? [],
    },
    consent: {
      obtained: obtained === undefined ? undefined : obtained ? "yes" : "no",
      givenBy: convert("consentGivenBy", (v) => toEnum("consentGivenBy", v, ctx.values)) ?? "",
      givenOn: convert("consentGivenOn", toIsoDate) ?? "",
      purposes: convert("consentPurposes", (v) => toMulti(v, MULTI_VALUES.consentPurposes)) ?? [],
      vitalInterestReason: cell("vitalInterestReason"),
    },
  };
  const parsed = registrationSchema.safeParse(input);
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = PATH_FIELD[issue.path.slice(0, 2).join(".")] ?? null;
      // A value already refused while reading would be reported twice (e.g. "unknown value" then "required").
      if (field && failed.has(field)) continue;
      // Zod's own English messages (wrong type deep in an array) become one generic key.
      const key = /^[A-Za-z.]+$/.test(issue.message) ? issue.message : "invalid";
      const dedupe = `${field}:${key}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      issues.push({ row: rowNumber, field, column: field ? (ctx.mapping[field] ?? null) : null, key });
    }
  }
  return { ok: false, issues };
}
