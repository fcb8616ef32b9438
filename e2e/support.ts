import { type Browser, expect, type Page } from "@playwright/test";

/** Demo accounts created by the seed; the e2e database is seeded fresh for every run. */
export const PASSWORD = "sanad-demo-password";
export const USERS = {
  admin: "admin@sanad.example",
  caseworker: "caseworker@sanad.example",
  caseworker2: "caseworker2@sanad.example",
  caseworkerBen: "caseworker.ben@sanad.example",
  supervisor: "supervisor@sanad.example",
  supervisorBen: "supervisor.ben@sanad.example",
  panel: "panel@sanad.example",
  panelUnicef: "panel.unicef@sanad.example",
  panelUnhcr: "panel.unhcr@sanad.example",
  manager: "manager@sanad.example",
  focalMhpss: "focal.mhpss@sanad.example",
  focalVhr: "focal.vhr@sanad.example",
} as const;
export type DemoUser = keyof typeof USERS;

export const storageState = (user: DemoUser) => `e2e/.auth/${user}.json`;

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A name no seeded person has, so each test works on its own records in a shared database. */
export function uniqueName(prefix = "Zq"): string {
  const consonants = "bdfgjklmnprstvz";
  let s = prefix;
  for (let i = 0; i < 7; i++) s += consonants[Math.floor(Math.random() * consonants.length)];
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

export interface PersonFields {
  familyName: string;
  givenNames: string;
  sex?: "Female" | "Male";
  dateOfBirth?: string;
  nationality?: string;
  baladiya?: string;
}

/** Fills the registration form through its labels, as a caseworker would. */
export async function fillRegistration(page: Page, p: PersonFields): Promise<void> {
  await page.getByLabel("Family name").fill(p.familyName);
  await page.getByLabel("Given names").fill(p.givenNames);
  await page.getByRole("radio", { name: p.sex ?? "Male", exact: true }).check();
  // "Date of birth" also names the radiogroup choosing exact vs estimated: take the text field.
  await page.getByRole("textbox", { name: "Date of birth", exact: true }).fill(p.dateOfBirth ?? "1994-06-15");
  await page.locator("#nationality").selectOption(p.nationality ?? "NER");
  await page.getByLabel("Population type").selectOption("migrant");
  await page.getByLabel("Current baladiya").selectOption(p.baladiya ?? "LY021104");
  await page.getByRole("radio", { name: "Yes, consent was given" }).check();
  await page.getByLabel("Given by").selectOption("self");
  await page.getByLabel("Date given").fill("2025-01-15");
  await page.getByRole("checkbox", { name: "Receiving services" }).check();
}

export async function registerPerson(page: Page, p: PersonFields): Promise<string> {
  await page.goto("/cases/new");
  await fillRegistration(page, p);
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByText(/Registered as LBY-/)).toBeVisible();
  return (await page.getByTestId("case-number").textContent())?.trim() ?? "";
}

/** A page in a new browser context signed in as `user` through the saved session. */
export async function pageAs(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(user) });
  return context.newPage();
}

/** The case page's path (/cases/<uuid>) from wherever the page is on it, without the query. */
export function casePath(page: Page): string {
  const { pathname } = new URL(page.url());
  expect(pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
  return pathname;
}

/** The page Next renders for notFound(): out of scope, missing and forbidden all look the same. */
export async function expectNotFound(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(
    page.getByText("This page or record does not exist, or you do not have access to it."),
  ).toBeVisible();
}

/**
 * Collects React hydration failures (minified in a production build: #418, #423, #425…) from the
 * browser console and uncaught page errors, for a test to assert the list is empty at the end.
 */
export function watchHydration(page: Page): string[] {
  const problems: string[] = [];
  const isHydration = (text: string) => /hydrat|Minified React error #4(18|19|20|21|22|23|25)\b/i.test(text);
  page.on("console", (message) => {
    if (message.type() === "error" && isHydration(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (isHydration(error.message)) problems.push(error.message);
  });
  return problems;
}
