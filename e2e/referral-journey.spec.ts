import { expect, test } from "@playwright/test";
import { casePath, expectNotFound, pageAs, registerPerson, uniqueName } from "./support";

test.use({ storageState: "e2e/.auth/caseworker.json" });

test("a caseworker refers to MHPSS; the supervisor approves from the queue; the focal point accepts and completes", async ({
  page,
  browser,
}) => {
  const familyName = uniqueName("Ref");
  const caseNumber = await registerPerson(page, { familyName, givenNames: "Mariam", sex: "Female" });
  const path = casePath(page);

  await page.getByRole("link", { name: "Referrals", exact: true }).click();
  await expect(page).toHaveURL(`${path}/referrals`);
  await page.getByRole("link", { name: "New referral" }).click();
  await page.getByLabel("Service", { exact: true }).selectOption("mhpss");
  await page.getByLabel("Urgency", { exact: true }).selectOption("high");
  await expect(page.getByTestId("consent-status")).toContainText("consented to receiving services");
  await page
    .getByLabel("Reason for referral")
    .fill("High distress on the K10 screening; asks to talk to someone.");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("The referral was submitted for the supervisor's approval.")).toBeVisible();
  const card = page.getByTestId("referral").first();
  await expect(card.getByTestId("referral-state")).toHaveText("Awaiting approval");

  const supervisor = await pageAs(browser, "supervisor");
  await supervisor.goto("/queue");
  const pending = supervisor
    .getByTestId("queue-awaiting-approval")
    .getByRole("listitem", { name: caseNumber });
  await expect(pending).toContainText("Mental health and psychosocial support");
  await pending.getByRole("button", { name: "Approve and send" }).click();
  await expect(
    supervisor.getByTestId("queue-awaiting-approval").getByRole("listitem", { name: caseNumber }),
  ).toHaveCount(0);
  // The item leaves the queue; the confirmation, naming the case, stays above it.
  await expect(supervisor.getByTestId("action-outcome")).toHaveText(`${caseNumber}: Approved and sent.`);

  const focal = await pageAs(browser, "focalMhpss");
  await focal.goto("/referrals/incoming");
  const incoming = focal.getByTestId("incoming-referral").filter({ hasText: caseNumber });
  await expect(incoming).toContainText("High distress on the K10 screening");
  await expect(incoming.getByTestId("referral-state")).toHaveText("Sent");
  await incoming.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(incoming.getByTestId("referral-state")).toHaveText("Accepted");
  await incoming.getByRole("button", { name: "Mark completed" }).click();
  await incoming
    .getByLabel("Feedback on the service provided")
    .fill("Four sessions of problem management plus; stable.");
  await incoming.getByRole("button", { name: "Mark completed" }).click();
  // Completed: it leaves the list of referrals to act on.
  await expect(focal.getByTestId("incoming-referral").filter({ hasText: caseNumber })).toHaveCount(0);
  await expect(focal.getByTestId("action-outcome")).toHaveText(`${caseNumber}: Completed.`);
  await focal.goto("/referrals/incoming?show=all");
  await expect(
    focal.getByTestId("incoming-referral").filter({ hasText: caseNumber }).getByTestId("referral-state"),
  ).toHaveText("Completed");
  // The focal point sees the referral, never the case.
  await focal.goto(path);
  await expectNotFound(focal);

  await page.reload();
  await expect(card.getByTestId("referral-state")).toHaveText("Completed");
  await card.locator("summary").click();
  await expect(card).toContainText("Four sessions of problem management plus; stable.");
  await expect(card).toContainText("Rania MHPSS Focal Point");
});
