import { expect, test } from "@playwright/test";
import { casePath, registerPerson, storageState, uniqueName } from "./support";

test.use({ storageState: storageState("caseworker") });

test("a caseworker records an NFI kit, sees it on the case, and voids it with a reason", async ({ page }) => {
  const familyName = uniqueName("Assist");
  await registerPerson(page, { familyName, givenNames: "Amina", sex: "Female" });
  const path = casePath(page);

  await page
    .getByRole("navigation", { name: "Case sections" })
    .getByRole("link", { name: "Assistance" })
    .click();
  await expect(page).toHaveURL(`${path}/assistance`);
  await expect(page.getByText("No assistance recorded yet.")).toBeVisible();

  await page.getByRole("link", { name: "Record assistance" }).click();
  await page.getByLabel("Type of assistance").selectOption({ label: "NFI kit" });
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Record", exact: true }).click();

  await expect(page.getByText("The assistance was recorded.")).toBeVisible();
  const row = page.getByTestId("assistance-list").getByRole("row").nth(1);
  await expect(row).toContainText("NFI kit");
  await expect(row).toContainText("Counted");
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");

  await row.getByRole("link", { name: "Correct" }).click();
  await page.getByRole("button", { name: "Void the record" }).click();
  await expect(page.getByText("Give a reason of at least 10 characters.")).toBeVisible();
  await page.getByLabel("Reason for the correction").fill("Recorded on the wrong case by mistake");
  await page.getByRole("button", { name: "Void the record" }).click();

  await expect(page.getByText("The record was voided.")).toBeVisible();
  const voided = page.getByTestId("assistance-list").getByRole("row").nth(1);
  await expect(voided).toContainText("Voided");
  await expect(voided).toContainText("Recorded on the wrong case by mistake");
  await expect(voided.getByRole("link", { name: "Correct" })).toHaveCount(0);
});

test("a completed referral's link opens the form with the matching type", async ({ page }) => {
  await registerPerson(page, { familyName: uniqueName("Refer"), givenNames: "Moussa" });
  const path = casePath(page);
  await page.goto(`${path}/assistance/new?service=mhpss`);
  await expect(page.getByLabel("Type of assistance")).toHaveValue("mhpss_session");
});
