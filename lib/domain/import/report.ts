import type { FileIssue } from "../../import/parse-file";
import type { ImportMode, ImportPhase, ImportStatus } from "./fields";
import type { RowIssue } from "./row";

/** A row skipped (or imported anyway) because it looks like a person already known. */
export interface DuplicateFinding {
  row: number;
  kind: "existing" | "in_file";
  /** Existing records: case numbers within the supervisor's office, "office:XXX" for others. */
  candidates?: string[];
  /** In-file: the first row of the file with the same person. */
  firstRow?: number;
  imported: boolean;
}

export type ImportOutcome = "dry_run" | "imported" | "nothing_written" | "rejected" | "failed";

/** Stored with the job. Row numbers, columns and message keys only: no personal values. */
export interface ImportReport {
  outcome?: ImportOutcome;
  fileIssues: FileIssue[];
  rowIssues: RowIssue[];
  /** All row issues, including those beyond the stored list. */
  rowIssueCount: number;
  errorRows: number;
  validRows: number;
  emptyRows: number;
  duplicates: DuplicateFinding[];
  duplicateCount: number;
}

/** Issues and duplicates stored per job; a file with more still has exact counts. */
export const MAX_STORED_ISSUES = 10_000;

export interface ImportJobView {
  id: string;
  fileName: string;
  sha256: string;
  mode: ImportMode;
  status: ImportStatus;
  phase: ImportPhase;
  total: number;
  processed: number;
  errorCount: number;
  duplicateCount: number;
  importedCount: number;
  /** 0–100 across phases, for the progress bar. */
  percent: number;
  createdAt: string;
  finishedAt: string | null;
  createdByName: string;
  report: ImportReport | null;
}

export function progressPercent(
  phase: ImportPhase,
  status: ImportStatus,
  processed: number,
  total: number,
  written: number,
  toWrite: number,
): number {
  if (status !== "running") return 100;
  const share = (done: number, all: number) => (all > 0 ? Math.min(1, done / all) : 0);
  switch (phase) {
    case "parsing":
      return 2;
    case "validating":
      return Math.round(5 + 55 * share(processed, total));
    case "deduplicating":
      return 62;
    case "writing":
      return Math.round(70 + 29 * share(written, toWrite));
    case "done":
      return 100;
  }
}
