import "server-only";
import { and, eq, gt, inArray } from "drizzle-orm";
import { beneficiaries, breakGlassGrants } from "@/db/schema";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import type { Actor, Tx } from "../context";

/**
 * granted: an administrator's grant; case_team: the case owner or the office's supervisor, who
 * manage the case and so see all of it; break_glass: an unexpired break-glass opening.
 */
export type CategoryAccess = "granted" | "case_team" | "break_glass" | "restricted";

/**
 * Whether the actor may see a sensitive category of one case: as the case owner or the office's
 * supervisor, by a grant from the administrator, or by a break-glass opening of this case and
 * category that has not expired (break-glass.ts).
 * It decides the category only: call it after loading the case within the actor's scope
 * (findInScope), since access to the case itself is the use case's own check.
 */
export async function canSeeCategory(
  tx: Tx,
  actor: Actor,
  beneficiaryId: string,
  category: SensitiveCategory,
  now: Date = new Date(),
): Promise<boolean> {
  const access = await categoryAccess(tx, actor, beneficiaryId, [category], now);
  return access[category] !== "restricted";
}

/** The access to several categories of one case at once, for pages that show each section. */
export async function categoryAccess<C extends SensitiveCategory>(
  tx: Tx,
  actor: Actor,
  beneficiaryId: string,
  categories: readonly C[],
  now: Date = new Date(),
): Promise<Record<C, CategoryAccess>> {
  const result = {} as Record<C, CategoryAccess>;
  const [team] = await tx
    .select({ ownerId: beneficiaries.ownerId, officeCode: beneficiaries.officeCode })
    .from(beneficiaries)
    .where(eq(beneficiaries.id, beneficiaryId));
  const caseTeam =
    team !== undefined &&
    (team.ownerId === actor.id || (actor.role === "supervisor" && team.officeCode === actor.officeCode));
  const missing: C[] = [];
  for (const category of categories) {
    if (actor.categories.includes(category)) result[category] = "granted";
    else if (caseTeam) result[category] = "case_team";
    else missing.push(category);
  }
  if (missing.length > 0) {
    const open = await tx
      .select({ category: breakGlassGrants.category })
      .from(breakGlassGrants)
      .where(
        and(
          eq(breakGlassGrants.beneficiaryId, beneficiaryId),
          eq(breakGlassGrants.userId, actor.id),
          inArray(breakGlassGrants.category, missing),
          gt(breakGlassGrants.expiresAt, now),
        ),
      );
    const opened = new Set<string>(open.map((g) => g.category));
    for (const category of missing) result[category] = opened.has(category) ? "break_glass" : "restricted";
  }
  return result;
}
