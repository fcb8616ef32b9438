import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { casePath, pageAs, registerPerson, USERS, uniqueName } from "./support";

/**
 * The person's referral is open (submitted to the supervisor). It is put in place directly so this
 * journey depends only on the closure screens; the referral journeys cover creating one.
 */
async function openReferral(caseId: string): Promise<void> {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  try {
    await sql`
      insert into referrals (beneficiary_id, service, recipient_kind, urgency, reason, state, created_by)
      select ${caseId}, 'mhpss', 'internal', 'medium', 'Distress after detention', 'submitted', u.id
      from users u where u.email = ${USERS.caseworker}`;
  } finally {
    await sql.end();
  }
}

test("a closure request is blocked by an open referral, then approved", async ({ browser }) => {
  const karim = await pageAs(browser, "caseworker");
  const leila = await pageAs(browser, "supervisor");
  try {
    const family = uniqueName("Closa");
    const caseNumber = await registerPerson(karim, { familyName: family, givenNames: "Moussa" });
    const path = casePath(karim);
    await openReferral(path.split("/").pop() ?? "");

    // The caseworker asks for closure and is told at once that the open referral blocks it.
    await karim.getByRole("link", { name: "Status and closure" }).click();
    await expect(karim.getByTestId("case-status")).toHaveText("Open");
    await expect(karim.getByText("This case has 1 open referral.", { exact: false })).toBeVisible();
    await karim.getByLabel("Closure reason").selectOption({ label: "Lost contact" });
    await karim.getByLabel("Comment for the supervisor").fill("No answer on the phone for two months");
    await karim.getByRole("button", { name: "Request closure" }).click();
    await expect(karim.getByTestId("closure-blocked")).toHaveText(
      "Closure is blocked: 1 referral is still open. The referrals must be withdrawn or completed, or a supervisor must override with a reason.",
    );
    await expect(karim.getByTestId("case-status")).toHaveText("Closure requested");
    await expect(karim.getByText("Waiting for the supervisor's decision.")).toBeVisible();
    await expect(karim.getByRole("button", { name: /approve/i })).toHaveCount(0);

    // The supervisor finds it in the queue, cannot approve without a reason, then overrides.
    await leila.goto("/queue");
    const closures = leila.getByRole("region", { name: /^Closure requests/ });
    const request = closures.getByRole("listitem", { name: caseNumber });
    await expect(request).toContainText("Lost contact");
    await expect(request.getByRole("status")).toContainText("1 referral is still open");
    await request.getByRole("button", { name: "Override and approve closure" }).click();
    await expect(request.getByRole("alert")).toHaveText(
      "Referrals are still open: write a reason of at least 10 characters to close the case anyway.",
    );
    await request
      .getByLabel("Reason for closing despite open referrals")
      .fill("Person left Libya; the partner cannot reach them");
    await request.getByRole("button", { name: "Override and approve closure" }).click();
    await expect(closures.getByRole("listitem", { name: caseNumber })).toHaveCount(0);
    // The confirmation outlives the item it was about.
    await expect(leila.getByTestId("action-outcome")).toHaveText(`${caseNumber}: closure approved.`);

    // The case shows Closed with the reason, for the caseworker too.
    await karim.reload();
    await expect(karim.getByTestId("case-status")).toHaveText("Closed");
    await expect(karim.getByTestId("closure-reason")).toHaveText("Lost contact");
    await expect(karim.getByTestId("closure-outcome")).toContainText(
      "Person left Libya; the partner cannot reach them",
    );
    await expect(karim.getByRole("button", { name: "Request closure" })).toHaveCount(0);
    await karim.getByRole("link", { name: "Notes" }).click();
    await expect(karim.getByLabel("New note")).toHaveCount(0);

    // The supervisor reopens it; it is active again.
    await leila.goto(`${path}/closure`);
    await leila.getByLabel("Why the case is reopened").fill("Person came back to the Tripoli office");
    await leila.getByRole("button", { name: "Reopen case" }).click();
    await expect(leila.getByTestId("case-status")).toHaveText("Active");
    await expect(leila.getByRole("cell", { name: "Person came back to the Tripoli office" })).toBeVisible();
    await karim.goto(path);
    await expect(karim.getByText("Active", { exact: true })).toBeVisible();
  } finally {
    for (const page of [karim, leila]) await page.context().close();
  }
});
