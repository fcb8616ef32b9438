import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { beneficiaries, users } from "@/db/schema";
import { reassignSchema } from "@/lib/validation/beneficiary";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { findInScope } from "./scope";

/** A supervisor hands a case of their office to another active caseworker or supervisor of that office. */
export async function reassignBeneficiary(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "beneficiary.reassign");
  const v = parseInput(reassignSchema, input);
  return withTransaction(ctx, async (tx) => {
    const current = await findInScope(tx, ctx.actor, scope, v.id);
    if (!current) throw notFound();
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, v.ownerId),
          eq(users.active, true),
          eq(users.officeCode, current.officeCode),
          sql`${users.role} in ('caseworker', 'supervisor')`,
        ),
      );
    if (!owner) throw invalid({ ownerId: ["ownerNotEligible"] });
    const [updated] = await tx
      .update(beneficiaries)
      .set({ ownerId: v.ownerId, version: sql`${beneficiaries.version} + 1`, updatedAt: new Date() })
      .where(and(eq(beneficiaries.id, v.id), eq(beneficiaries.version, v.version)))
      .returning({ version: beneficiaries.version });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "reassign",
      entity: "beneficiary",
      entityId: v.id,
      detail: { from: current.ownerId, to: v.ownerId },
    });
    return updated;
  });
}

/** Who a case of the actor's office can be handed to. */
export async function listAssignableOwners(ctx: DalContext): Promise<Array<{ id: string; name: string }>> {
  authorize(ctx.actor, "beneficiary.reassign");
  return withTransaction(ctx, (tx) =>
    tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.officeCode, ctx.actor.officeCode),
          eq(users.active, true),
          sql`${users.role} in ('caseworker', 'supervisor')`,
        ),
      )
      .orderBy(users.name),
  );
}
