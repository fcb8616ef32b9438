import { expect, type Page, test } from "@playwright/test";
import { casePath, expectNotFound, fillRegistration, pageAs, uniqueName } from "./support";

const REASONS = "Family located and willing; the child's clear and consistent wish";

async function fillReport(page: Page) {
  const f = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  await f("Tracing request 1: agency", "ICRC");
  await f("Tracing request 1: date", "2025-01-10");
  await page.getByLabel("Tracing outcome", { exact: true }).selectOption("located");
  await f("Family assessment", "Mother and two sisters in Zinder, assessed by a partner");
  await f("What the child said", "He wants to go home to his mother");
  await f("Language of the interview", "Hausa");
  await f("Age and maturity", "15, mature for his age");
  await page.getByLabel("An interpreter was used").check();
  await f("Guardian's or caregiver's views", "Shelter staff support the return");
  await page.getByLabel("Consent of the guardian or caregiver", { exact: true }).selectOption("given");
  await f("Risks in Libya", "Detention and labour exploitation");
  await f("Risks in transit", "Escorted flight");
  await f("Risks at destination", "Poverty; reintegration support planned");
  await f("Health and MHPSS", "Healthy; MHPSS follow-up");
  await f("Education", "Primary school completed");
  await f("Identity and culture", "Hausa, Muslim");
  await f("Siblings", "Two younger sisters with the mother");
  await page.getByLabel("Option 1", { exact: true }).selectOption("vhr_reintegration");
  await f("Option 1: pros", "Family located; the child's wish");
  await f("Option 1: cons", "Economic hardship");
  await page.getByLabel("Option 2", { exact: true }).selectOption("care_host_family");
  await f("Option 2: pros", "Safe now");
  await f("Option 2: cons", "Prolonged separation");
  await page.getByLabel("Recommended option", { exact: true }).selectOption("vhr_reintegration");
  await f("Rationale", "The family is willing and able; the child wishes to return");
}

async function vote(page: Page, position: string, option: string | null, reasons: string) {
  await page.getByLabel("Position", { exact: true }).selectOption(position);
  if (option) await page.getByLabel("Option supported", { exact: true }).selectOption(option);
  await page.getByLabel("Reasons", { exact: true }).fill(reasons);
  await page.getByRole("button", { name: "Record position" }).click();
  await expect(page.getByText("Position recorded.")).toBeVisible();
}

test("a child's BID goes from assessment to a panel decision with dissent, and panel members see nothing else", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const karim = await pageAs(browser, "caseworker");
  const leila = await pageAs(browser, "supervisor");
  const nadia = await pageAs(browser, "panel");
  const samira = await pageAs(browser, "panelUnicef");
  const jamal = await pageAs(browser, "panelUnhcr");
  try {
    // The caseworker registers an unaccompanied child and drafts the BIA.
    const family = uniqueName("Abdou");
    await karim.goto("/cases/new");
    await fillRegistration(karim, { familyName: family, givenNames: "Moussa", dateOfBirth: "2011-04-10" });
    await karim.locator("#uascStatus").selectOption("unaccompanied");
    // The guardian consents to sharing, which the report needs to reach the panel's agencies.
    await karim.getByRole("checkbox", { name: "Sharing with partner organisations" }).check();
    await karim.getByRole("button", { name: "Register", exact: true }).click();
    await expect(karim.getByText(/Registered as LBY-/)).toBeVisible();
    const path = casePath(karim);
    const childId = path.split("/").pop() as string;
    await karim.goto(`${path}/bid`);
    const bia = karim.getByRole("form", { name: "Best Interests Assessment (BIA)" });
    await bia.getByLabel("Child's situation").fill("Arrived alone via Agadez");
    await bia.getByLabel("Current care arrangement").fill("Safe shelter in Tripoli");
    await bia.getByLabel("Family tracing status").fill("Mother located by ICRC");
    await bia.getByLabel("The child's views").fill("Wants to go home");
    await bia.getByLabel(/How the child was heard/).fill("Interview in Hausa with an interpreter");
    await bia.getByLabel("Risks", { exact: true }).fill("Detention, exploitation");
    await bia.getByLabel("Immediate needs").fill("Shelter and MHPSS");
    await bia.getByRole("button", { name: "Submit for approval" }).click();
    await expect(karim.getByTestId("bia-status")).toHaveText("BIA awaiting approval");

    // The supervisor approves the BIA and records that a BID is required.
    await leila.goto(`${path}/bid`);
    await leila.getByRole("button", { name: "Approve BIA" }).click();
    await expect(leila.getByTestId("bia-status")).toHaveText("BIA approved");
    const required = leila.getByRole("form", { name: "BID required" });
    await required.getByLabel("Return / VHR of a child").check();
    await required.getByLabel("Explain why").fill("The child asks to return to his mother in Niger");
    await required.getByRole("button", { name: "Record that a BID is required" }).click();
    await expect(leila.getByTestId("bid-status")).toHaveText("BID required");

    // The caseworker cannot submit an incomplete report, then completes it.
    await karim.reload();
    await karim
      .getByLabel("Reason for the BID", { exact: true })
      .fill("Return to Niger requested by the child");
    await karim.getByRole("button", { name: "Submit to the supervisor" }).click();
    await expect(karim.getByText("some elements are missing without a recorded reason")).toBeVisible();
    await fillReport(karim);
    await karim.getByRole("button", { name: "Submit to the supervisor" }).click();
    await expect(karim.getByTestId("bid-status")).toHaveText("Report with the supervisor");

    // The supervisor passes it to the panel.
    await leila.reload();
    await leila.getByRole("button", { name: "Submit to the panel" }).click();
    await expect(leila.getByTestId("bid-status")).toHaveText("Ready for the panel");

    // The chair schedules a session, accepts the undertaking, builds and publishes the agenda.
    const title = `Panel ${uniqueName("S")}`;
    await nadia.goto("/panel");
    await nadia.getByLabel("Title", { exact: true }).fill(title);
    await nadia.getByLabel("Date", { exact: true }).fill("2030-06-01");
    await nadia.getByRole("button", { name: "Schedule", exact: true }).click();
    await nadia.getByRole("link", { name: new RegExp(title) }).click();
    await nadia.getByRole("button", { name: "I accept the undertaking" }).click();
    await nadia
      .getByTestId("ready")
      .getByRole("listitem")
      .filter({ hasText: family })
      .getByRole("button", { name: "Add to the agenda" })
      .click();
    await expect(nadia.getByTestId("agenda")).toContainText(family);
    await nadia.getByLabel("Samira Panel (UNICEF) (UNICEF)").check();
    await nadia.getByLabel("Jamal Panel (UNHCR) (UNHCR)").check();
    await nadia.getByRole("button", { name: "Invite", exact: true }).click();
    await expect(nadia.getByText("Jamal Panel (UNHCR) (UNHCR) · undertaking not yet accepted")).toBeVisible();
    await nadia.getByRole("button", { name: "Publish the agenda" }).click();
    await expect(nadia.getByText("The agenda is not published")).toHaveCount(0);
    const sessionPath = new URL(nadia.url()).pathname;

    // Two members accept the undertaking and vote; one dissents.
    for (const [member, position, option] of [
      [samira, "approve", "vhr_reintegration"],
      [jamal, "not_approve", null],
    ] as const) {
      await member.goto("/panel");
      await member.getByRole("link", { name: new RegExp(title) }).click();
      await expect(member.getByTestId("agenda")).toHaveCount(0);
      await member.getByRole("button", { name: "I accept the undertaking" }).click();
      await member
        .getByTestId("agenda")
        .getByRole("link", { name: new RegExp(family) })
        .click();
      await expect(member.getByTestId("panel-child")).toContainText(family);
      await expect(member.getByTestId("bid-report")).toContainText("Two younger sisters with the mother");
      await vote(
        member,
        position,
        option,
        position === "approve" ? REASONS : "Reintegration support is not yet in place",
      );
    }

    // The chair votes and records the majority decision.
    await nadia
      .getByTestId("agenda")
      .getByRole("link", { name: new RegExp(family) })
      .click();
    await vote(nadia, "approve", "vhr_reintegration", REASONS);
    await expect(nadia.getByTestId("quorum")).toContainText("Quorum met: 3 voting members.");
    const decide = nadia.getByRole("form", { name: "Record the panel's decision" });
    await decide.getByLabel("Decision", { exact: true }).selectOption("approved");
    await decide.getByLabel("Option", { exact: true }).selectOption("vhr_reintegration");
    await decide.getByLabel("Rationale", { exact: true }).fill(REASONS);
    await decide.getByRole("button", { name: "Record the decision" }).click();
    await expect(nadia.getByTestId("panel-decision")).toContainText("Majority, with dissent recorded");

    // The caseworker sees the decision with the dissent, records the child informed and the plan.
    await karim.reload();
    await expect(karim.getByTestId("decision-outcome")).toHaveText("Approved");
    await expect(karim.getByTestId("dissent")).toContainText("Jamal Panel (UNHCR) (UNHCR): Not approve");
    await karim.getByLabel("Date the child was informed").fill("2025-02-01");
    await karim.getByLabel("Review date").fill("2030-08-01");
    await karim.getByLabel("How the child was informed").fill("In person, in Hausa, with his caregiver");
    await karim.getByLabel("Implementation plan").fill("Escorted VHR; reintegration partner in Zinder");
    await karim.getByLabel("Follow-up", { exact: true }).fill("Visit within 30 days of arrival");
    await karim.getByRole("button", { name: "Record", exact: true }).click();
    await expect(karim.getByTestId("bid-status")).toHaveText("Child informed, in implementation");
    await expect(karim.getByTestId("implementation")).toContainText("Escorted VHR");
    await karim.getByRole("link", { name: "Printable summary" }).click();
    await expect(karim.getByTestId("decision-summary")).toContainText("Not approve");
    await expect(karim.getByTestId("decision-summary")).toContainText("Escorted VHR");

    // A member reaches no other child: not another id under the session, not the case, not the list.
    await samira.goto(`${sessionPath}/cases/${childId}`);
    await expectNotFound(samira);
    await samira.goto(`${sessionPath}/cases/00000000-0000-4000-8000-000000000000`);
    await expectNotFound(samira);
    await samira.goto(`${path}/bid`);
    await expectNotFound(samira);
    await samira.goto(path);
    await expectNotFound(samira);
    await samira.goto("/cases");
    await expectNotFound(samira);
  } finally {
    for (const page of [karim, leila, nadia, samira, jamal]) await page.context().close();
  }
});
