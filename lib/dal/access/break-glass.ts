import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { breakGlassGrants } from "@/db/schema";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { breakGlassSchema } from "@/lib/validation/access";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse";

/** A break-glass opening lasts as long as a session can (lib/auth/config.ts), then must be repeated. */
export const BREAK_GLASS_HOURS = 8;

export interface BreakGlassResult {
  grantId: string;
  expiresAt: string;
}

/**
 * Opens one sensitive category of one case the actor can already reach, without holding the
 * category's grant: the written reason is kept, the opening is audited and flagged for the
 * office's supervisor, and it expires after BREAK_GLASS_HOURS.
 */
export async function breakGlass(
  ctx: DalContext,
  beneficiaryId: string,
  category: SensitiveCategory,
  reason: string,
  now: Date = new Date(),
): Promise<BreakGlassResult> {
  const scope = authorize(ctx.actor, "sensitive.break_glass");
  const input = parseInput(breakGlassSchema, { category, reason });
  return withTransaction(ctx, async (tx) => {
    const row = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!row) throw notFound();
    const [open] = await tx
      .select({ id: breakGlassGrants.id, expiresAt: breakGlassGrants.expiresAt })
      .from(breakGlassGrants)
      .where(
        and(
          eq(breakGlassGrants.beneficiaryId, row.id),
          eq(breakGlassGrants.userId, ctx.actor.id),
          eq(breakGlassGrants.category, input.category),
          gt(breakGlassGrants.expiresAt, now),
        ),
      );
    if (open) return { grantId: open.id, expiresAt: open.expiresAt.toISOString() };
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
    const [grant] = await tx
      .insert(breakGlassGrants)
      .values({
        userId: ctx.actor.id,
        beneficiaryId: row.id,
        category: input.category,
        reason: input.reason,
        grantedAt: now,
        expiresAt,
      })
      .returning({ id: breakGlassGrants.id });
    if (!grant) throw new Error("break-glass grant not written");
    await recordAudit(tx, ctx, {
      action: "break_glass",
      entity: "beneficiary",
      entityId: row.id,
      detail: { category: input.category, grantId: grant.id, office: row.officeCode },
      flagged: true,
    });
    return { grantId: grant.id, expiresAt: expiresAt.toISOString() };
  });
}
