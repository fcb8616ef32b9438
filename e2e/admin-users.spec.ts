import { expect, test } from "@playwright/test";
import { signIn, storageState, uniqueName } from "./support";

test.use({ storageState: storageState("admin") });

test("an administrator creates a caseworker, who must change the temporary password, and deactivation ends their session", async ({
  page,
  browser,
}) => {
  // Several browser contexts and form round trips: allow three times the default timeout.
  test.slow();
  const name = `${uniqueName("Test")} Newcomer`;
  const email = `${uniqueName("user").toLowerCase()}@sanad.example`;
  const temporary = `Temp-${uniqueName("pw")}-2025`;
  const chosen = `Own-${uniqueName("pw")}-passphrase`;
  expect(temporary.length).toBeGreaterThanOrEqual(12);

  // The administrator creates the account.
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Create a user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a user" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Caseworker" });
  await page.getByLabel("Office", { exact: true }).selectOption({ label: "Tripoli" });
  await page.getByLabel("Temporary password", { exact: true }).fill(temporary);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?created=1$/);
  await expect(page.getByRole("status")).toHaveText("User created.");
  const row = page.getByTestId("user-list").getByRole("row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(name);
  await expect(row).toContainText("Caseworker");
  await expect(row).toContainText("Tripoli");
  await expect(row).toContainText("Must change password");

  // The new user, in their own browser, is held at the password change until they choose one.
  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const them = await theirs.newPage();
    await signIn(them, email, temporary);
    await expect(them).toHaveURL(/\/account\/password$/);
    await expect(them.getByRole("status")).toHaveText(
      "You signed in with a temporary password. Choose your own password to continue.",
    );
    const theirNav = them.getByRole("navigation", { name: "Main navigation" });
    await expect(theirNav.getByRole("link")).toHaveText(["Home"]);
    await them.goto("/cases");
    await expect(them).toHaveURL(/\/account\/password$/);

    await them.getByLabel("Current password", { exact: true }).fill("not-the-temporary-one");
    await them.getByLabel("New password", { exact: true }).fill(chosen);
    await them.getByLabel("Repeat the new password", { exact: true }).fill(chosen);
    await them.getByRole("button", { name: "Change password" }).click();
    await expect(them.getByText("The current password is not correct.")).toBeVisible();
    await expect(them).toHaveURL(/\/account\/password$/);

    await them.getByLabel("Current password", { exact: true }).fill(temporary);
    await them.getByRole("button", { name: "Change password" }).click();
    await expect(them).toHaveURL(/\/\?passwordChanged=1$/);
    await expect(them.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${name}`);
    await expect(theirNav.getByRole("link")).toHaveText(["Home", "Cases", "Register a person"]);
    await expect(them.getByTestId("who")).toContainText("Caseworker · Tripoli");

    // The administrator deactivates the account; the open session stops at its next request.
    await page.goto("/admin/users");
    await page
      .getByTestId("user-list")
      .getByRole("row")
      .filter({ hasText: email })
      .getByRole("link", { name: "Edit" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${name}`);
    await page.getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByRole("status")).toHaveText("The user is deactivated and signed out.");
    await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();

    await them.reload();
    await expect(them).toHaveURL(/\/sign-in/);
    await expect(them.getByTestId("who")).toHaveCount(0);
    await them.goto("/cases");
    await expect(them).toHaveURL(/\/sign-in/);
    // Nor can they sign in again, with either password.
    await signIn(them, email, chosen);
    await expect(them.getByRole("alert").filter({ hasText: "is not correct" })).toBeVisible();
  } finally {
    await theirs.close();
  }
});
