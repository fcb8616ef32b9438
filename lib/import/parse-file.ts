import ExcelJS from "exceljs";
import Papa from "papaparse";

/** A problem with the file as a whole: nothing from it is imported. Row/column point at the first place found. */
export interface FileIssue {
  key: string;
  row?: number;
  column?: string;
}

export interface ParsedFile {
  headers: string[];
  /** Data rows as text; rows[0] is spreadsheet row 2. */
  rows: string[][];
}

export type ParseResult = { ok: true; file: ParsedFile } | { ok: false; issues: FileIssue[] };

export interface ParseLimits {
  maxBytes: number;
  maxRows: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: Number(process.env.IMPORT_MAX_BYTES) || 20 * 1024 * 1024,
  maxRows: Number(process.env.IMPORT_MAX_ROWS) || 100_000,
};

/** Cells listed per kind of file problem; the rest are counted only. */
const MAX_LISTED = 50;

/**
 * A cell a spreadsheet would run as a formula (CSV injection): "=…", "@…", or "+"/"-" followed by
 * a letter or operator. A phone number like "+218 91…" or a negative number is not one.
 */
export function looksLikeFormula(cell: string): boolean {
  return /^[\t\r]*(?:[=@]|[+-]\s*[A-Za-z=@+-])/.test(cell);
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function parseImportFile(
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits = DEFAULT_LIMITS,
): Promise<ParseResult> {
  if (bytes.length === 0) return fail("import.file.empty");
  if (bytes.length > limits.maxBytes) return fail("import.file.tooLarge");
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx") || isZip(bytes)) {
    if (!isZip(bytes)) return fail("import.file.notXlsx");
    return parseXlsx(bytes, limits);
  }
  if (lower.endsWith(".xls")) return fail("import.file.oldExcel");
  return parseCsv(bytes, limits);
}

function fail(key: string, extra: Omit<FileIssue, "key"> = {}): ParseResult {
  return { ok: false, issues: [{ key, ...extra }] };
}

function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; key: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, key: "import.file.encoding" };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) control++;
  // Text never holds NUL or many control bytes; random bytes or a binary file do.
  if (sample.includes(0) || control > sample.length / 100) return { ok: false, key: "import.file.binary" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    // Windows-1256 (Arabic) or Latin-1 exports: the supervisor must re-save the file as UTF-8.
    return { ok: false, key: "import.file.encoding" };
  }
}

/** The separator used most in the header line: Kobo writes ",", Excel in French or Arabic locales ";". */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ",";
}

function parseCsv(bytes: Uint8Array, limits: ParseLimits): ParseResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(decoded.key);
  const parsed = Papa.parse<string[]>(decoded.text, {
    // Empty lines are kept so that record numbers stay the spreadsheet's row numbers.
    skipEmptyLines: false,
    delimiter: guessDelimiter(decoded.text),
  });
  const quoteErrors = parsed.errors.filter((e) => e.type === "Quotes");
  if (quoteErrors.length > 0) {
    return {
      ok: false,
      issues: quoteErrors
        .slice(0, MAX_LISTED)
        .map((e) => ({ key: "import.file.brokenQuotes", row: (e.row ?? 0) + 1 })),
    };
  }
  const [header, ...rows] = parsed.data;
  return checkTable(header ?? [], rows, limits);
}

export const isEmptyRow = (r: readonly string[]) => r.every((c) => c.trim() === "");

function checkTable(rawHeader: string[], rows: string[][], limits: ParseLimits): ParseResult {
  // Keep spreadsheet row numbers: drop only the trailing empty rows.
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1] as string[])) rows.pop();
  const headers = rawHeader.map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => h === "")) return fail("import.file.noHeader");
  const seen = new Set<string>();
  for (const h of headers) {
    if (h !== "" && seen.has(h)) return fail("import.file.duplicateHeader", { column: h });
    seen.add(h);
  }
  if (rows.length === 0) return fail("import.file.noRows");
  if (rows.length > limits.maxRows) return fail("import.file.tooManyRows");
  const issues: FileIssue[] = [];
  headers.forEach((h, c) => {
    if (looksLikeFormula(h))
      issues.push({ key: "import.file.formula", row: 1, column: h || columnLetter(c) });
  });
  for (let r = 0; r < rows.length && issues.length < MAX_LISTED; r++) {
    const row = rows[r] as string[];
    for (let c = 0; c < row.length; c++) {
      if (looksLikeFormula(row[c] as string)) {
        issues.push({ key: "import.file.formula", row: r + 2, column: headers[c] || columnLetter(c) });
        if (issues.length >= MAX_LISTED) break;
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, file: { headers, rows } };
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

async function parseXlsx(bytes: Uint8Array, limits: ParseLimits): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return fail("import.file.unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail("import.file.noRows");
  if (sheet.actualRowCount > limits.maxRows + 1) return fail("import.file.tooManyRows");
  const formulas: FileIssue[] = [];
  const table: string[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const value = cell.value as unknown;
      if (cell.type === ExcelJS.ValueType.Formula || isFormulaValue(value)) {
        // Never evaluated and never imported, not even its cached result.
        if (formulas.length < MAX_LISTED)
          formulas.push({ key: "import.file.formula", row: rowNumber, column: cell.address });
        cells[col - 1] = "";
        return;
      }
      cells[col - 1] = cellText(value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    while (table.length < rowNumber - 1) table.push([]);
    table.push(cells);
    width = Math.max(width, cells.length);
  });
  if (formulas.length > 0) return { ok: false, issues: formulas };
  const [header, ...rest] = table;
  return checkTable(header ?? [], rest, limits);
}

function isFormulaValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((p) => p.text).join("");
    if (typeof v.text === "string") return v.text;
    if (v.error !== undefined) return "";
  }
  return "";
}
