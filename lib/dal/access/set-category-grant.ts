import "server-only";
import { and, eq } from "drizzle-orm";
import { userCategoryGrants, users } from "@/db/schema";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { type CategoryGrantInput, categoryGrantSchema } from "@/lib/validation/access";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse";

/** The administrator grants or revokes one sensitive category for one user. */
export async function setCategoryGrant(
  ctx: DalContext,
  input: CategoryGrantInput,
): Promise<SensitiveCategory[]> {
  authorize(ctx.actor, "sensitive.grant");
  const { userId, category, granted } = parseInput(categoryGrantSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound();
    const where = and(eq(userCategoryGrants.userId, userId), eq(userCategoryGrants.category, category));
    const [existing] = await tx.select().from(userCategoryGrants).where(where);
    if (granted && !existing) {
      await tx.insert(userCategoryGrants).values({ userId, category, grantedBy: ctx.actor.id });
    } else if (!granted && existing) {
      await tx.delete(userCategoryGrants).where(where);
    }
    if (granted !== Boolean(existing)) {
      await recordAudit(tx, ctx, {
        action: granted ? "category_granted" : "category_revoked",
        entity: "user",
        entityId: userId,
        detail: { category },
      });
    }
    return listGrants(tx, userId);
  });
}

async function listGrants(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], userId: string) {
  const rows = await tx
    .select({ category: userCategoryGrants.category })
    .from(userCategoryGrants)
    .where(eq(userCategoryGrants.userId, userId));
  return rows.map((r) => r.category).sort();
}

/** The categories granted to a user, for the administrator's user page. */
export async function getCategoryGrants(ctx: DalContext, userId: string): Promise<SensitiveCategory[]> {
  authorize(ctx.actor, "sensitive.grant");
  return withTransaction(ctx, (tx) => listGrants(tx, userId));
}
