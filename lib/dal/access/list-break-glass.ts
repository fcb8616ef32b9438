import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { beneficiaries, breakGlassGrants, users } from "@/db/schema";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { beneficiaryScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";

export interface BreakGlassReview {
  id: string;
  beneficiaryId: string;
  caseNumber: string;
  category: SensitiveCategory;
  reason: string;
  userName: string;
  userRole: string;
  grantedAt: string;
  expiresAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/**
 * Break-glass openings of cases in the supervisor's scope, unreviewed first. The reasons may name
 * people, so reading the list is itself recorded.
 */
export async function listBreakGlass(
  ctx: DalContext,
  options: { beneficiaryId?: string; unreviewedOnly?: boolean } = {},
): Promise<BreakGlassReview[]> {
  const scope = authorize(ctx.actor, "sensitive.review_break_glass");
  const reviewer = alias(users, "reviewer");
  return withTransaction(ctx, async (tx) => {
    const conditions = [beneficiaryScope(ctx.actor, scope)];
    if (options.beneficiaryId) conditions.push(eq(breakGlassGrants.beneficiaryId, options.beneficiaryId));
    if (options.unreviewedOnly) conditions.push(isNull(breakGlassGrants.reviewedAt));
    const rows = await tx
      .select({
        id: breakGlassGrants.id,
        beneficiaryId: breakGlassGrants.beneficiaryId,
        caseNumber: beneficiaries.caseNumber,
        category: breakGlassGrants.category,
        reason: breakGlassGrants.reason,
        userName: users.name,
        userRole: users.role,
        grantedAt: breakGlassGrants.grantedAt,
        expiresAt: breakGlassGrants.expiresAt,
        reviewedBy: reviewer.name,
        reviewedAt: breakGlassGrants.reviewedAt,
      })
      .from(breakGlassGrants)
      .innerJoin(beneficiaries, eq(beneficiaries.id, breakGlassGrants.beneficiaryId))
      .innerJoin(users, eq(users.id, breakGlassGrants.userId))
      .leftJoin(reviewer, eq(reviewer.id, breakGlassGrants.reviewedBy))
      .where(and(...conditions))
      .orderBy(breakGlassGrants.reviewedAt, desc(breakGlassGrants.grantedAt))
      .limit(200);
    await recordAudit(tx, ctx, {
      action: "list",
      entity: "break_glass",
      entityId: options.beneficiaryId ?? null,
      detail: { count: rows.length },
    });
    return rows.map((r) => ({
      ...r,
      grantedAt: r.grantedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
    }));
  });
}
