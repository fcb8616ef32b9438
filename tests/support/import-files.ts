import ExcelJS from "exceljs";
import { mulberry32 } from "../../db/seed/synthetic";
import type { ColumnMapping } from "../../lib/domain/import/fields";

/**
 * Files shaped like a KoboToolbox export of a registration form: group-prefixed headers,
 * select_multiple as space-separated names, dates as YYYY-MM-DD, yes/no. Used by the import
 * integration tests, the e2e journey and the import benchmark.
 */
export const KOBO_HEADERS = [
  "start",
  "group_biodata/family_name",
  "group_biodata/given_names",
  "group_biodata/sex",
  "group_biodata/date_of_birth",
  "group_biodata/nationality",
  "group_biodata/population_type",
  "group_biodata/languages",
  "group_location/baladiya",
  "group_contact/phone",
  "group_consent/consent",
  "group_consent/consent_given_by",
  "group_consent/consent_date",
  "group_consent/consent_purposes",
  "_uuid",
] as const;
export type KoboHeader = (typeof KOBO_HEADERS)[number];
export type KoboRow = Record<KoboHeader, string>;

/** The mapping a supervisor would confirm for these headers. */
export const KOBO_MAPPING: ColumnMapping = {
  familyName: "group_biodata/family_name",
  givenNames: "group_biodata/given_names",
  sex: "group_biodata/sex",
  dateOfBirth: "group_biodata/date_of_birth",
  nationality: "group_biodata/nationality",
  populationType: "group_biodata/population_type",
  languages: "group_biodata/languages",
  baladiya: "group_location/baladiya",
  phone: "group_contact/phone",
  consentObtained: "group_consent/consent",
  consentGivenBy: "group_consent/consent_given_by",
  consentGivenOn: "group_consent/consent_date",
  consentPurposes: "group_consent/consent_purposes",
};

const SYLLABLES = [
  "ba",
  "ko",
  "di",
  "ma",
  "ne",
  "ru",
  "sa",
  "to",
  "vi",
  "za",
  "lu",
  "fe",
  "gi",
  "ho",
  "ja",
  "pe",
];
const CODAS = ["", "n", "r", "l", "m", "k", "s", "t"];
const NATIONALITIES = ["NER", "TCD", "SDN", "NGA", "EGY", "GHA", "MLI", "BGD", "CIV", "ERI", "SYR", "GIN"];
const BALADIYAS = ["LY021101", "LY021102", "LY021103", "LY021104", "LY021105", "LY010102"];
const LANGS = ["ar", "en", "fr", "ha", "ti"];

/**
 * `n` distinct synthetic people (random syllable names, so no two rows are likely duplicates
 * unless a test makes them so). Deterministic for a seed.
 */
export function generateImportRows(n: number, seed = 1): KoboRow[] {
  const rng = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const word = (syllables: number) => {
    let w = "";
    for (let i = 0; i < syllables; i++) w += pick(SYLLABLES) + pick(CODAS);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const rows: KoboRow[] = [];
  for (let i = 0; i < n; i++) {
    const year = 1960 + Math.floor(rng() * 44);
    const month = String(1 + Math.floor(rng() * 12)).padStart(2, "0");
    const day = String(1 + Math.floor(rng() * 28)).padStart(2, "0");
    rows.push({
      start: "2025-01-15T09:12:00.000+02:00",
      "group_biodata/family_name": `${word(3)}${pick(CODAS)}`,
      "group_biodata/given_names": `${word(2)} ${word(2)}`,
      "group_biodata/sex": rng() < 0.5 ? "male" : "female",
      "group_biodata/date_of_birth": `${year}-${month}-${day}`,
      "group_biodata/nationality": pick(NATIONALITIES),
      "group_biodata/population_type": pick(["migrant", "migrant", "refugee", "returnee"]),
      "group_biodata/languages": rng() < 0.5 ? pick(LANGS) : `${pick(LANGS)} ar`,
      "group_location/baladiya": pick(BALADIYAS),
      "group_contact/phone":
        rng() < 0.6 ? `+218 91 ${String(1_000_000 + Math.floor(rng() * 8_999_999))}` : "",
      "group_consent/consent": "yes",
      "group_consent/consent_given_by": "self",
      "group_consent/consent_date": "2025-01-15",
      "group_consent/consent_purposes": rng() < 0.5 ? "services" : "services sharing",
      _uuid: `uuid-${seed}-${i}`,
    });
  }
  return rows;
}

/** One injected error: the spreadsheet row (header = 1), the Sanad field, and the message key expected. */
export interface InjectedError {
  row: number;
  field: string;
  column: string;
  key: string;
}

const ERROR_KINDS: ReadonlyArray<{ header: KoboHeader; field: string; value: string; key: string }> = [
  { header: "group_biodata/family_name", field: "familyName", value: "", key: "required" },
  { header: "group_biodata/sex", field: "sex", value: "X", key: "import.errors.unknownValue" },
  {
    header: "group_biodata/date_of_birth",
    field: "dateOfBirth",
    value: "31/12/1990",
    key: "import.errors.dateFormat",
  },
  {
    header: "group_biodata/nationality",
    field: "nationality",
    value: "Atlantis",
    key: "import.errors.unknownCountry",
  },
  {
    header: "group_location/baladiya",
    field: "baladiya",
    value: "LY999999",
    key: "import.errors.unknownBaladiya",
  },
  { header: "group_biodata/date_of_birth", field: "dateOfBirth", value: "2099-01-01", key: "futureDate" },
  { header: "group_consent/consent_date", field: "consentGivenOn", value: "", key: "required" },
];

/** Breaks `count` distinct rows, one error each, cycling through the kinds above. Returns copies. */
export function injectErrors(
  rows: readonly KoboRow[],
  count: number,
  seed = 7,
): { rows: KoboRow[]; errors: InjectedError[] } {
  const rng = mulberry32(seed);
  const out = rows.map((r) => ({ ...r }));
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, rows.length)) chosen.add(Math.floor(rng() * rows.length));
  const errors: InjectedError[] = [];
  [...chosen]
    .sort((a, b) => a - b)
    .forEach((index, k) => {
      const kind = ERROR_KINDS[k % ERROR_KINDS.length] as (typeof ERROR_KINDS)[number];
      (out[index] as KoboRow)[kind.header] = kind.value;
      errors.push({ row: index + 2, field: kind.field, column: kind.header, key: kind.key });
    });
  return { rows: out, errors };
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function toCsv(rows: readonly KoboRow[], headers: readonly string[] = KOBO_HEADERS): string {
  const lines = [headers.map(csvCell).join(",")];
  for (const row of rows)
    lines.push(headers.map((h) => csvCell((row as Record<string, string>)[h] ?? "")).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A Kobo-style CSV of `rows` with `errors` broken rows, as bytes, with the expected errors. */
export function buildKoboCsv(
  rows: readonly KoboRow[],
  options: { errors?: number; seed?: number; bom?: boolean } = {},
): { bytes: Uint8Array; errors: InjectedError[]; rows: KoboRow[] } {
  const injected = injectErrors(rows, options.errors ?? 0, options.seed);
  const text = (options.bom ? "\uFEFF" : "") + toCsv(injected.rows);
  return { bytes: new TextEncoder().encode(text), errors: injected.errors, rows: injected.rows };
}

/** An XLSX of the rows; `formulas` puts a formula in the given [row index, header] cells. */
export async function buildKoboXlsx(
  rows: readonly KoboRow[],
  options: { formulas?: Array<[number, KoboHeader]>; dateCells?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("data");
  sheet.addRow([...KOBO_HEADERS]);
  rows.forEach((row, i) => {
    const values: unknown[] = KOBO_HEADERS.map((h) => row[h]);
    if (options.dateCells) {
      const dobIndex = KOBO_HEADERS.indexOf("group_biodata/date_of_birth");
      values[dobIndex] = new Date(`${row["group_biodata/date_of_birth"]}T00:00:00Z`);
    }
    for (const [r, header] of options.formulas ?? []) {
      if (r === i)
        values[KOBO_HEADERS.indexOf(header)] = {
          formula: 'HYPERLINK("http://example.invalid","x")',
          result: "x",
        };
    }
    sheet.addRow(values);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
