import { expect, type Page, test } from "@playwright/test";
import { casePath, expectNotFound, pageAs, registerPerson, storageState, uniqueName } from "./support";

test.use({ storageState: storageState("caseworker") });

/** Nothing of the case — number, name — is on the page, not even in the data embedded for React. */
async function expectNothingOf(page: Page, caseNumber: string, familyName: string): Promise<void> {
  await expect(page.getByTestId("case-number")).toHaveCount(0);
  await expect(page.getByTestId("case-owner")).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(caseNumber);
  expect(html).not.toContain(familyName);
}

test("a Tripoli caseworker cannot open a Benghazi case", async ({ page, browser }) => {
  const omar = await pageAs(browser, "supervisorBen");
  let href: string | null;
  let caseNumber: string;
  let familyName: string;
  try {
    await omar.goto("/cases");
    const first = omar.getByTestId("case-list").getByRole("row").nth(1);
    const link = first.getByRole("link");
    href = await link.getAttribute("href");
    caseNumber = (await link.textContent())?.trim() ?? "";
    familyName = (await first.getByRole("cell").nth(1).textContent())?.split(",")[0]?.trim() ?? "";
    expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    // The supervisor of Benghazi can open it: the case exists.
    await omar.goto(href ?? "");
    await expect(omar.getByTestId("case-number")).toHaveText(caseNumber);
    await expect(omar.locator("dl.facts")).toContainText("Benghazi");
  } finally {
    await omar.context().close();
  }
  expect(familyName.length).toBeGreaterThan(0);

  const response = await page.goto(href ?? "");
  expect(response?.status()).toBe(404);
  await expectNotFound(page);
  await expectNothingOf(page, caseNumber, familyName);
  // The edit page of the same case is refused alike.
  await page.goto(`${href}/edit`);
  await expectNotFound(page);
  await expectNothingOf(page, caseNumber, familyName);
});

test("a caseworker cannot open a colleague's case of the same office", async ({ page, browser }) => {
  // A registration in a second browser context first: allow three times the default timeout.
  test.slow();
  const salma = await pageAs(browser, "caseworker2");
  const familyName = uniqueName("Tahir");
  let path: string;
  let caseNumber: string;
  try {
    caseNumber = await registerPerson(salma, { familyName, givenNames: "Fatima", sex: "Female" });
    path = casePath(salma);
  } finally {
    await salma.context().close();
  }

  await page.goto(path);
  await expectNotFound(page);
  await expectNothingOf(page, caseNumber, familyName);
  await page.goto(`${path}/edit`);
  await expectNotFound(page);
  await expectNothingOf(page, caseNumber, familyName);
  // Nor does it show in the caseworker's own list, even searched for by name.
  await page.goto(`/cases?q=${encodeURIComponent(familyName)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await expect(page.getByText("No cases match.")).toBeVisible();
  await expect(page.getByTestId("case-list")).toHaveCount(0);
});

test("a malformed case id is simply not found", async ({ page }) => {
  for (const path of [
    "/cases/not-a-uuid",
    "/cases/not-a-uuid/edit",
    "/cases/00000000-0000-4000-8000-000000000000",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expectNotFound(page);
  }
});
