import "server-only";
import { eq } from "drizzle-orm";
import { users, userTotp, userTotpRecoveryCodes } from "@/db/schema";
import { secondFactorCodeSchema } from "@/lib/validation/two-factor";
import { recordAudit } from "../audit/record-audit";
import { countFailure } from "../auth/lockout";
import { type DalContext, withTransaction } from "../context";
import { conflict, DalError, invalid } from "../errors";
import { parseInput } from "../parse";
import { consumeSecondFactor } from "./second-factor";

/**
 * Turns the actor's TOTP off, proven by a current code or an unused recovery code. Wrong codes
 * count toward the account lockout, and a locked account cannot disable, so a borrowed session
 * cannot search the code space. If the actor's role requires TOTP they are sent to enrol again.
 */
export async function disableTwoFactor(ctx: DalContext, input: unknown, now = new Date()): Promise<void> {
  const { code } = parseInput(secondFactorCodeSchema, input);
  const outcome = await withTransaction(ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, ctx.actor.id)).for("update");
    if (!user) throw conflict();
    if (user.lockedUntil && user.lockedUntil > now) return "locked" as const;
    const result = await consumeSecondFactor(tx, user.id, code, now);
    if (!result.ok) {
      if (result.reason === "not_enrolled") throw conflict();
      const lock = await countFailure(tx, user, now);
      await recordAudit(tx, ctx, {
        action: "totp_code_failed",
        entity: "user",
        entityId: user.id,
        detail: { purpose: "disable", reason: result.reason },
      });
      if (lock) await recordAudit(tx, ctx, { action: "account_locked", entity: "user", entityId: user.id });
      return lock ? ("locked" as const) : ("wrong" as const);
    }
    if (result.via === "recovery_code") {
      await recordAudit(tx, ctx, {
        action: "totp_recovery_code_used",
        entity: "user",
        entityId: user.id,
        detail: { purpose: "disable", remaining: result.remaining },
      });
    }
    await tx.delete(userTotpRecoveryCodes).where(eq(userTotpRecoveryCodes.userId, user.id));
    await tx.delete(userTotp).where(eq(userTotp.userId, user.id));
    await tx.update(users).set({ failedSignIns: 0 }).where(eq(users.id, user.id));
    await recordAudit(tx, ctx, {
      action: "totp_disabled",
      entity: "user",
      entityId: user.id,
      detail: { via: result.via },
    });
    return "disabled" as const;
  });
  if (outcome === "locked") throw new DalError("locked");
  if (outcome === "wrong") throw invalid({ code: ["twoFactor.validation.wrongCode"] });
}
