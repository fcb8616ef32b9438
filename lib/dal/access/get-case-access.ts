import "server-only";
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from "@/lib/domain/sensitive";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { type CategoryAccess, categoryAccess } from "./can-see-category";

export interface CaseAccess {
  categories: Record<SensitiveCategory, CategoryAccess>;
  /** Whether the actor may open a restricted category with a reason. */
  canBreakGlass: boolean;
}

/** Which sensitive sections of a case the actor sees. Reveals no personal data, so is not audited. */
export async function getCaseAccess(
  ctx: DalContext,
  beneficiaryId: string,
  now = new Date(),
): Promise<CaseAccess> {
  const scope = authorize(ctx.actor, "beneficiary.read");
  return withTransaction(ctx, async (tx) => {
    const row = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!row) throw notFound();
    const categories = await categoryAccess(tx, ctx.actor, row.id, SENSITIVE_CATEGORIES, now);
    let canBreakGlass = false;
    try {
      canBreakGlass =
        (await findInScope(tx, ctx.actor, authorize(ctx.actor, "sensitive.break_glass"), row.id)) !==
        undefined;
    } catch {
      canBreakGlass = false;
    }
    return { categories, canBreakGlass };
  });
}
