import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { setActiveSchema, updateUserSchema } from "@/lib/validation/user";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { parseInput } from "../parse";

/** Changes a user's role or office. The change applies at the user's next request. */
export async function updateUser(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  authorize(ctx.actor, "user.update");
  const v = parseInput(updateUserSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, v.id));
    if (!current) throw notFound();
    if (current.id === ctx.actor.id && v.role !== current.role)
      throw invalid({ role: ["cannotChangeOwnRole"] });
    const [updated] = await tx
      .update(users)
      .set({
        role: v.role,
        officeCode: v.officeCode,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, v.id), eq(users.version, v.version)))
      .returning({ version: users.version });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "user",
      entityId: v.id,
      detail: { role: [current.role, v.role], office: [current.officeCode, v.officeCode] },
    });
    return updated;
  });
}

/** Deactivating ends the user's sessions at their next request; reactivating lets them sign in again. */
export async function setUserActive(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  authorize(ctx.actor, "user.deactivate");
  const v = parseInput(setActiveSchema, input);
  if (v.id === ctx.actor.id && !v.active) throw invalid({ _form: ["cannotDeactivateSelf"] });
  return withTransaction(ctx, async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({
        active: v.active,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        failedSignIns: 0,
        lockedUntil: null,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, v.id), eq(users.version, v.version)))
      .returning({ version: users.version });
    if (!updated) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, v.id));
      throw exists ? conflict() : notFound();
    }
    await recordAudit(tx, ctx, {
      action: v.active ? "activate" : "deactivate",
      entity: "user",
      entityId: v.id,
    });
    return updated;
  });
}
