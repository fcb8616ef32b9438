import { expect, test } from "@playwright/test";
import { loadMessages, type Messages } from "../lib/i18n/load-messages";
import { storageState, watchHydration } from "./support";

test.use({ storageState: storageState("caseworker") });

// The Arabic catalogue itself (every lib/i18n/messages/ar/*.json, merged as the app merges them).
const ar = loadMessages("ar");

function message(key: string, values: Record<string, string> = {}): string {
  let node: string | Messages | undefined = ar;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no Arabic message ${key}`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

test("a caseworker switches to Arabic: the page turns right-to-left with Arabic text, and back", async ({
  page,
}) => {
  const hydration = watchHydration(page);
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("dir", "ltr");
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Karim Caseworker");

  // The language buttons, in a group named in the page's language.
  const language = (group: string, name: string) =>
    page.getByRole("group", { name: group, exact: true }).getByRole("button", { name, exact: true });
  await expect(language("Language", "English")).toHaveAttribute("aria-current", "true");
  await language("Language", "العربية").click();
  await expect(html).toHaveAttribute("dir", "rtl");
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    message("home.welcome", { name: "Karim Caseworker" }),
  );
  const nav = page.getByRole("navigation", { name: message("nav.main") });
  await expect(nav.getByRole("link")).toHaveText([
    message("nav.home"),
    message("nav.cases"),
    message("nav.register"),
  ]);
  await expect(page.getByTestId("who")).toContainText(message("roles.caseworker"));

  // Right-to-left layout: the sidebar now sits to the right of the content.
  const sidebar = page.getByRole("complementary");
  const main = page.getByRole("main");
  await expect
    .poll(async () => {
      const [s, m] = await Promise.all([sidebar.boundingBox(), main.boundingBox()]);
      return s && m ? s.x > m.x : false;
    })
    .toBe(true);

  // The choice is remembered on the next page: the registration form, fully in Arabic.
  await page.goto("/cases/new");
  await expect(html).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("register.title"));
  await expect(page.getByLabel(message("fields.familyName"), { exact: true })).toBeVisible();
  await expect(page.locator("#nationality option").first()).toHaveText(message("fields.choose"));
  // The form hydrated without React having to throw the server's HTML away.
  await page.getByLabel(message("fields.nationalitySearch")).fill("ليبيا");
  await expect(page.locator("#nationality option")).toHaveText([
    message("fields.choose"),
    "ليبيا",
    message("enums.stateless"),
  ]);

  await expect(language(message("nav.language"), "العربية")).toHaveAttribute("aria-current", "true");
  await language(message("nav.language"), "English").click();
  await expect(html).toHaveAttribute("dir", "ltr");
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register a person");
  await expect
    .poll(async () => {
      const [s, m] = await Promise.all([sidebar.boundingBox(), main.boundingBox()]);
      return s && m ? s.x < m.x : false;
    })
    .toBe(true);
  expect(hydration).toEqual([]);
});
