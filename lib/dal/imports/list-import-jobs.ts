import "server-only";
import { desc, eq } from "drizzle-orm";
import { importJobs, users } from "@/db/schema";
import type { ImportJobView } from "@/lib/domain/import/report";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { toJobView } from "./get-import-job";

/** The office's recent imports: who imported which file, when, in which mode, with what result. */
export async function listImportJobs(ctx: DalContext, limit = 20): Promise<ImportJobView[]> {
  authorize(ctx.actor, "import.read");
  return withTransaction(ctx, async (tx) => {
    const rows = await tx
      .select({ job: importJobs, createdByName: users.name })
      .from(importJobs)
      .innerJoin(users, eq(users.id, importJobs.createdBy))
      .where(eq(importJobs.officeCode, ctx.actor.officeCode))
      .orderBy(desc(importJobs.createdAt))
      .limit(Math.min(Math.max(1, limit), 100));
    return rows.map((r) => toJobView({ ...r.job, createdByName: r.createdByName }, false));
  });
}
