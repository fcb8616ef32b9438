import { expect, test } from "@playwright/test";
import { casePath, registerPerson, storageState, uniqueName, watchHydration } from "./support";

test.use({ storageState: storageState("caseworker") });

test("of two edits opened at the same version, the second save is refused and changes nothing", async ({
  page,
  context,
}) => {
  // Several browser contexts and form round trips: allow three times the default timeout.
  test.slow();
  const hydration = watchHydration(page);
  const familyName = uniqueName("Ousmane");
  const caseNumber = await registerPerson(page, { familyName, givenNames: "Amadou" });
  const path = casePath(page);

  // Two tabs open the edit form of the same version.
  await page.goto(`${path}/edit`);
  const second = await context.newPage();
  hydration.push(...watchHydration(second));
  await second.goto(`${path}/edit`);
  for (const tab of [page, second]) {
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText(`Edit ${caseNumber}`);
    await expect(tab.getByLabel("Given names")).toHaveValue("Amadou");
  }

  // The first tab saves.
  await page.getByLabel("Given names").fill("Amadou First");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?saved=1$`));
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${familyName}, Amadou First`);

  // The second tab, still at the old version, is told and keeps its edit unsaved.
  await second.getByLabel("Given names").fill("Amadou Second");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByTestId("form-error")).toHaveText(
    "Someone else changed this record after you opened it. Your changes were not saved. Reload the page to see the current version.",
  );
  await expect(second).toHaveURL(new RegExp(`${path}/edit$`));
  await expect(second.getByLabel("Given names")).toHaveValue("Amadou Second");

  // The record holds the first change.
  await second.goto(path);
  await expect(second.getByRole("heading", { level: 1 })).toContainText(`${familyName}, Amadou First`);
  await expect(second.getByText("Amadou Second")).toHaveCount(0);
  expect(hydration).toEqual([]);
});
