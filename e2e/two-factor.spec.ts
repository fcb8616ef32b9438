import { expect, type Page, test } from "@playwright/test";
import argon2 from "argon2";
import { generate } from "otplib";
import postgres from "postgres";
import { signIn, uniqueName } from "./support";

/**
 * A fresh account of its own, put in place directly: requiring two-factor for a whole role here
 * would change the sign-in of every other journey running in parallel with that role.
 */
async function freshCaseworker(email: string, password: string): Promise<string> {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  try {
    const hash = await argon2.hash(password, { type: argon2.argon2id });
    const [row] = await sql<{ id: string }[]>`
      insert into users (email, name, role, office_code, password_hash, must_change_password)
      values (${email}, ${`${uniqueName("Totp")} Tester`}, 'caseworker', 'TIP', ${hash}, false)
      returning id`;
    return row?.id ?? "";
  } finally {
    await sql.end();
  }
}

/** Turns two-factor on from the account page; returns the secret. */
async function enrolTwoFactor(page: Page): Promise<string> {
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await page.getByLabel("Code from the app", { exact: true }).fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
  return secret;
}

/**
 * A code the server accepts now but has not seen yet: the next step's, within the one-step
 * tolerance and after any code already used in this step, so the test never waits for the clock.
 */
function nextStepCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test("a user turns on two-factor authentication, then signs in with a code and with a recovery code", async ({
  browser,
}) => {
  test.slow();
  const email = `${uniqueName("totp").toLowerCase()}@sanad.example`;
  const password = `Pass-${uniqueName("pw")}-2025`;
  await freshCaseworker(email, password);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  try {
    await signIn(page, email, password);
    await expect(page.getByTestId("who")).toBeVisible();

    // Enrolment from the sidebar: QR code and key, confirmed with a code computed from the key.
    // (enrolTwoFactor below takes the short way for the administrator's journey.)
    await page.getByRole("link", { name: "Two-factor authentication" }).click();
    await expect(page).toHaveURL(/\/account\/security$/);
    await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(
      page.getByRole("img", { name: "QR code to add Sanad to an authenticator app" }),
    ).toBeVisible();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await page.getByLabel("Code from the app", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(
      page.getByText(/^That code is not valid or has already been used\. Check the time/),
    ).toBeVisible();
    await page.getByLabel("Code from the app", { exact: true }).fill(await generate({ secret }));
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
    const recovery = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(recovery).toHaveCount(8);
    const recoveryCodes = (await recovery.allTextContents()).map((c) => c.trim());
    await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
    await expect(page.getByTestId("who")).toBeVisible();
    await signOut(page);

    // The password alone now leads to the code step, which keeps the email and password.
    await signIn(page, email, password);
    const code = page.getByLabel("Authentication code");
    await expect(code).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByLabel("Password")).toHaveValue(password);
    await code.fill("123456");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/^That code is not valid or has already been used\. After 5/)).toBeVisible();
    await code.fill(await nextStepCode(secret));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("who")).toBeVisible();
    await signOut(page);

    // A recovery code works once instead of the app.
    await signIn(page, email, password);
    await page.getByLabel("Authentication code").fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("who")).toBeVisible();
    await page.goto("/account/security");
    await expect(page.getByTestId("two-factor-status")).toContainText("On");
    await expect(page.getByText("7 unused recovery codes left.")).toBeVisible();

    // Turning it off takes a valid code; afterwards the password alone signs in again.
    await page.getByLabel("Code from the app, or a recovery code").fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "Turn off" }).click();
    await expect(
      page.getByText(/^That code is not valid or has already been used\. Check the time/),
    ).toBeVisible();
    await page.getByLabel("Code from the app, or a recovery code").fill(recoveryCodes[1] ?? "");
    await page.getByRole("button", { name: "Turn off" }).click();
    await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
    await signOut(page);
    await signIn(page, email, password);
    await expect(page.getByTestId("who")).toBeVisible();
  } finally {
    await context.close();
  }
});

test.describe("administrator", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("sees the per-role two-factor requirement in the security settings", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Security settings" })
      .click();
    await expect(page).toHaveURL(/\/admin\/security$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Security settings");
    // Only looked at: toggling a role here would change the sign-in of journeys running in parallel
    // (the requirement itself is covered by tests/integration/two-factor.int.test.ts).
    const row = page.getByTestId("policy-programme_manager");
    const box = row.getByRole("checkbox", {
      name: "Require two-factor authentication for Programme manager",
    });
    await expect(box).not.toBeChecked();
    await expect(row).toContainText(/\d+ of \d+ active users/);
  });

  test("resets the two-factor authentication of a user who lost their phone and codes", async ({
    page,
    browser,
  }) => {
    const email = `${uniqueName("lost").toLowerCase()}@sanad.example`;
    const password = `Pass-${uniqueName("pw")}-2025`;
    const id = await freshCaseworker(email, password);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const user = await context.newPage();
    try {
      await signIn(user, email, password);
      await expect(user.getByTestId("who")).toBeVisible();
      await enrolTwoFactor(user);

      await page.goto(`/admin/users/${id}`);
      await expect(page.getByTestId("user-two-factor")).toHaveText("On");
      const reason = page.getByLabel("Reason for the reset");
      await reason.fill("lost");
      await page.getByRole("button", { name: "Reset two-factor authentication" }).click();
      await expect(page.getByText("Write a reason of at least 10 characters.")).toBeVisible();
      await reason.fill("Phone and recovery codes lost; identity checked in person");
      await page.getByRole("button", { name: "Reset two-factor authentication" }).click();
      await expect(
        page.getByText("Two-factor authentication was reset and the user was signed out."),
      ).toBeVisible();
      await expect(page.getByTestId("user-two-factor")).toHaveText("Off");

      // Their open session has ended; the password alone signs them in again.
      await user.reload();
      await expect(user).toHaveURL(/\/sign-in/);
      await signIn(user, email, password);
      await expect(user.getByTestId("who")).toBeVisible();
      await user.goto("/account/security");
      await expect(user.getByTestId("two-factor-status")).toHaveText("Off");
    } finally {
      await context.close();
    }
  });
});
