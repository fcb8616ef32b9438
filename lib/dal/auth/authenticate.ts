import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { withTransaction } from "../context";
import { consumeSecondFactor, lockTotpRow } from "../two-factor/second-factor";
import { countFailure } from "./lockout";
import { burnVerification, verifyPassword } from "./password";
import { signInRateLimited } from "./rate-limit";

export { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from "./lockout";

export interface AuthenticatedUser {
  id: string;
  role: string;
  officeCode: string;
  sessionVersion: number;
}

/**
 * - ok: signed in
 * - failed: every password-step failure, alike (unknown email, wrong password, locked, inactive)
 * - totp_required: the password was right and the account has TOTP: ask for a code
 * - totp_invalid: the password was right but the code was not (counted toward lockout)
 */
export type SignInOutcome =
  | { status: "ok"; user: AuthenticatedUser }
  | { status: "failed" }
  | { status: "totp_required" }
  | { status: "totp_invalid" };

/**
 * Checks an email, password and, for accounts with TOTP enabled, a second-factor code (an
 * authenticator code or a recovery code). The failure counter is only reset once every factor
 * passed, so alternating password-only attempts cannot clear the count of wrong codes.
 */
export async function signInWithCredentials(
  emailInput: string,
  password: string,
  ip: string | null = null,
  code: string | null = null,
  now = new Date(),
): Promise<SignInOutcome> {
  const email = emailInput.trim().toLowerCase();
  const failed = { status: "failed" } as const;
  return withTransaction({}, async (tx) => {
    if (await signInRateLimited(tx, email, ip, now)) {
      // Same answer and about the same time as a wrong password, so the limit reveals nothing.
      await burnVerification(password);
      await recordAudit(tx, null, { action: "sign_in_rate_limited", entity: "user", detail: { ip } });
      return failed;
    }
    const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).for("update");
    if (!user) {
      await burnVerification(password);
      return failed;
    }
    if (!user.active || (user.lockedUntil && user.lockedUntil > now)) {
      await burnVerification(password);
      await recordAudit(tx, null, {
        action: "sign_in_refused",
        entity: "user",
        entityId: user.id,
        detail: { reason: user.active ? "locked" : "inactive", ip },
      });
      return failed;
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const lock = await countFailure(tx, user, now);
      await recordAudit(tx, null, {
        action: lock ? "account_locked" : "sign_in_failed",
        entity: "user",
        entityId: user.id,
        detail: { ip },
      });
      return failed;
    }
    const totp = await lockTotpRow(tx, user.id);
    if (totp?.enabledAt) {
      const given = code?.trim();
      if (!given) return { status: "totp_required" } as const;
      const result = await consumeSecondFactor(tx, user.id, given, now);
      if (!result.ok) {
        const lock = await countFailure(tx, user, now);
        await recordAudit(tx, null, {
          action: "totp_code_failed",
          entity: "user",
          entityId: user.id,
          detail: { purpose: "sign_in", reason: result.reason, ip },
        });
        if (lock) {
          await recordAudit(tx, null, {
            action: "account_locked",
            entity: "user",
            entityId: user.id,
            detail: { ip },
          });
        }
        return { status: "totp_invalid" } as const;
      }
      if (result.via === "recovery_code") {
        await recordAudit(tx, null, {
          action: "totp_recovery_code_used",
          entity: "user",
          entityId: user.id,
          detail: { purpose: "sign_in", remaining: result.remaining, ip },
        });
      }
    }
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await recordAudit(tx, null, {
      action: "sign_in",
      entity: "user",
      entityId: user.id,
      detail: { ip, secondFactor: totp?.enabledAt ? "totp" : "none" },
    });
    return {
      status: "ok",
      user: {
        id: user.id,
        role: user.role,
        officeCode: user.officeCode,
        sessionVersion: user.sessionVersion,
      },
    } as const;
  });
}

/** The password step alone, for callers that only need who signed in (null on any failure). */
export async function authenticate(
  email: string,
  password: string,
  ip: string | null = null,
  code: string | null = null,
): Promise<AuthenticatedUser | null> {
  const outcome = await signInWithCredentials(email, password, ip, code);
  return outcome.status === "ok" ? outcome.user : null;
}
