import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { authenticate, LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/dal/auth/authenticate";
import { changePassword } from "@/lib/dal/auth/change-password";
import { loadActor } from "@/lib/dal/auth/load-actor";
import type { DalContext } from "@/lib/dal/context";
import { createUser } from "@/lib/dal/users/create-user";
import { getUser } from "@/lib/dal/users/list-users";
import { setUserActive, updateUser } from "@/lib/dal/users/update-user";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { dalError } from "./dal-assert";

let admin: DalContext;
let supervisor: DalContext;

beforeAll(async () => {
  [admin, supervisor] = await Promise.all([makeUser("admin", "TIP"), makeUser("supervisor", "TIP")]);
});

async function userRow(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  if (!row) throw new Error("user vanished");
  return row;
}

describe("authenticate", () => {
  it("returns the user for the right password, whatever the email's case", async () => {
    const { actor } = await makeUser("caseworker", "BEN");
    const result = await authenticate(`  ${actor.email.toUpperCase()} `, TEST_PASSWORD, "10.0.0.1");
    expect(result).toEqual({ id: actor.id, role: "caseworker", officeCode: "BEN", sessionVersion: 1 });
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, actor.id));
    expect(events.map((e) => e.action)).toEqual(["sign_in"]);
  });

  it("returns null for a wrong password and counts the failure", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    expect(await authenticate(actor.email, "wrong-password-123")).toBeNull();
    expect((await userRow(actor.id)).failedSignIns).toBe(1);
    // A success clears the count.
    expect(await authenticate(actor.email, TEST_PASSWORD)).not.toBeNull();
    expect((await userRow(actor.id)).failedSignIns).toBe(0);
  });

  it("locks the account after 5 failures, then unlocks after 15 minutes", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    expect(MAX_FAILED_SIGN_INS).toBe(5);
    expect(LOCKOUT_MINUTES).toBe(15);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await authenticate(actor.email, `wrong-${i}`)).toBeNull();
    }
    const locked = await userRow(actor.id);
    expect(locked.lockedUntil).not.toBeNull();
    const minutes = ((locked.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Even the right password is refused while locked.
    expect(await authenticate(actor.email, TEST_PASSWORD)).toBeNull();
    expect((await userRow(actor.id)).lockedUntil).toEqual(locked.lockedUntil);

    // Fifteen minutes pass.
    await getDb()
      .update(users)
      .set({ lockedUntil: sql`${users.lockedUntil} - interval '15 minutes 1 second'` })
      .where(eq(users.id, actor.id));
    const result = await authenticate(actor.email, TEST_PASSWORD);
    expect(result?.id).toBe(actor.id);
    const unlocked = await userRow(actor.id);
    expect(unlocked.lockedUntil).toBeNull();
    expect(unlocked.failedSignIns).toBe(0);

    const actions = (
      await getDb()
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, actor.id))
        .orderBy(auditEvents.id)
    ).map((e) => e.action);
    expect(actions).toEqual([
      "sign_in_failed",
      "sign_in_failed",
      "sign_in_failed",
      "sign_in_failed",
      "account_locked",
      "sign_in_refused",
      "sign_in",
    ]);
  });

  it("returns null for an unknown email", async () => {
    expect(await authenticate("nobody@test.example", TEST_PASSWORD)).toBeNull();
    expect(await authenticate("", "")).toBeNull();
  });

  it("returns null for a deactivated user, even with the right password", async () => {
    const { actor } = await makeUser("caseworker", "TIP", { active: false });
    expect(await authenticate(actor.email, TEST_PASSWORD)).toBeNull();
    expect((await userRow(actor.id)).failedSignIns).toBe(0);
  });
});

describe("loadActor", () => {
  it("loads an active user whose session version matches", async () => {
    const { actor } = await makeUser("supervisor", "SEB");
    expect(await loadActor(actor.id, 1)).toEqual({
      id: actor.id,
      name: actor.name,
      email: actor.email,
      role: "supervisor",
      officeCode: "SEB",
      mustChangePassword: false,
      mustEnrolTotp: false,
      categories: [],
      services: [],
    });
  });

  it("returns null on a session version mismatch, an inactive user, or a bad id", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    expect(await loadActor(actor.id, 2)).toBeNull();
    expect(await loadActor(actor.id, 0)).toBeNull();
    const inactive = await makeUser("caseworker", "TIP", { active: false });
    expect(await loadActor(inactive.actor.id, 1)).toBeNull();
    expect(await loadActor("00000000-0000-4000-8000-000000000000", 1)).toBeNull();
    expect(await loadActor("not-a-uuid", 1)).toBeNull();
  });

  it("ends the sessions of a user an admin deactivates", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    expect(await loadActor(actor.id, 1)).not.toBeNull();
    await setUserActive(admin, { id: actor.id, version: 1, active: false });
    expect(await loadActor(actor.id, 1)).toBeNull();
    expect(await authenticate(actor.email, TEST_PASSWORD)).toBeNull();

    // Reactivating lets the user sign in again, but the old session stays ended.
    await setUserActive(admin, { id: actor.id, version: 2, active: true });
    expect(await loadActor(actor.id, 1)).toBeNull();
    const signedIn = await authenticate(actor.email, TEST_PASSWORD);
    expect(signedIn?.sessionVersion).toBe(3);
    expect(await loadActor(actor.id, 3)).not.toBeNull();
  });

  it("only an admin may deactivate, and not themselves", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    await dalError(setUserActive(supervisor, { id: actor.id, version: 1, active: false }), "forbidden");
    const self = await dalError(
      setUserActive(admin, { id: admin.actor.id, version: 1, active: false }),
      "invalid",
    );
    expect(self.fieldErrors?._form).toEqual(["cannotDeactivateSelf"]);
    expect((await userRow(actor.id)).active).toBe(true);
  });
});

describe("changePassword", () => {
  const NEW_PASSWORD = "a-brand-new-passphrase";

  it("rejects a wrong current password and changes nothing", async () => {
    const ctx = await makeUser("caseworker", "TIP", { mustChangePassword: true });
    const before = await userRow(ctx.actor.id);
    const error = await dalError(
      changePassword(ctx, {
        currentPassword: "not-my-password",
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
      "invalid",
    );
    expect(error.fieldErrors?.currentPassword).toEqual(["wrongPassword"]);
    expect(await userRow(ctx.actor.id)).toEqual(before);
  });

  it("changes the password, bumps the session version and clears mustChangePassword", async () => {
    const ctx = await makeUser("caseworker", "TIP", { mustChangePassword: true });
    expect((await loadActor(ctx.actor.id, 1))?.mustChangePassword).toBe(true);
    const result = await changePassword(ctx, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(result).toEqual({ sessionVersion: 2 });
    const row = await userRow(ctx.actor.id);
    expect(row.mustChangePassword).toBe(false);
    expect(row.sessionVersion).toBe(2);
    expect(await loadActor(ctx.actor.id, 1)).toBeNull();
    expect((await loadActor(ctx.actor.id, 2))?.mustChangePassword).toBe(false);
    expect(await authenticate(ctx.actor.email, TEST_PASSWORD)).toBeNull();
    expect((await authenticate(ctx.actor.email, NEW_PASSWORD))?.sessionVersion).toBe(2);
  });

  it("validates the new password", async () => {
    const ctx = await makeUser("caseworker", "TIP");
    const short = await dalError(
      changePassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" }),
      "invalid",
    );
    expect(short.fieldErrors?.newPassword).toEqual(["passwordTooShort"]);
    const differ = await dalError(
      changePassword(ctx, {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: "something-else-1",
      }),
      "invalid",
    );
    expect(differ.fieldErrors?.confirmPassword).toEqual(["passwordsDiffer"]);
    expect((await userRow(ctx.actor.id)).sessionVersion).toBe(1);
  });
});

describe("createUser", () => {
  const input = (email: string) => ({
    name: "New Caseworker",
    email,
    role: "caseworker",
    officeCode: "MRA",
    temporaryPassword: "temporary-password-1",
  });

  it("creates a user who must change the temporary password", async () => {
    const { id } = await createUser(admin, input("Fresh.User@Test.Example"));
    const row = await userRow(id);
    expect(row).toMatchObject({
      email: "fresh.user@test.example",
      role: "caseworker",
      officeCode: "MRA",
      mustChangePassword: true,
      active: true,
    });
    const signedIn = await authenticate("fresh.user@test.example", "temporary-password-1");
    expect(signedIn?.id).toBe(id);
    expect((await loadActor(id, 1))?.mustChangePassword).toBe(true);
  });

  it("refuses an email already taken, ignoring case", async () => {
    await createUser(admin, input("taken@test.example"));
    const error = await dalError(createUser(admin, input("TAKEN@Test.Example")), "invalid");
    expect(error.fieldErrors?.email).toEqual(["emailTaken"]);
    const other = await dalError(createUser(admin, input(supervisor.actor.email.toUpperCase())), "invalid");
    expect(other.fieldErrors?.email).toEqual(["emailTaken"]);
    const rows = await getDb().select().from(users).where(sql`lower(${users.email}) = 'taken@test.example'`);
    expect(rows).toHaveLength(1);
  });

  it("is forbidden to anyone but an admin", async () => {
    for (const role of ["supervisor", "caseworker", "programme_manager", "bid_panel"] as const) {
      const ctx = role === "supervisor" ? supervisor : await makeUser(role, "TIP");
      await dalError(createUser(ctx, input(`by-${role}@test.example`)), "forbidden");
    }
    const rows = await getDb().select().from(users).where(sql`${users.email} like 'by-%'`);
    expect(rows).toEqual([]);
  });
});

describe("updateUser", () => {
  it("updates with the current version and refuses a stale one", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    const loaded = await getUser(admin, actor.id);
    expect(loaded.version).toBe(1);
    expect(
      await updateUser(admin, {
        id: actor.id,
        version: loaded.version,
        role: "supervisor",
        officeCode: "TIP",
      }),
    ).toEqual({ version: 2 });
    await dalError(
      updateUser(admin, { id: actor.id, version: loaded.version, role: "caseworker", officeCode: "ZWA" }),
      "conflict",
    );
    const row = await userRow(actor.id);
    expect(row).toMatchObject({ role: "supervisor", officeCode: "TIP", version: 2 });
    // The change reaches the user's next request.
    expect((await loadActor(actor.id, 1))?.role).toBe("supervisor");
  });

  it("is forbidden to non-admins and refuses an admin changing their own role", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    await dalError(
      updateUser(supervisor, { id: actor.id, version: 1, role: "supervisor", officeCode: "TIP" }),
      "forbidden",
    );
    const own = await dalError(
      updateUser(admin, { id: admin.actor.id, version: 1, role: "caseworker", officeCode: "TIP" }),
      "invalid",
    );
    expect(own.fieldErrors?.role).toEqual(["cannotChangeOwnRole"]);
    await dalError(
      updateUser(admin, {
        id: "00000000-0000-4000-8000-000000000000",
        version: 1,
        role: "caseworker",
        officeCode: "TIP",
      }),
      "not_found",
    );
  });
});
