import "server-only";
import { sql as dsql, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { baladiyas, importJobs } from "@/db/schema";
import { type ImportField, type ImportMappingSpec, REQUIRED_IMPORT_FIELDS } from "@/lib/domain/import/fields";
import { type DuplicateFinding, type ImportReport, MAX_STORED_ISSUES } from "@/lib/domain/import/report";
import { type BaladiyaIndex, foldPlaceName } from "@/lib/domain/import/values";
import { DEFAULT_LIMITS, type FileIssue, type ParseLimits, parseImportFile } from "@/lib/import/parse-file";
import type { ImportOptions } from "@/lib/validation/import";
import { linkAuditChainSoon } from "../audit/link-chain";
import { recordAudit } from "../audit/record-audit";
import type { DalContext } from "../context";
import { stageRows } from "./stage-rows";
import { connectionOf } from "./staging";
import { stageAndDedupe, tuneImportTransaction, writeStaged } from "./write-import";

const HEARTBEAT_MS = 10_000;
const holder = globalThis as { sanadImports?: Set<string> };
holder.sanadImports ??= new Set<string>();
/** Jobs this process is working on; dev reloads keep the same set. */
const running = holder.sanadImports;

/** Whether this process is working on the job right now. */
export const isRunningHere = (jobId: string) => running.has(jobId);

async function loadBaladiyas(): Promise<BaladiyaIndex> {
  const rows = await getDb()
    .select({ pcode: baladiyas.pcode, en: baladiyas.nameEn, ar: baladiyas.nameAr })
    .from(baladiyas);
  const counts = new Map<string, string[]>();
  for (const r of rows) {
    for (const name of [r.en, r.ar]) {
      if (!name) continue;
      const key = foldPlaceName(name);
      counts.set(key, [...new Set([...(counts.get(key) ?? []), r.pcode])]);
    }
  }
  // A name two baladiyas share is no answer: the file must give the P-code.
  const byName = new Map(
    [...counts].filter(([, codes]) => codes.length === 1).map(([k, codes]) => [k, codes[0] as string]),
  );
  return { codes: new Set(rows.map((r) => r.pcode)), byName };
}

function mappingIssues(headers: readonly string[], spec: ImportMappingSpec): FileIssue[] {
  const issues: FileIssue[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!spec.columns[field]) issues.push({ key: "import.file.unmappedField", column: field });
  }
  for (const [field, header] of Object.entries(spec.columns)) {
    if (header && !headers.includes(header))
      issues.push({ key: "import.file.missingColumn", column: `${field}:${header}` });
  }
  if (!spec.columns.dateOfBirth && !spec.columns.estimatedAge) {
    issues.push({ key: "import.file.unmappedField", column: "dateOfBirth" satisfies ImportField });
  }
  return issues;
}

const emptyReport = (): ImportReport => ({
  fileIssues: [],
  rowIssues: [],
  rowIssueCount: 0,
  errorRows: 0,
  validRows: 0,
  emptyRows: 0,
  duplicates: [],
  duplicateCount: 0,
});

export interface ImportRunInput {
  jobId: string;
  ownerId: string;
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
  options: ImportOptions;
  limits?: ParseLimits;
}

/**
 * The import itself, in the server process: parse, validate in batches, then stage, dedupe and
 * write in ONE transaction (all-or-nothing holds even for valid-rows-only: a crash writes nothing).
 * Progress goes to the job row through its own connection so the page can poll it meanwhile.
 */
export async function runImportJob(ctx: DalContext, input: ImportRunInput): Promise<ImportReport> {
  const db = getDb();
  const { jobId, options } = input;
  const touch = (patch: Partial<typeof importJobs.$inferInsert>) =>
    db
      .update(importJobs)
      .set({ ...patch, heartbeatAt: dsql`now()` })
      .where(eq(importJobs.id, jobId));
  running.add(jobId);
  const heartbeat = setInterval(() => void touch({}).catch(() => {}), HEARTBEAT_MS);
  heartbeat.unref?.();
  const report = emptyReport();
  const finish = async (
    status: "succeeded" | "rejected" | "failed",
    imported: number,
    tx?: Parameters<Parameters<typeof db.transaction>[0]>[0],
  ) => {
    const values = {
      status,
      phase: "done",
      report,
      errorCount: report.errorRows,
      duplicateCount: report.duplicateCount,
      importedCount: imported,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
    } as const;
    const run = async (t: NonNullable<typeof tx>) => {
      await t.update(importJobs).set(values).where(eq(importJobs.id, jobId));
      await recordAudit(t, ctx, {
        action: "import",
        entity: "import_job",
        entityId: jobId,
        detail: {
          fileName: input.fileName,
          sha256: input.sha256,
          mode: options.mode,
          outcome: report.outcome,
          rows: report.validRows + report.errorRows,
          errorRows: report.errorRows,
          duplicates: report.duplicateCount,
          imported,
          allowDuplicates: options.allowDuplicates,
          ownerId: input.ownerId,
        },
      });
    };
    if (tx) await run(tx);
    else {
      await db.transaction(run);
      linkAuditChainSoon();
    }
  };
  try {
    const parsed = await parseImportFile(input.bytes, input.fileName, input.limits ?? DEFAULT_LIMITS);
    const spec: ImportMappingSpec = options.mapping;
    const fileIssues = parsed.ok ? mappingIssues(parsed.file.headers, spec) : parsed.issues;
    if (!parsed.ok || fileIssues.length > 0) {
      report.fileIssues = fileIssues;
      report.outcome = "rejected";
      await finish("rejected", 0);
      return report;
    }
    const file = parsed.file;
    await touch({ phase: "validating", total: file.rows.length });
    const staged = await stageRows(file, spec, await loadBaladiyas(), {
      maxIssues: MAX_STORED_ISSUES,
      onProgress: (processed) => touch({ processed }).then(() => undefined),
    });
    Object.assign(report, {
      rowIssues: staged.issues,
      rowIssueCount: staged.issueCount,
      errorRows: staged.errorRows,
      validRows: staged.rows.length,
      emptyRows: staged.emptyRows,
    });
    await touch({ phase: "deduplicating", processed: file.rows.length, errorCount: staged.errorRows });
    const includeDuplicates = options.allowDuplicates;
    await db.transaction(async (tx) => {
      const conn = connectionOf(tx);
      await tuneImportTransaction(conn);
      let duplicates: DuplicateFinding[] = [];
      if (staged.rows.length > 0) duplicates = await stageAndDedupe(conn, ctx.actor, staged.rows);
      report.duplicateCount = duplicates.length;
      report.duplicates = duplicates
        .slice(0, MAX_STORED_ISSUES)
        .map((d) => ({ ...d, imported: includeDuplicates }));
      const blocked =
        options.mode === "dry_run" || (options.mode === "all_or_nothing" && staged.errorRows > 0);
      let imported = 0;
      if (!blocked && staged.rows.length > 0) {
        await touch({ phase: "writing", duplicateCount: duplicates.length });
        imported = await writeStaged(conn, {
          jobId,
          actor: ctx.actor,
          ip: ctx.ip ?? null,
          ownerId: input.ownerId,
          includeDuplicates,
          duplicateReason: includeDuplicates ? (options.duplicateReason ?? null) : null,
          onProgress: (written) => touch({ importedCount: written }).then(() => undefined),
        });
      }
      if (blocked && options.mode === "dry_run") report.outcome = "dry_run";
      else report.outcome = imported > 0 ? "imported" : "nothing_written";
      await finish("succeeded", imported, tx);
    });
    // The job's own transaction, not withTransaction: ask for its audit rows to be chained now.
    linkAuditChainSoon();
    return report;
  } catch (error) {
    report.fileIssues = [{ key: "import.file.failed" }];
    report.outcome = "failed";
    await finish("failed", 0).catch(() => {});
    throw error;
  } finally {
    clearInterval(heartbeat);
    running.delete(jobId);
  }
}
