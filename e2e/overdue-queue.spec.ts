import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { casePath, pageAs, registerPerson, uniqueName } from "./support";

test.use({ storageState: "e2e/.auth/caseworker.json" });

test("a referral past its deadline shows as overdue on the case and on the supervisor's queue", async ({
  page,
  browser,
}) => {
  const caseNumber = await registerPerson(page, { familyName: uniqueName("Late"), givenNames: "Idris" });
  const path = casePath(page);
  await page.goto(`${path}/referrals/new?service=health&urgency=high`);
  await expect(page.getByLabel("Service", { exact: true })).toHaveValue("health");
  await expect(page.getByLabel("Urgency", { exact: true })).toHaveValue("high");
  await page.getByLabel("Reason for referral").fill("Infected wound on the foot; needs a clinic today.");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("The referral was submitted for the supervisor's approval.")).toBeVisible();
  await expect(page.getByTestId("referral-overdue")).toHaveCount(0);

  // Move the clock instead of waiting: the deadline passed an hour ago.
  const sql = postgres(process.env.E2E_DATABASE_URL as string, { max: 1, onnotice: () => {} });
  try {
    const moved = await sql`
      update referrals set due_at = now() - interval '1 hour'
      where beneficiary_id = (select id from beneficiaries where case_number = ${caseNumber})
      returning id`;
    expect(moved).toHaveLength(1);
  } finally {
    await sql.end();
  }

  await page.reload();
  await expect(page.getByTestId("referral-overdue")).toHaveText("Overdue");

  const supervisor = await pageAs(browser, "supervisor");
  await supervisor.goto("/queue");
  const overdue = supervisor.getByTestId("queue-overdue").getByRole("listitem", { name: caseNumber });
  await expect(overdue).toContainText("Health");
  await expect(supervisor.getByTestId("count-overdue")).not.toHaveText("0");
  await supervisor.goto("/queue?urgency=low");
  await expect(
    supervisor.getByTestId("queue-overdue").getByRole("listitem", { name: caseNumber }),
  ).toHaveCount(0);
  await supervisor.goto("/queue?urgency=high&service=health");
  await expect(
    supervisor.getByTestId("queue-overdue").getByRole("listitem", { name: caseNumber }),
  ).toHaveCount(1);
});
