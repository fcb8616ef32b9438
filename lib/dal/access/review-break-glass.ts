import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { breakGlassGrants } from "@/db/schema";
import { uuid } from "@/lib/validation/common";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";

/** The supervisor acknowledges a break-glass opening of a case of their office. */
export async function reviewBreakGlass(ctx: DalContext, grantId: string): Promise<void> {
  const scope = authorize(ctx.actor, "sensitive.review_break_glass");
  const id = parseInput(uuid, grantId);
  await withTransaction(ctx, async (tx) => {
    const [grant] = await tx.select().from(breakGlassGrants).where(eq(breakGlassGrants.id, id)).for("update");
    if (!grant || !(await findInScope(tx, ctx.actor, scope, grant.beneficiaryId))) throw notFound();
    // A supervisor does not sign off their own break-glass.
    if (grant.userId === ctx.actor.id) throw notFound();
    const updated = await tx
      .update(breakGlassGrants)
      .set({ reviewedBy: ctx.actor.id, reviewedAt: new Date() })
      .where(and(eq(breakGlassGrants.id, id), isNull(breakGlassGrants.reviewedAt)))
      .returning({ id: breakGlassGrants.id });
    if (updated.length === 0) throw conflict();
    await recordAudit(tx, ctx, {
      action: "break_glass_reviewed",
      entity: "beneficiary",
      entityId: grant.beneficiaryId,
      detail: { grantId: id, category: grant.category },
    });
  });
}
