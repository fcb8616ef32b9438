import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { changePasswordSchema } from "@/lib/validation/user";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { invalid } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { assertPasswordPolicy } from "./password-policy";

/** Changes the actor's own password and ends their other sessions; returns the new session version. */
export async function changePassword(ctx: DalContext, input: unknown): Promise<{ sessionVersion: number }> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const { currentPassword, newPassword } = parsed.data;
  assertPasswordPolicy("newPassword", newPassword);
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, ctx.actor.id)).for("update");
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw invalid({ currentPassword: ["wrongPassword"] });
    }
    const [updated] = await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(newPassword),
        mustChangePassword: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    await recordAudit(tx, ctx, { action: "password_changed", entity: "user", entityId: user.id });
    return { sessionVersion: updated?.sessionVersion ?? user.sessionVersion + 1 };
  });
}
