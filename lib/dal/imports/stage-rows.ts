import "server-only";
import { pooledRandomBytes, uuidV7 } from "@/lib/domain/ids";
import type { ImportField, ImportMappingSpec } from "@/lib/domain/import/fields";
import { type RowIssue, readRow } from "@/lib/domain/import/row";
import type { BaladiyaIndex } from "@/lib/domain/import/values";
import { formatCaseNumber, nameKey } from "@/lib/domain/names";
import { isEmptyRow, type ParsedFile } from "@/lib/import/parse-file";
import { resolveDateOfBirth } from "@/lib/validation/beneficiary";
import type { StagingRow } from "./staging";

export interface StagedRows {
  rows: StagingRow[];
  issues: RowIssue[];
  issueCount: number;
  errorRows: number;
  emptyRows: number;
}

/** A fresh case number not in `taken` (which it joins); the database check comes after staging. */
export function allocateCaseNumber(taken: Set<string>, year: number, random: () => Uint8Array): string {
  for (;;) {
    const candidate = formatCaseNumber(year, random());
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/**
 * Validates every row of the file with the registration rules and turns the valid ones into
 * staging rows. Calls `onProgress` every `every` rows so the job's progress bar moves.
 */
export async function stageRows(
  file: ParsedFile,
  spec: ImportMappingSpec,
  baladiyas: BaladiyaIndex,
  options: { maxIssues: number; every?: number; onProgress?: (processed: number) => Promise<void> },
): Promise<StagedRows> {
  const columns = new Map<ImportField, number>();
  for (const [field, header] of Object.entries(spec.columns)) {
    const index = file.headers.indexOf(header as string);
    if (index >= 0) columns.set(field as ImportField, index);
  }
  const ctx = { columns, mapping: spec.columns, values: spec.values, baladiyas };
  const year = new Date().getUTCFullYear();
  const taken = new Set<string>();
  const random = pooledRandomBytes(6);
  const idRandom = pooledRandomBytes(16);
  const out: StagedRows = { rows: [], issues: [], issueCount: 0, errorRows: 0, emptyRows: 0 };
  const every = options.every ?? 2000;
  for (let i = 0; i < file.rows.length; i++) {
    if (i > 0 && i % every === 0) await options.onProgress?.(i);
    const cells = file.rows[i] as string[];
    const rowNumber = i + 2;
    if (isEmptyRow(cells)) {
      out.emptyRows++;
      continue;
    }
    const extra = cells.slice(file.headers.length).some((c) => c.trim() !== "");
    const result = readRow(cells, rowNumber, ctx);
    const issues = result.ok ? [] : [...result.issues];
    if (extra) issues.push({ row: rowNumber, field: null, column: null, key: "import.errors.columnCount" });
    if (issues.length > 0 || !result.ok) {
      out.errorRows++;
      out.issueCount += issues.length;
      for (const issue of issues) if (out.issues.length < options.maxIssues) out.issues.push(issue);
      continue;
    }
    const v = result.value;
    const b = v.biodata;
    const { dateOfBirth, dobEstimated } = resolveDateOfBirth(b);
    const obtained = v.consent.obtained === "yes";
    out.rows.push([
      rowNumber,
      // Time-ordered, so the people and their consents go to the right edge of their indexes.
      uuidV7(Date.now(), idRandom()),
      allocateCaseNumber(taken, year, random),
      b.familyName,
      b.givenNames,
      b.nameAr ?? null,
      nameKey(b.familyName, b.givenNames, b.nameAr),
      b.sex,
      dateOfBirth,
      dobEstimated,
      b.nationality,
      b.populationType,
      b.languages,
      b.phone ?? null,
      b.baladiyaPcode,
      b.detained,
      b.detained ? (b.detentionCentre ?? null) : null,
      b.detained && b.detainedSince ? b.detainedSince : null,
      b.uascStatus ? b.uascStatus : null,
      b.vulnerabilities,
      obtained,
      obtained ? v.consent.givenBy || null : null,
      obtained ? v.consent.givenOn || null : null,
      obtained ? v.consent.purposes : [],
      obtained ? null : (v.consent.vitalInterestReason ?? null),
    ]);
  }
  await options.onProgress?.(file.rows.length);
  return out;
}
