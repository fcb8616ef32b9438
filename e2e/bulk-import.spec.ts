import { expect, test } from "@playwright/test";
import { buildKoboCsv, generateImportRows } from "../tests/support/import-files";
import { storageState } from "./support";

test.use({ storageState: storageState("supervisor") });

test("supervisor uploads a 1,000-row Kobo export with errors, reads the report, and imports the valid rows", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A fresh seed per run: the people must not already exist from an earlier run on this database.
  const file = buildKoboCsv(generateImportRows(1000, Date.now() % 2 ** 31), { errors: 30 });
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import beneficiaries" })).toBeVisible();
  await page.getByLabel("File (CSV or XLSX)").setInputFiles({
    name: "kobo-export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(file.bytes),
  });
  await page.getByRole("button", { name: "Read file" }).click();

  // The mapping is proposed from the Kobo group-prefixed headers.
  await expect(page.getByText("1000 data rows, 15 columns.")).toBeVisible();
  await expect(page.getByLabel("Family name")).toHaveValue("group_biodata/family_name");
  await expect(page.getByLabel("Consent date")).toHaveValue("group_consent/consent_date");

  // Dry run first: the report, and nothing written.
  await page.getByRole("button", { name: "Check the file" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Dry run complete: nothing was written.")).toBeVisible();
  await expect(report.getByTestId("count-rows")).toHaveText("1000");
  await expect(report.getByTestId("count-errors")).toHaveText("30");
  await expect(report.getByTestId("count-valid")).toHaveText("970");
  await expect(report.getByTestId("count-imported")).toHaveText("0");
  const expectations = [
    ["import.errors.dateFormat", "Dates must be written YYYY-MM-DD."],
    ["import.errors.unknownBaladiya", "Unknown baladiya: use the P-code (e.g. LY021104) or the exact name."],
    ["import.errors.unknownCountry", "Unknown country: use the ISO code (e.g. NER) or the English name."],
  ] as const;
  for (const [key, text] of expectations) {
    const error = file.errors.find((e) => e.key === key);
    if (!error) throw new Error(`no injected ${key}`);
    const row = report.getByRole("row").filter({ hasText: text }).filter({ hasText: error.column });
    await expect(
      row
        .getByRole("cell")
        .first()
        .filter({ hasText: new RegExp(`^${error.row}$`) }),
    ).toHaveCount(1);
  }

  // Then the real import, valid rows only.
  await page.getByRole("radio", { name: /^Valid rows only/ }).check();
  await page.getByRole("button", { name: "Run the import" }).click();
  await expect(page.locator("#import-progress")).toBeVisible();
  await expect(report.getByTestId("count-imported")).not.toHaveText("0", { timeout: 60_000 });
  await expect(page.locator("#import-progress")).toHaveAttribute("value", "100");
  const duplicates = Number(await report.getByTestId("count-duplicates").textContent());
  const imported = 970 - duplicates;
  await expect(report.getByTestId("count-imported")).toHaveText(String(imported));
  await expect(page.getByText(`${imported} people imported.`)).toBeVisible();

  // The office's import history names the file and the result.
  await page.reload();
  const history = page
    .getByRole("row")
    .filter({ hasText: "kobo-export.csv" })
    .filter({ hasText: "Valid rows only" });
  await expect(history.first()).toContainText(String(imported));
});
