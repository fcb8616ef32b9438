import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { beneficiaries } from "@/db/schema";
import { updateBeneficiarySchema } from "@/lib/validation/beneficiary";
import { canSeeCategory } from "../access/can-see-category";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";
import { biodataColumns } from "./register-beneficiary";
import { findInScope } from "./scope";

/**
 * Saves an edit only if nobody saved in between: the form carries the version it was loaded at,
 * and a stale version changes nothing and reports a conflict.
 */
export async function updateBeneficiary(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "beneficiary.update");
  const v = parseInput(updateBeneficiarySchema, input);
  const columns = biodataColumns(v.biodata);
  return withTransaction(ctx, async (tx) => {
    const current = await findInScope(tx, ctx.actor, scope, v.id);
    if (!current) throw notFound();
    // Someone who cannot see the detention details cannot have edited them: keep what is stored.
    if (!(await canSeeCategory(tx, ctx.actor, current.id, "detention"))) {
      columns.detained = current.detained;
      columns.detentionCentre = current.detentionCentre;
      columns.detainedSince = current.detainedSince;
    }
    const [updated] = await tx
      .update(beneficiaries)
      .set({ ...columns, version: sql`${beneficiaries.version} + 1`, updatedAt: new Date() })
      .where(and(eq(beneficiaries.id, v.id), eq(beneficiaries.version, v.version)))
      .returning({ version: beneficiaries.version });
    if (!updated) throw conflict();
    const changed = Object.entries(columns)
      .filter(([k, value]) => JSON.stringify(current[k as keyof typeof current]) !== JSON.stringify(value))
      .map(([k]) => k);
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "beneficiary",
      entityId: v.id,
      detail: { fields: changed },
    });
    return updated;
  });
}
