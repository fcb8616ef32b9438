import { expect, test } from "@playwright/test";
import { type DemoUser, expectNotFound, signIn, storageState, USERS, uniqueName } from "./support";

/** What each role's main navigation lists, and the pages it must not reach. */
const ROLES: Array<{ user: DemoUser; nav: string[]; forbidden: string[] }> = [
  {
    user: "caseworker",
    nav: ["Home", "Cases", "Register a person"],
    forbidden: ["/admin/users", "/dashboard", "/queue"],
  },
  {
    user: "supervisor",
    nav: [
      "Home",
      "Cases",
      "Register a person",
      "Import",
      "Break-glass review",
      "Supervisor queue",
      "Best interests",
      "Dashboard",
    ],
    forbidden: ["/admin/users"],
  },
  {
    user: "admin",
    nav: [
      "Home",
      "Users",
      "Audit log",
      "Retention",
      "Security settings",
      "Referral services",
      "BID panel settings",
      "Return settings",
      "Dashboard",
      "Programmes and targets",
    ],
    forbidden: ["/cases", "/cases/new"],
  },
  {
    user: "manager",
    nav: ["Home", "Return pipeline", "Dashboard"],
    forbidden: ["/cases", "/cases/new", "/admin/users", "/queue", "/returns", "/movements"],
  },
  {
    user: "panel",
    nav: ["Home", "BID panel"],
    forbidden: ["/cases", "/cases/new", "/admin/users", "/dashboard"],
  },
  {
    user: "focalMhpss",
    nav: ["Home", "Incoming referrals"],
    forbidden: ["/cases", "/cases/new", "/dashboard", "/returns", "/movements", "/returns/board"],
  },
  {
    user: "focalVhr",
    nav: ["Home", "Incoming referrals", "Returns", "Movements", "Return pipeline"],
    forbidden: ["/cases", "/cases/new", "/dashboard", "/admin/returns"],
  },
];

for (const { user, nav, forbidden } of ROLES) {
  test.describe(`signed in as ${user}`, () => {
    test.use({ storageState: storageState(user) });

    test(`sees ${nav.join(", ")} and gets "Not found" for ${forbidden.join(", ")}`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
      const main = page.getByRole("navigation", { name: "Main navigation" });
      await expect(main.getByRole("link")).toHaveText(nav);
      await expect(main.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");

      for (const path of forbidden) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expectNotFound(page);
        await expect(page.getByTestId("case-list")).toHaveCount(0);
        await expect(page.getByTestId("user-list")).toHaveCount(0);
      }
    });
  });
}

test.describe("anonymous", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("is sent to sign-in from a case page, and a wrong password gets the generic message", async ({
    page,
  }) => {
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcases$/);
    await expect(page.getByRole("heading", { name: "Sign in to Sanad" })).toBeVisible();

    const failed =
      "The email or password is not correct, or the account is locked or deactivated. After 5 failed attempts an account is locked for 15 minutes.";
    // A real account with the wrong password, and an unknown account: the same words for both.
    await signIn(page, USERS.panel, "not-the-right-password");
    await expect(page.getByRole("alert").filter({ hasText: "is not correct" })).toHaveText(failed);
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, `${uniqueName("nobody").toLowerCase()}@sanad.example`, "not-the-right-password");
    await expect(page.getByRole("alert").filter({ hasText: "is not correct" })).toHaveText(failed);
    await expect(page.getByTestId("who")).toHaveCount(0);
  });
});

test.describe("the sidebar", () => {
  test.use({ storageState: storageState("caseworker") });

  test("moves between pages without reloading the document, and marks the current page", async ({ page }) => {
    await page.goto("/");
    const main = page.getByRole("navigation", { name: "Main navigation" });
    const cases = main.getByRole("link", { name: "Cases" });
    // A real address, so that opening it in a new tab works as for any link.
    await expect(cases).toHaveAttribute("href", "/cases");
    // Once React has hydrated the link (its props are on the element): a click before that is the
    // browser's own navigation, which would reload the document whatever the link does.
    await page.waitForFunction(() => {
      const link = document.querySelector('[data-nav="cases"]');
      return link !== null && Object.keys(link).some((key) => key.startsWith("__reactProps"));
    });
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    await cases.click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByTestId("case-list")).toBeVisible();
    await expect(cases).toHaveAttribute("aria-current", "page");
    await expect(main.getByRole("link", { name: "Home" })).not.toHaveAttribute("aria-current", "page");

    const register = main.getByRole("link", { name: "Register a person", exact: true });
    await register.click();
    await expect(page).toHaveURL(/\/cases\/new$/);
    await expect(page.getByRole("heading", { level: 1, name: "Register a person" })).toBeVisible();
    await expect(register).toHaveAttribute("aria-current", "page");
    await expect(cases).not.toHaveAttribute("aria-current", "page");
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
  });
});
