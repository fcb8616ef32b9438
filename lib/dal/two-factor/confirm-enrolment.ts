import "server-only";
import { eq } from "drizzle-orm";
import { userTotp } from "@/db/schema";
import { checkTotp } from "@/lib/domain/totp";
import { secondFactorCodeSchema } from "@/lib/validation/two-factor";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid } from "../errors";
import { parseInput } from "../parse";
import { lockTotpRow, readTotpSecret, replaceRecoveryCodes } from "./second-factor";

/**
 * Enables TOTP once the actor typed a current code from their app, and issues the recovery codes,
 * which are returned this once. A wrong code is audited (the audit survives: nothing is thrown
 * inside the transaction) and reported as a field error.
 */
export async function confirmTotpEnrolment(
  ctx: DalContext,
  input: unknown,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(secondFactorCodeSchema, input);
  const recoveryCodes = await withTransaction(ctx, async (tx) => {
    const row = await lockTotpRow(tx, ctx.actor.id);
    if (!row || row.enabledAt) throw conflict();
    const secret = readTotpSecret(row.secretEnc, ctx.actor.id);
    if (!secret) throw conflict();
    const check = await checkTotp(secret, code, now, row.lastStep);
    if (!check.valid) {
      await recordAudit(tx, ctx, {
        action: "totp_code_failed",
        entity: "user",
        entityId: ctx.actor.id,
        detail: { purpose: "enrolment", reason: check.reason },
      });
      return null;
    }
    await tx
      .update(userTotp)
      .set({ enabledAt: now, lastStep: check.step })
      .where(eq(userTotp.userId, ctx.actor.id));
    const codes = await replaceRecoveryCodes(tx, ctx.actor.id);
    await recordAudit(tx, ctx, {
      action: "totp_enabled",
      entity: "user",
      entityId: ctx.actor.id,
      detail: { recoveryCodes: codes.length },
    });
    return codes;
  });
  if (!recoveryCodes) throw invalid({ code: ["twoFactor.validation.wrongCode"] });
  return { recoveryCodes };
}
