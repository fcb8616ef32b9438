import { expect, test } from "@playwright/test";
import { fillRegistration, registerPerson, storageState, uniqueName } from "./support";

test.use({ storageState: storageState("caseworker") });

test("caseworker registers a person, meets the duplicate warning, and finds the case by a misspelled name", async ({
  page,
}) => {
  const family = uniqueName("Mahamat");
  const caseNumber = await registerPerson(page, {
    familyName: family,
    givenNames: "Mohamed Ali",
    dateOfBirth: "1994-06-15",
  });
  expect(caseNumber).toMatch(/^LBY-\d{2}-[0-9A-Z]{6}$/);

  // The same person met again, spelled the way another interpreter would write it.
  await page.goto("/cases/new");
  await fillRegistration(page, { familyName: family, givenNames: "Muhammad Aly", dateOfBirth: "1995-01-20" });
  await page.getByRole("button", { name: "Register", exact: true }).click();
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toBeVisible();
  await expect(warning.getByTestId("duplicate-matches")).toContainText(caseNumber);
  // The match names the person's nationality in the reader's language, not by its code.
  await expect(warning.getByTestId("duplicate-matches")).toContainText(" · Niger · ");

  // Confirming needs a reason; a short one is refused and nothing is saved.
  await page.getByLabel("Why is this a different person?").fill("no");
  await page.getByRole("button", { name: "Register as a new person" }).click();
  await expect(page.getByText("Write a reason of at least 10 characters.")).toBeVisible();
  await page
    .getByLabel("Why is this a different person?")
    .fill("Different mother's name and place of birth, checked with him.");
  await page.getByRole("button", { name: "Register as a new person" }).click();
  await expect(page.getByText(/Registered as LBY-/)).toBeVisible();
  const second = (await page.getByTestId("case-number").textContent())?.trim();
  expect(second).not.toBe(caseNumber);

  // Search with yet another spelling finds both.
  await page.goto(`/cases?q=${encodeURIComponent(`${family} Muhamad`)}`);
  const list = page.getByTestId("case-list");
  await expect(list).toContainText(caseNumber);
  await expect(list).toContainText(second ?? "");
});

test("a duplicate whose nationality is not established is named so, not by a code", async ({ page }) => {
  const family = uniqueName("Abakar");
  const caseNumber = await registerPerson(page, {
    familyName: family,
    givenNames: "Issa",
    dateOfBirth: "2001-03-10",
    nationality: "XXX",
  });
  // The case page names it as the picker does.
  await expect(page.getByRole("main")).toContainText("Stateless or unknown");
  await page.goto("/cases/new");
  await fillRegistration(page, {
    familyName: family,
    givenNames: "Issa",
    dateOfBirth: "2001-09-01",
    nationality: "XXX",
  });
  await page.getByRole("button", { name: "Register", exact: true }).click();
  const matches = page.getByTestId("duplicate-warning").getByTestId("duplicate-matches");
  await expect(matches).toContainText(caseNumber);
  await expect(matches).toContainText(" · Stateless or unknown · ");
});
