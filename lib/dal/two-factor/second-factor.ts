import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { roleSecurityPolicies, userTotp, userTotpRecoveryCodes } from "@/db/schema";
import type { Role } from "@/lib/authz";
import { newRecoveryCodes, normaliseRecoveryCode } from "@/lib/domain/recovery-codes";
import { checkTotp, normaliseTotpCode } from "@/lib/domain/totp";
import { hashRecoveryCode, open, recoveryCodeKey, totpSecretKey } from "../auth/secret-box";
import type { Tx } from "../context";

export type SecondFactorResult =
  | { ok: true; via: "totp" }
  | { ok: true; via: "recovery_code"; remaining: number }
  | { ok: false; reason: "not_enrolled" | "malformed" | "wrong" | "replayed" | "unreadable" };

/** The user's TOTP row, locked, so two sign-ins cannot both accept the same code. */
export async function lockTotpRow(tx: Tx, userId: string) {
  const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, userId)).for("update");
  return row;
}

export async function roleRequiresTotp(tx: Tx, role: Role): Promise<boolean> {
  const [policy] = await tx
    .select({ requireTotp: roleSecurityPolicies.requireTotp })
    .from(roleSecurityPolicies)
    .where(eq(roleSecurityPolicies.role, role));
  return policy?.requireTotp ?? false;
}

/** The decrypted secret, or null when it cannot be read (AUTH_SECRET changed, row tampered with). */
export function readTotpSecret(secretEnc: string, userId: string): string | null {
  try {
    return open(totpSecretKey(), secretEnc, userId);
  } catch {
    return null;
  }
}

export async function unusedRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(userTotpRecoveryCodes)
    .where(and(eq(userTotpRecoveryCodes.userId, userId), isNull(userTotpRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * Checks an authenticator code or a recovery code for an enrolled user and consumes what it
 * accepts: the TOTP step becomes the last used one, the recovery code is marked used. Auditing and
 * lockout are the caller's, who knows what the code was for.
 */
export async function consumeSecondFactor(
  tx: Tx,
  userId: string,
  input: string,
  now: Date,
): Promise<SecondFactorResult> {
  const row = await lockTotpRow(tx, userId);
  if (!row?.enabledAt) return { ok: false, reason: "not_enrolled" };
  if (normaliseTotpCode(input)) {
    const secret = readTotpSecret(row.secretEnc, userId);
    if (!secret) return { ok: false, reason: "unreadable" };
    const check = await checkTotp(secret, input, now, row.lastStep);
    if (!check.valid) return { ok: false, reason: check.reason };
    await tx.update(userTotp).set({ lastStep: check.step }).where(eq(userTotp.userId, userId));
    return { ok: true, via: "totp" };
  }
  const code = normaliseRecoveryCode(input);
  if (!code) return { ok: false, reason: "malformed" };
  const [used] = await tx
    .update(userTotpRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTotpRecoveryCodes.userId, userId),
        eq(userTotpRecoveryCodes.codeHash, hashRecoveryCode(recoveryCodeKey(), code)),
        isNull(userTotpRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: userTotpRecoveryCodes.id });
  if (!used) return { ok: false, reason: "wrong" };
  return { ok: true, via: "recovery_code", remaining: await unusedRecoveryCodes(tx, userId) };
}

/** Replaces the user's recovery codes; the plain codes are returned once and never stored. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  const key = recoveryCodeKey();
  await tx.delete(userTotpRecoveryCodes).where(eq(userTotpRecoveryCodes.userId, userId));
  await tx
    .insert(userTotpRecoveryCodes)
    .values(
      codes.map((code) => ({ userId, codeHash: hashRecoveryCode(key, normaliseRecoveryCode(code) ?? code) })),
    );
  return codes;
}
