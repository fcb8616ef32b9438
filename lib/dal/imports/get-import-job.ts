import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { importJobs, users } from "@/db/schema";
import type { ImportPhase } from "@/lib/domain/import/fields";
import { type ImportJobView, type ImportReport, progressPercent } from "@/lib/domain/import/report";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { isRunningHere } from "./run-import-job";

/** A running job whose worker has not been heard of for this long died with its process. */
export const STALE_AFTER_SECONDS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type JobRow = typeof importJobs.$inferSelect & { createdByName: string };

export function toJobView(r: JobRow, withReport: boolean): ImportJobView {
  const report = r.report as ImportReport;
  const toWrite = Math.max(0, r.total - r.errorCount - (r.allowDuplicates ? 0 : r.duplicateCount));
  return {
    id: r.id,
    fileName: r.fileName,
    sha256: r.sha256,
    mode: r.mode,
    status: r.status,
    phase: r.phase as ImportPhase,
    total: r.total,
    processed: r.processed,
    errorCount: r.errorCount,
    duplicateCount: r.duplicateCount,
    importedCount: r.importedCount,
    percent: progressPercent(
      r.phase as ImportPhase,
      r.status,
      r.processed,
      r.total,
      r.importedCount,
      toWrite,
    ),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    createdByName: r.createdByName,
    report: withReport && r.status !== "running" ? report : null,
  };
}

/**
 * One import job of the supervisor's office, with its report once finished. Reading it is how a
 * dead job is found: still "running", not running here and silent for a minute → failed.
 */
export async function getImportJob(ctx: DalContext, id: string): Promise<ImportJobView> {
  authorize(ctx.actor, "import.read");
  if (!UUID.test(id)) throw notFound();
  return withTransaction(ctx, async (tx) => {
    if (!isRunningHere(id)) {
      await tx
        .update(importJobs)
        .set({
          status: "failed",
          phase: "done",
          finishedAt: sql`now()`,
          report: sql`${importJobs.report} || ${JSON.stringify({ outcome: "failed", fileIssues: [{ key: "import.file.interrupted" }], rowIssues: [], duplicates: [] })}::jsonb`,
        })
        .where(
          and(
            eq(importJobs.id, id),
            eq(importJobs.status, "running"),
            lt(importJobs.heartbeatAt, sql`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`),
          ),
        );
    }
    const [row] = await tx
      .select({ job: importJobs, createdByName: users.name })
      .from(importJobs)
      .innerJoin(users, eq(users.id, importJobs.createdBy))
      .where(and(eq(importJobs.id, id), eq(importJobs.officeCode, ctx.actor.officeCode)));
    if (!row) throw notFound();
    return toJobView({ ...row.job, createdByName: row.createdByName }, true);
  });
}
