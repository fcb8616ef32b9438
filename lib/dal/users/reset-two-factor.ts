import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { users, userTotp, userTotpRecoveryCodes } from "@/db/schema";
import { resetTwoFactorSchema } from "@/lib/validation/user";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { parseInput } from "../parse";

/**
 * For a user who lost both their authenticator and their recovery codes: the administrator removes
 * the user's TOTP secret and recovery codes and ends their sessions. At the next sign-in the
 * password alone lets them in, and a role that requires two-factor sends them to enrol again.
 * The reason is audited. Administrators turn their own off with a code, as everyone does.
 */
export async function resetTwoFactor(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  authorize(ctx.actor, "user.reset_two_factor");
  const v = parseInput(resetTwoFactorSchema, input);
  if (v.id === ctx.actor.id) throw invalid({ _form: ["cannotResetOwnTwoFactor"] });
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, v.id));
    if (!user) throw notFound();
    const [updated] = await tx
      .update(users)
      .set({
        sessionVersion: sql`${users.sessionVersion} + 1`,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, v.id), eq(users.version, v.version)))
      .returning({ version: users.version });
    if (!updated) throw conflict();
    const removed = await tx
      .delete(userTotp)
      .where(eq(userTotp.userId, v.id))
      .returning({ userId: userTotp.userId });
    if (removed.length === 0) throw invalid({ _form: ["twoFactorNotSetUp"] });
    await tx.delete(userTotpRecoveryCodes).where(eq(userTotpRecoveryCodes.userId, v.id));
    await recordAudit(tx, ctx, {
      action: "totp_reset",
      entity: "user",
      entityId: v.id,
      detail: { reason: v.reason },
    });
    return updated;
  });
}
