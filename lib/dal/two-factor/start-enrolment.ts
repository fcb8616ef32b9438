import "server-only";
import { isNull } from "drizzle-orm";
import { userTotp } from "@/db/schema";
import { newTotpSecret, totpUri } from "@/lib/domain/totp";
import { recordAudit } from "../audit/record-audit";
import { seal, totpSecretKey } from "../auth/secret-box";
import { type DalContext, withTransaction } from "../context";
import { conflict } from "../errors";
import { lockTotpRow } from "./second-factor";

export interface PendingEnrolment {
  /** Base32, shown once for manual entry; stored only encrypted. */
  secret: string;
  uri: string;
}

/**
 * Starts (or restarts) the actor's TOTP enrolment with a fresh secret, pending until the actor
 * proves with a code that their app holds it. Refused while TOTP is enabled: disable first.
 */
export async function startTotpEnrolment(ctx: DalContext, now = new Date()): Promise<PendingEnrolment> {
  return withTransaction(ctx, async (tx) => {
    const existing = await lockTotpRow(tx, ctx.actor.id);
    if (existing?.enabledAt) throw conflict();
    const secret = newTotpSecret();
    const secretEnc = seal(totpSecretKey(), secret, ctx.actor.id);
    const [row] = await tx
      .insert(userTotp)
      .values({ userId: ctx.actor.id, secretEnc, createdAt: now })
      .onConflictDoUpdate({
        target: userTotp.userId,
        set: { secretEnc, lastStep: null, createdAt: now },
        // Never overwrite a secret enabled by a concurrent confirmation.
        setWhere: isNull(userTotp.enabledAt),
      })
      .returning({ userId: userTotp.userId });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, { action: "totp_enrolment_started", entity: "user", entityId: ctx.actor.id });
    return { secret, uri: totpUri(secret, ctx.actor.email) };
  });
}
