import { expect, test } from "@playwright/test";
import { casePath, fillRegistration, storageState, uniqueName } from "./support";

test.use({ storageState: storageState("caseworker") });

/** A date of birth that makes the person 15 today, whatever day the suite runs. */
function fifteenYearsAgo(): string {
  return `${new Date().getUTCFullYear() - 15}-01-01`;
}

test("caseworker screens an unaccompanied child at high risk and confirms the suggested child protection referral", async ({
  page,
}) => {
  await page.goto("/cases/new");
  await fillRegistration(page, {
    familyName: uniqueName("Adam"),
    givenNames: "Ibrahim",
    dateOfBirth: fifteenYearsAgo(),
    nationality: "SDN",
  });
  await page.locator("#uascStatus").selectOption("unaccompanied");
  await page.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByText(/Registered as LBY-/)).toBeVisible();
  const casePathname = casePath(page);

  // The Screenings tab lists nothing yet and offers each instrument.
  await page.getByRole("link", { name: "Screenings", exact: true }).click();
  await expect(page.getByText("No screening has been recorded for this person yet.")).toBeVisible();
  await page.getByRole("link", { name: "Child protection / UASC assessment" }).click();
  await expect(page).toHaveURL(`${casePathname}/screenings/new?instrument=child_protection`);

  // Saving with nothing filled in is refused field by field.
  await page.getByRole("button", { name: "Save screening" }).click();
  await expect(page.getByText("This field is required.").first()).toBeVisible();

  // Cause of separation and tracing are asked only once the child is unaccompanied or separated.
  await expect(page.getByLabel("Cause of separation")).toHaveCount(0);
  await page.getByLabel("Protection status").selectOption("unaccompanied");
  await page.getByLabel("Cause of separation").selectOption("migration_journey");
  await page.getByLabel("Current care arrangement").selectOption("alone");
  await page.getByLabel("Family tracing").selectOption("not_started");
  await page.getByRole("checkbox", { name: "Child labour" }).check();
  await page.getByLabel("Risk level (your judgement)").selectOption("high");
  await page.getByRole("button", { name: "Save screening" }).click();

  // The outcome computed on the server, with its reasons and suggested referrals.
  await expect(page.getByText("Screening saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^[^?]*${casePathname}/screenings/[0-9a-f-]{36}\\?saved=1$`));
  const screeningId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expect(page.getByTestId("outcome")).toHaveText("High risk");
  await expect(
    page.getByText("High risk in an unsafe care arrangement: arrange safe care now."),
  ).toBeVisible();
  const childProtection = page.getByTestId("suggestion-child_protection");
  const bid = page.getByTestId("suggestion-bid");
  await expect(childProtection).toContainText("Child protection");
  await expect(childProtection).toContainText("High urgency");
  await expect(bid).toContainText("Best interests procedure");
  await expect(bid).toContainText("High urgency");

  // The answers are shown as given.
  await expect(page.getByRole("region", { name: "Answers" })).toContainText("Alone, no one caring for them");

  // The same screening appears on the tab.
  await page.goto(`${casePathname}/screenings`);
  await expect(page.getByTestId(`screening-${screeningId}`)).toContainText("High risk");

  // Confirming leads to the referral form, prefilled with service, urgency and the screening.
  await page
    .getByTestId(`screening-${screeningId}`)
    .getByTestId("suggestion-child_protection")
    .getByRole("button", { name: "Confirm" })
    .click();
  await expect(page).toHaveURL(
    `${casePathname}/referrals/new?service=child_protection&urgency=high&screening=${screeningId}`,
  );

  // Back on the tab, the suggestion is decided and cannot be confirmed twice.
  await page.goto(`${casePathname}/screenings`);
  const decided = page.getByTestId(`screening-${screeningId}`).getByTestId("suggestion-child_protection");
  await expect(decided).toContainText("Confirmed by");
  await expect(decided.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  await expect(decided.getByRole("link", { name: "Create the referral" })).toBeVisible();

  // Dismissing the BID suggestion needs a reason.
  const bidOnTab = page.getByTestId(`screening-${screeningId}`).getByTestId("suggestion-bid");
  await bidOnTab.getByRole("button", { name: "Dismiss" }).click();
  await bidOnTab.getByLabel("Why is this referral not needed?").fill("short");
  await bidOnTab.getByRole("button", { name: "Dismiss suggestion" }).click();
  await expect(bidOnTab.getByText("Write a reason of at least 10 characters.")).toBeVisible();
  await bidOnTab
    .getByLabel("Why is this referral not needed?")
    .fill("A BIA was completed by the partner last week.");
  await bidOnTab.getByRole("button", { name: "Dismiss suggestion" }).click();
  await expect(bidOnTab).toContainText("Dismissed by");
  await expect(bidOnTab).toContainText("A BIA was completed by the partner last week.");
});
