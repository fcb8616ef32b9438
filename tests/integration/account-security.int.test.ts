import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { authenticate } from "@/lib/dal/auth/authenticate";
import { changePassword } from "@/lib/dal/auth/change-password";
import { MAX_ATTEMPTS_PER_EMAIL, MAX_ATTEMPTS_PER_IP } from "@/lib/dal/auth/rate-limit";
import { createUser } from "@/lib/dal/users/create-user";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { dalError } from "./dal-assert";

describe("sign-in rate limits", () => {
  it("refuses further attempts for an email over its limit, even an unknown one, with the generic answer", async () => {
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL; i++) {
      expect(await authenticate("ghost@test.example", "wrong-password-xyz", `10.1.0.${i}`)).toBeNull();
    }
    const { actor } = await makeUser("caseworker", "TIP");
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL; i++)
      await authenticate(actor.email, TEST_PASSWORD, `10.2.0.${i}`);
    // The right password is refused once the email is over its limit.
    expect(await authenticate(actor.email, TEST_PASSWORD, "10.3.0.1")).toBeNull();
    const limited = await getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "sign_in_rate_limited"));
    expect(limited.length).toBeGreaterThan(0);
  });

  it("refuses an address over its limit, whatever the email", async () => {
    const { actor } = await makeUser("caseworker", "TIP");
    for (let i = 0; i < MAX_ATTEMPTS_PER_IP; i++)
      await authenticate(`probe${i}@test.example`, "x-wrong-password", "10.9.9.9");
    expect(await authenticate(actor.email, TEST_PASSWORD, "10.9.9.9")).toBeNull();
    expect(await authenticate(actor.email, TEST_PASSWORD, "10.9.9.10")).not.toBeNull();
  }, 60_000);
});

describe("password policy", () => {
  it("rejects common passwords when changing or creating, whatever their length", async () => {
    const ctx = await makeUser("caseworker", "TIP");
    const error = await dalError(
      changePassword(ctx, {
        currentPassword: TEST_PASSWORD,
        newPassword: "qwerty123456",
        confirmPassword: "qwerty123456",
      }),
      "invalid",
    );
    expect(error.fieldErrors?.newPassword).toEqual(["passwordPolicy.common"]);
    const admin = await makeUser("admin", "TIP");
    const created = await dalError(
      createUser(admin, {
        name: "New Person",
        email: "new.person@test.example",
        role: "caseworker",
        officeCode: "TIP",
        temporaryPassword: "Password1234!",
      }),
      "invalid",
    );
    expect(created.fieldErrors?.temporaryPassword).toEqual(["passwordPolicy.common"]);
    await changePassword(ctx, {
      currentPassword: TEST_PASSWORD,
      newPassword: "Tripoli harbour at dawn",
      confirmPassword: "Tripoli harbour at dawn",
    });
  });
});
