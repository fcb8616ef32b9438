import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, users, userTotp, userTotpRecoveryCodes } from "@/db/schema";
import { MAX_FAILED_SIGN_INS, signInWithCredentials } from "@/lib/dal/auth/authenticate";
import { loadActor } from "@/lib/dal/auth/load-actor";
import type { DalContext } from "@/lib/dal/context";
import { getRoleSecurityPolicies } from "@/lib/dal/security/get-role-security-policies";
import { setRoleSecurityPolicy } from "@/lib/dal/security/set-role-security-policy";
import { confirmTotpEnrolment } from "@/lib/dal/two-factor/confirm-enrolment";
import { disableTwoFactor } from "@/lib/dal/two-factor/disable-two-factor";
import { getTwoFactorStatus } from "@/lib/dal/two-factor/get-two-factor-status";
import { startTotpEnrolment } from "@/lib/dal/two-factor/start-enrolment";
import { getUser } from "@/lib/dal/users/list-users";
import { resetTwoFactor } from "@/lib/dal/users/reset-two-factor";
import { totpCodeAt } from "@/lib/domain/totp";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { dalError } from "./dal-assert";

process.env.AUTH_SECRET ??= "integration-tests-only-auth-secret-0123456789";

// Times are injected, from a step boundary (a multiple of 30 s) far from the wall clock.
const T0 = new Date(1_899_999_990 * 1000);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let admin: DalContext;
beforeAll(async () => {
  admin = await makeUser("admin", "TIP");
});

async function auditActions(userId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, userId))
    .orderBy(auditEvents.id);
  return rows.map((r) => r.action);
}

/** A user with TOTP enabled at T0; returns their context, secret and recovery codes. */
async function enrolled(role: "caseworker" | "supervisor" = "caseworker") {
  const ctx = await makeUser(role, "TIP");
  const { secret } = await startTotpEnrolment(ctx, at(0));
  const { recoveryCodes } = await confirmTotpEnrolment(ctx, { code: await totpCodeAt(secret, at(0)) }, at(0));
  return { ctx, secret, recoveryCodes };
}

describe("enrolment", () => {
  it("stores the secret encrypted, confirms with a current code and issues hashed recovery codes", async () => {
    const ctx = await makeUser("caseworker", "TIP");
    const { secret, uri } = await startTotpEnrolment(ctx, at(0));
    expect(uri).toContain(`secret=${secret}`);
    const [pending] = await getDb().select().from(userTotp).where(eq(userTotp.userId, ctx.actor.id));
    expect(pending?.enabledAt).toBeNull();
    expect(pending?.secretEnc).not.toContain(secret);
    expect((await getTwoFactorStatus(ctx)).enabled).toBe(false);

    const wrong = await dalError(confirmTotpEnrolment(ctx, { code: "000000" }, at(0)), "invalid");
    expect(wrong.fieldErrors?.code).toEqual(["twoFactor.validation.wrongCode"]);
    const { recoveryCodes } = await confirmTotpEnrolment(
      ctx,
      { code: await totpCodeAt(secret, at(0)) },
      at(0),
    );
    expect(recoveryCodes).toHaveLength(8);

    const stored = await getDb()
      .select({ hash: userTotpRecoveryCodes.codeHash })
      .from(userTotpRecoveryCodes)
      .where(eq(userTotpRecoveryCodes.userId, ctx.actor.id));
    expect(stored).toHaveLength(8);
    for (const { hash } of stored) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes.some((c) => hash.includes(c.replace(/-/g, "")))).toBe(false);
    }
    const status = await getTwoFactorStatus(ctx);
    expect(status).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 8 });
    // The wrong code was audited even though the use case failed.
    expect(await auditActions(ctx.actor.id)).toEqual([
      "totp_enrolment_started",
      "totp_code_failed",
      "totp_enabled",
    ]);
  });

  it("refuses to start again or confirm twice while enabled", async () => {
    const { ctx, secret } = await enrolled();
    await dalError(startTotpEnrolment(ctx, at(60)), "conflict");
    await dalError(confirmTotpEnrolment(ctx, { code: await totpCodeAt(secret, at(60)) }, at(60)), "conflict");
  });

  it("a restarted enrolment replaces the pending secret", async () => {
    const ctx = await makeUser("caseworker", "TIP");
    const first = await startTotpEnrolment(ctx, at(0));
    const second = await startTotpEnrolment(ctx, at(1));
    expect(second.secret).not.toBe(first.secret);
    await dalError(
      confirmTotpEnrolment(ctx, { code: await totpCodeAt(first.secret, at(1)) }, at(1)),
      "invalid",
    );
    await confirmTotpEnrolment(ctx, { code: await totpCodeAt(second.secret, at(1)) }, at(1));
  });
});

describe("sign-in with TOTP", () => {
  it("asks for a code after the right password, accepts a current one and refuses its reuse", async () => {
    const { ctx, secret } = await enrolled();
    const email = ctx.actor.email;
    expect(await signInWithCredentials(email, TEST_PASSWORD, null, null, at(90))).toEqual({
      status: "totp_required",
    });
    // A wrong password never reveals that a code would be asked for.
    expect(await signInWithCredentials(email, "wrong-password-1", null, "123456", at(90))).toEqual({
      status: "failed",
    });
    const code = await totpCodeAt(secret, at(90));
    const ok = await signInWithCredentials(email, TEST_PASSWORD, null, code, at(90));
    expect(ok.status).toBe("ok");
    expect(await signInWithCredentials(email, TEST_PASSWORD, null, code, at(95))).toEqual({
      status: "totp_invalid",
    });
    // The next step's code works; the step before the last accepted one no longer does.
    expect(
      (await signInWithCredentials(email, TEST_PASSWORD, null, await totpCodeAt(secret, at(120)), at(120)))
        .status,
    ).toBe("ok");
    expect(
      (await signInWithCredentials(email, TEST_PASSWORD, null, await totpCodeAt(secret, at(100)), at(121)))
        .status,
    ).toBe("totp_invalid");
    const [totp] = await getDb().select().from(userTotp).where(eq(userTotp.userId, ctx.actor.id));
    expect(totp?.lastStep).toBe(Math.floor((T0.getTime() / 1000 + 120) / 30));
  });

  it("counts wrong codes toward the lockout, and a password-only attempt does not reset the count", async () => {
    const { ctx, secret } = await enrolled();
    const email = ctx.actor.email;
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 2; i++) {
      expect((await signInWithCredentials(email, TEST_PASSWORD, null, "000000", at(60))).status).toBe(
        "totp_invalid",
      );
    }
    expect((await signInWithCredentials(email, TEST_PASSWORD, null, null, at(60))).status).toBe(
      "totp_required",
    );
    expect((await signInWithCredentials(email, TEST_PASSWORD, null, "999999", at(60))).status).toBe(
      "totp_invalid",
    );
    const [before] = await getDb().select().from(users).where(eq(users.id, ctx.actor.id));
    expect(before?.failedSignIns).toBe(MAX_FAILED_SIGN_INS - 1);
    expect((await signInWithCredentials(email, TEST_PASSWORD, null, "111111", at(60))).status).toBe(
      "totp_invalid",
    );
    const [locked] = await getDb().select().from(users).where(eq(users.id, ctx.actor.id));
    expect(locked?.lockedUntil?.getTime()).toBeGreaterThan(at(60).getTime());
    // Locked: even the right password and code fail.
    expect(
      (await signInWithCredentials(email, TEST_PASSWORD, null, await totpCodeAt(secret, at(61)), at(61)))
        .status,
    ).toBe("failed");
    const actions = await auditActions(ctx.actor.id);
    expect(actions.filter((a) => a === "totp_code_failed")).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(actions).toContain("account_locked");
  });

  it("accepts each recovery code once, normalised, and audits its use", async () => {
    const { ctx, recoveryCodes } = await enrolled();
    const email = ctx.actor.email;
    const [first = "", second = ""] = recoveryCodes;
    const typed = ` ${first.toLowerCase().replace(/-/g, " ")} `;
    expect((await signInWithCredentials(email, TEST_PASSWORD, null, typed, at(60))).status).toBe("ok");
    expect((await signInWithCredentials(email, TEST_PASSWORD, null, first, at(61))).status).toBe(
      "totp_invalid",
    );
    expect((await signInWithCredentials(email, TEST_PASSWORD, null, second, at(62))).status).toBe("ok");
    expect((await getTwoFactorStatus(ctx)).recoveryCodesLeft).toBe(6);
    const uses = await getDb()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ctx.actor.id), eq(auditEvents.action, "totp_recovery_code_used")));
    expect(uses.map((u) => (u.detail as { remaining: number }).remaining)).toEqual([7, 6]);
  });

  it("refuses a secret copied from another user's row (bound to its owner)", async () => {
    const victim = await enrolled();
    const thief = await enrolled();
    const [row] = await getDb().select().from(userTotp).where(eq(userTotp.userId, victim.ctx.actor.id));
    await getDb()
      .update(userTotp)
      .set({ secretEnc: row?.secretEnc ?? "", lastStep: null })
      .where(eq(userTotp.userId, thief.ctx.actor.id));
    const code = await totpCodeAt(victim.secret, at(90));
    expect(
      (await signInWithCredentials(thief.ctx.actor.email, TEST_PASSWORD, null, code, at(90))).status,
    ).toBe("totp_invalid");
  });
});

describe("role requirement", () => {
  it("only an administrator sets it, audited, and unenrolled users of the role must enrol", async () => {
    const supervisor = await makeUser("supervisor", "TIP");
    await dalError(setRoleSecurityPolicy(supervisor, { role: "supervisor", requireTotp: true }), "forbidden");
    await dalError(getRoleSecurityPolicies(supervisor), "forbidden");
    expect((await loadActor(supervisor.actor.id, 1))?.mustEnrolTotp).toBe(false);

    await setRoleSecurityPolicy(admin, { role: "supervisor", requireTotp: true });
    expect((await loadActor(supervisor.actor.id, 1))?.mustEnrolTotp).toBe(true);
    expect((await getTwoFactorStatus(supervisor)).required).toBe(true);
    // Other roles are untouched.
    const caseworker = await makeUser("caseworker", "TIP");
    expect((await loadActor(caseworker.actor.id, 1))?.mustEnrolTotp).toBe(false);
    // Not enrolled yet: the password signs in, and the application sends them to enrol.
    expect(
      (await signInWithCredentials(supervisor.actor.email, TEST_PASSWORD, null, null, at(0))).status,
    ).toBe("ok");

    const { secret } = await startTotpEnrolment(supervisor, at(0));
    expect((await loadActor(supervisor.actor.id, 1))?.mustEnrolTotp).toBe(true);
    await confirmTotpEnrolment(supervisor, { code: await totpCodeAt(secret, at(0)) }, at(0));
    expect((await loadActor(supervisor.actor.id, 1))?.mustEnrolTotp).toBe(false);
    expect(
      (await signInWithCredentials(supervisor.actor.email, TEST_PASSWORD, null, null, at(60))).status,
    ).toBe("totp_required");

    const policies = await getRoleSecurityPolicies(admin);
    const row = policies.find((p) => p.role === "supervisor");
    expect(row).toMatchObject({ requireTotp: true });
    expect(row?.enrolledUsers).toBeGreaterThanOrEqual(1);
    expect(policies.find((p) => p.role === "caseworker")?.requireTotp).toBe(false);

    await setRoleSecurityPolicy(admin, { role: "supervisor", requireTotp: false });
    const audit = await getDb()
      .select({ detail: auditEvents.detail, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "role_security_policy_set"), eq(auditEvents.entityId, "supervisor")))
      .orderBy(auditEvents.id);
    expect(audit).toEqual([
      { actorId: admin.actor.id, detail: { requireTotp: { before: false, after: true } } },
      { actorId: admin.actor.id, detail: { requireTotp: { before: true, after: false } } },
    ]);
  });
});

describe("disable", () => {
  it("needs a valid code, counts wrong ones, and removes the secret and recovery codes", async () => {
    const { ctx, recoveryCodes } = await enrolled();
    const wrong = await dalError(disableTwoFactor(ctx, { code: "000000" }, at(60)), "invalid");
    expect(wrong.fieldErrors?.code).toEqual(["twoFactor.validation.wrongCode"]);
    const [row] = await getDb().select().from(users).where(eq(users.id, ctx.actor.id));
    expect(row?.failedSignIns).toBe(1);

    await disableTwoFactor(ctx, { code: recoveryCodes[3] ?? "" }, at(60));
    expect(await getDb().select().from(userTotp).where(eq(userTotp.userId, ctx.actor.id))).toEqual([]);
    expect(
      await getDb()
        .select()
        .from(userTotpRecoveryCodes)
        .where(eq(userTotpRecoveryCodes.userId, ctx.actor.id)),
    ).toEqual([]);
    expect((await getTwoFactorStatus(ctx)).enabled).toBe(false);
    expect((await signInWithCredentials(ctx.actor.email, TEST_PASSWORD, null, null, at(90))).status).toBe(
      "ok",
    );
    const actions = await auditActions(ctx.actor.id);
    expect(actions).toEqual(
      expect.arrayContaining(["totp_code_failed", "totp_recovery_code_used", "totp_disabled"]),
    );
    await dalError(disableTwoFactor(ctx, { code: "123456" }, at(90)), "conflict");
  });

  it("with a current authenticator code; refused while the account is locked", async () => {
    const { ctx, secret } = await enrolled();
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      await dalError(disableTwoFactor(ctx, { code: "000000" }, at(60)), "invalid");
    }
    await dalError(disableTwoFactor(ctx, { code: "000000" }, at(60)), "locked");
    await dalError(disableTwoFactor(ctx, { code: await totpCodeAt(secret, at(61)) }, at(61)), "locked");
    await getDb().update(users).set({ lockedUntil: null }).where(eq(users.id, ctx.actor.id));
    await disableTwoFactor(ctx, { code: await totpCodeAt(secret, at(61)) }, at(61));
    expect((await getTwoFactorStatus(ctx)).enabled).toBe(false);
  });
});

describe("administrator's reset", () => {
  it("removes a lost factor with a reason, ends the sessions, and lets the password alone sign in", async () => {
    const { ctx } = await enrolled();
    const id = ctx.actor.id;
    const before = await getUser(admin, id);
    expect(before.twoFactor).toBe("on");
    const totpRows = () => getDb().select().from(userTotp).where(eq(userTotp.userId, id));
    const codeRows = () =>
      getDb().select().from(userTotpRecoveryCodes).where(eq(userTotpRecoveryCodes.userId, id));

    // Refused, each writing nothing: another role, no real reason, a stale version, oneself.
    const supervisor = await makeUser("supervisor", "TIP");
    const reason = "Phone stolen; identity checked in person at the Tripoli office";
    await dalError(resetTwoFactor(supervisor, { id, version: before.version, reason }), "forbidden");
    const short = await dalError(
      resetTwoFactor(admin, { id, version: before.version, reason: "lost" }),
      "invalid",
    );
    expect(short.fieldErrors?.reason).toEqual(["reasonTooShort"]);
    await dalError(resetTwoFactor(admin, { id, version: before.version + 1, reason }), "conflict");
    const self = await dalError(resetTwoFactor(admin, { id: admin.actor.id, version: 1, reason }), "invalid");
    expect(self.fieldErrors?._form).toEqual(["cannotResetOwnTwoFactor"]);
    expect(await totpRows()).toHaveLength(1);
    expect(await codeRows()).toHaveLength(8);
    expect(await loadActor(id, 1)).not.toBeNull();

    const { version } = await resetTwoFactor(admin, { id, version: before.version, reason });
    expect(version).toBe(before.version + 1);
    expect(await totpRows()).toHaveLength(0);
    expect(await codeRows()).toHaveLength(0);
    // The session the user had is over; the password alone signs in again.
    expect(await loadActor(id, 1)).toBeNull();
    expect((await signInWithCredentials(ctx.actor.email, TEST_PASSWORD, null, null, at(90))).status).toBe(
      "ok",
    );
    expect((await getUser(admin, id)).twoFactor).toBe("off");
    const [audit] = await getDb()
      .select({ actorId: auditEvents.actorId, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "totp_reset")));
    expect(audit).toEqual({ actorId: admin.actor.id, detail: { reason } });

    // Nothing left to reset.
    const again = await dalError(resetTwoFactor(admin, { id, version, reason }), "invalid");
    expect(again.fieldErrors?._form).toEqual(["twoFactorNotSetUp"]);
  });
});
