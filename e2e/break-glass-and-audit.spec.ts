import { expect, test } from "@playwright/test";
import { casePath, pageAs, registerPerson, storageState, uniqueName } from "./support";

test.describe("sensitive data: break-glass, supervisor review, audit search, export", () => {
  test.use({ storageState: storageState("caseworker") });

  test("a caseworker without the trafficking permission sees 'restricted', breaks glass with a reason; the supervisor and the admin see it", async ({
    page,
    browser,
  }) => {
    const familyName = uniqueName("Bg");
    const caseNumber = await registerPerson(page, { familyName, givenNames: "Amadou" });
    const path = casePath(page);
    // The owner manages the whole case; a colleague assigned to help sees sensitive categories as restricted.
    await expect(page.getByTestId("category-trafficking")).toContainText("Case owner or supervisor");
    const supervisorPage = await pageAs(browser, "supervisor");
    await supervisorPage.goto(path);
    await supervisorPage
      .getByLabel("Add a caseworker to this case")
      .selectOption({ label: "Salma Caseworker" });
    await supervisorPage.getByRole("button", { name: "Assign", exact: true }).click();
    // The list of assignees, not the select, which offers the same name before the assignment.
    await expect(
      supervisorPage.getByTestId("assignments").getByRole("listitem").filter({ hasText: "Salma Caseworker" }),
    ).toBeVisible();
    const colleague = await pageAs(browser, "caseworker2");
    await colleague.goto(path);
    const trafficking = colleague.getByTestId("category-trafficking");
    await expect(trafficking.getByText("Restricted", { exact: true })).toBeVisible();

    await trafficking.getByRole("button", { name: "Open with a reason (break-glass)" }).click();
    await trafficking.getByLabel("Why must you see this information now?").fill("short");
    await trafficking.getByRole("button", { name: "Open and record" }).click();
    await expect(trafficking.getByRole("alert")).toHaveText("Write a reason of at least 15 characters.");
    await trafficking
      .getByLabel("Why must you see this information now?")
      .fill("Disclosed exploitation at the centre; urgent protection referral");
    await trafficking.getByRole("button", { name: "Open and record" }).click();
    await expect(trafficking.getByText("Opened with break-glass")).toBeVisible();

    const supervisor = supervisorPage;
    await supervisor.goto("/break-glass");
    const row = supervisor.getByTestId("break-glass-list").getByRole("row").filter({ hasText: caseNumber });
    await expect(row).toContainText("Disclosed exploitation at the centre");
    await expect(row).toContainText("Trafficking");
    await supervisor.goto(`${path}/history`);
    await expect(supervisor.locator("tr.flagged").filter({ hasText: "break_glass" })).toBeVisible();
    await supervisor.getByTestId("break-glass-list").getByRole("button", { name: "Mark reviewed" }).click();
    await expect(supervisor.getByTestId("break-glass-list")).toContainText("Reviewed by");

    const admin = await pageAs(browser, "admin");
    await admin.goto("/admin/audit");
    await admin.getByLabel("Record id").fill(path.split("/").pop() ?? "");
    await admin.getByLabel("Action", { exact: true }).fill("break_glass");
    await admin.getByRole("button", { name: "Search" }).click();
    const events = admin.getByTestId("audit-table");
    await expect(events.getByRole("row")).toHaveCount(2);
    await expect(events).toContainText("caseworker");
    await expect(events).toContainText("Flagged");
    const download = admin.waitForEvent("download");
    await admin.getByRole("button", { name: "Export these events (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sanad-audit-.*\.csv$/);
  });

  test("an export of personal data asks for a purpose and is logged with its row count", async ({
    browser,
  }) => {
    const supervisor = await pageAs(browser, "supervisor");
    await supervisor.goto("/cases");
    await supervisor.getByRole("link", { name: "Export…" }).click();
    await expect(supervisor.getByRole("heading", { name: "Export personal data" })).toBeVisible();
    await supervisor.getByLabel("Purpose").selectOption("service_delivery");
    await supervisor.getByLabel("Justification").fill("Distribution list for the winter kits");
    await supervisor.getByLabel("Format").selectOption("csv");
    const download = supervisor.waitForEvent("download");
    await supervisor.getByRole("button", { name: "Export", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sanad-cases-.*\.csv$/);

    const admin = await pageAs(browser, "admin");
    await admin.goto("/admin/audit?action=export&user=supervisor%40sanad.example");
    await expect(admin.getByTestId("audit-table")).toContainText("purpose=service_delivery");
    await expect(admin.getByTestId("audit-table")).toContainText("rowCount=");
  });
});
