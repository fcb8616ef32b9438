import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { importJobs, users } from "@/db/schema";
import type { ImportReport } from "@/lib/domain/import/report";
import type { ParseLimits } from "@/lib/import/parse-file";
import { importFileSchema, importOptionsSchema } from "@/lib/validation/import";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid } from "../errors";
import { parseInput } from "../parse";
import { runImportJob } from "./run-import-job";

export interface StartImportInput {
  fileName: string;
  bytes: Uint8Array;
  options: unknown;
}

/**
 * Records an import job and starts it in this server process. The caller gets the job id at once
 * (the page polls it); `finished` settles when the job does, for tests and scripts to await.
 */
export async function startImport(
  ctx: DalContext,
  input: StartImportInput,
  limits?: ParseLimits,
): Promise<{ jobId: string; finished: Promise<ImportReport> }> {
  authorize(ctx.actor, "import.run");
  const file = parseInput(importFileSchema, { fileName: input.fileName, bytes: input.bytes });
  const options = parseInput(importOptionsSchema, input.options);
  const ownerId = options.ownerId || ctx.actor.id;
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const jobId = await withTransaction(ctx, async (tx) => {
    if (ownerId !== ctx.actor.id) {
      // Imported cases stay in the supervisor's office: only an active colleague there may own them.
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, ownerId),
            eq(users.officeCode, ctx.actor.officeCode),
            eq(users.active, true),
            inArray(users.role, ["caseworker", "supervisor"]),
          ),
        );
      if (!owner) throw invalid({ ownerId: ["ownerNotEligible"] });
    }
    const [job] = await tx
      .insert(importJobs)
      .values({
        officeCode: ctx.actor.officeCode,
        createdBy: ctx.actor.id,
        ownerId,
        fileName: file.fileName,
        sha256,
        mode: options.mode,
        allowDuplicates: options.allowDuplicates,
        duplicateReason: options.allowDuplicates ? (options.duplicateReason ?? null) : null,
      })
      .returning({ id: importJobs.id });
    if (!job) throw new Error("insert returned no row");
    return job.id;
  });
  const finished = runImportJob(
    { actor: ctx.actor, ip: ctx.ip ?? null },
    { jobId, ownerId, fileName: file.fileName, sha256, bytes: file.bytes, options, limits },
  );
  // The page learns of a failure by polling; nothing may crash the server process meanwhile.
  finished.catch(() => {});
  return { jobId, finished };
}
