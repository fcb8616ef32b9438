import { expect, test } from "@playwright/test";
import { loadMessages } from "../lib/i18n/load-messages";
import { storageState, uniqueName } from "./support";

/**
 * A form submitted before the page's JavaScript has run (a slow connection, a quick Enter) is sent
 * by the browser itself. It must go as a POST body: as a GET, the person's details or a password
 * would land in the address bar, the history and every proxy's log.
 */
test("a form submitted before the page's scripts run keeps what was typed out of the address", async ({
  browser,
}) => {
  const context = await browser.newContext({
    storageState: storageState("caseworker"),
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  try {
    const family = uniqueName("Noscript");
    await page.goto("/cases/new");
    await page.getByLabel("Family name").fill(family);
    await page.getByLabel("Given names").fill("Before Hydration");
    await page.getByLabel("Family name").press("Enter");
    await page.waitForLoadState();
    expect(page.url()).not.toContain(family);
    expect(new URL(page.url()).search).toBe("");
    // Nor was anyone registered by it.
    await page.goto(`/cases?q=${encodeURIComponent(family)}`);
    await expect(page.getByRole("main")).not.toContainText(family);

    await page.goto("/account/password");
    await page.getByLabel("Current password").fill("typed-before-scripts");
    await page.getByLabel("Current password").press("Enter");
    await page.waitForLoadState();
    expect(page.url()).not.toContain("typed-before-scripts");
    expect(new URL(page.url()).search).toBe("");
  } finally {
    await context.close();
  }
});

/** A button that works only in script would do nothing when clicked before hydration: it waits, disabled. */
test("a button that works in script is disabled until the page's scripts have run", async ({ browser }) => {
  const start = { name: "Set up two-factor authentication" };
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ storageState: storageState("caseworker"), javaScriptEnabled });
    try {
      const page = await context.newPage();
      await page.goto("/account/security");
      if (javaScriptEnabled) await expect(page.getByRole("button", start)).toBeEnabled();
      else await expect(page.getByRole("button", start)).toBeDisabled();
    } finally {
      await context.close();
    }
  }
});

/**
 * A form whose action runs on the server (here, sign out) works when the browser sends it itself,
 * before the page's scripts have run: Next accepts the action only from this site's origin, which
 * the browser states unless the referrer policy tells it not to.
 */
test("signing out before the page's scripts run signs the user out", async ({ browser }) => {
  const context = await browser.newContext({
    storageState: storageState("caseworker"),
    javaScriptEnabled: false,
  });
  try {
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByTestId("who")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    await context.close();
  }
});

/** The language buttons post to a server action too, so the language changes without scripts. */
test("the language can be changed before the page's scripts run", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "العربية", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const arabic = loadMessages("ar") as { signIn: { title: string } };
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(arabic.signIn.title);
    await expect(page.getByRole("button", { name: "العربية", exact: true })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Sanad");
  } finally {
    await context.close();
  }
});
