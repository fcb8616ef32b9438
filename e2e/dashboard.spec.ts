import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { expectNotFound, storageState } from "./support";

test.use({ storageState: storageState("manager") });

const TRIPOLI = "LY0211";

/** The mantika where the seeded data reached most migrants with NFI kits in 2020 (the seed is random). */
async function busiestMantika(): Promise<string> {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ m: string }[]>`
      select b.mantika_pcode as m from assistance_records r join baladiyas b on b.pcode = r.baladiya_pcode
      where r.voided_at is null and r.assistance_type = 'nfi_kit' and r.population_type = 'migrant'
        and r.service_date between '2020-01-01' and '2020-12-31'
      group by 1 order by count(distinct r.beneficiary_id) desc, 1 limit 1`;
    return row?.m ?? TRIPOLI;
  } finally {
    await sql.end();
  }
}

/**
 * The expected figures, counted straight from the service records (not from the roll-up's facts):
 * distinct people with a qualifying, non-voided service in 2020 in the mantika.
 */
async function expected(mantika: string, indicatorTypes: string, population: string): Promise<number> {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(distinct r.beneficiary_id)::int as n
      from assistance_records r join baladiyas b on b.pcode = r.baladiya_pcode
      where r.voided_at is null and r.assistance_type = ${indicatorTypes}::assistance_type
        and r.population_type = ${population}::population_type
        and r.service_date between '2020-01-01' and '2020-12-31' and b.mantika_pcode = ${mantika}`;
    return row?.n ?? -1;
  } finally {
    await sql.end();
  }
}

const number = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/[^\d]/g, ""));

async function download(page: Page, name: string): Promise<ExcelJS.Worksheet> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile((await file.path()) as string);
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet("Roll-up");
  if (!sheet) throw new Error("no Roll-up sheet");
  return sheet;
}

function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, string>> {
  const tags = (sheet.getRow(2).values as string[]).slice(1);
  const out: Array<Record<string, string>> = [];
  sheet.eachRow((row, i) => {
    if (i <= 2) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(
      Object.fromEntries(
        tags.map((tag, j) => [tag, values[j] === undefined || values[j] === null ? "" : String(values[j])]),
      ),
    );
  });
  return out;
}

test("a programme manager filters to 2020 and one mantika, reads the figures and exports them", async ({
  page,
}) => {
  const mantika = await busiestMantika();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Programme dashboard" })).toBeVisible();
  await page.getByRole("combobox", { name: "Period", exact: true }).selectOption("year");
  await page.getByRole("combobox", { name: "Year", exact: true }).selectOption("2020");
  await page.getByRole("combobox", { name: "Mantika", exact: true }).selectOption(mantika);
  await page.getByRole("combobox", { name: "Indicator", exact: true }).selectOption("da_migrants");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("From 2020-01-01 to 2020-12-31")).toBeVisible();

  const daMigrants = await expected(mantika, "nfi_kit", "migrant");
  const mrrm = await expected(mantika, "mrrm_outreach", "migrant");
  expect(daMigrants).toBeGreaterThan(0);
  expect(await number(page, "reached-da_migrants")).toBe(daMigrants);
  expect(await number(page, "selected-total")).toBe(daMigrants);
  expect(await number(page, "reached-mrrm_beneficiaries")).toBe(mrrm);
  await expect(page.getByText("these can add up to more than the total").first()).toBeVisible();
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).not.toMatch(/LBY-\d{4}/);

  const external = rowsOf(await download(page, "XLSX (for sharing, suppressed)"));
  const internal = rowsOf(await download(page, "XLSX (internal)"));
  expect(external.length).toBe(internal.length);
  const total = external.find((r) => r["#meta+breakdown"] === "total");
  expect(total?.["#indicator+code"]).toBe("da_migrants");
  expect(total?.["#date+start"]).toBe("2020-01-01");
  const internalTotal = internal.find((r) => r["#meta+breakdown"] === "total");
  expect(Number(internalTotal?.["#reached"])).toBe(daMigrants);
  // The shared file withholds a total under five; the seed is random, so either may happen here.
  if (daMigrants >= 5) {
    expect(Number(total?.["#reached"])).toBe(daMigrants);
  } else {
    expect(total?.["#reached"]).toBe("");
    expect(total?.["#meta+suppressed"]).toBe("yes");
  }
  const suppressed = external.filter((r) => r["#meta+suppressed"] === "yes");
  expect(suppressed.length).toBeGreaterThan(0);
  for (const r of suppressed) expect(r["#reached"]).toBe("");
  // Every primary-suppressed cell was a small count in the internal file.
  const smallInternally = external.filter((r, i) => {
    const v = Number(internal[i]?.["#reached"]);
    return r["#meta+suppressed"] === "yes" && v > 0 && v < 5;
  });
  expect(smallInternally.length).toBeGreaterThan(0);
  for (const r of external) {
    expect(r["#meta+disclosure"]).toMatch(/^external/);
    const v = r["#reached"] === "" ? null : Number(r["#reached"]);
    if (v !== null && r["#meta+breakdown"] !== "trend_cumulative") expect(v === 0 || v >= 5).toBe(true);
  }
});

test("the HXL row opens both exports", async ({ page }) => {
  await page.goto("/dashboard?period=year&year=2020&mantika=LY0211&indicator=da_migrants");
  const sheet = await download(page, "XLSX (for sharing, suppressed)");
  const hxl = (sheet.getRow(2).values as string[]).slice(1);
  for (const tag of [
    "#sector",
    "#indicator+code",
    "#adm1+code",
    "#adm2+code",
    "#gender",
    "#age+group",
    "#reached",
    "#targeted",
    "#date+start",
    "#date+end",
  ]) {
    expect(hxl).toContain(tag);
  }
  const response = await page.request.get("/dashboard/export?period=year&year=2020&format=csv&mode=external");
  expect(response.status()).toBe(200);
  const csv = await response.text();
  expect(csv.split(/\r?\n/)[1]).toContain("#indicator+code");
});

test("a programme manager cannot open any case page", async ({ page }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  const [row] = await sql<{ id: string }[]>`select beneficiary_id as id from assistance_records limit 1`;
  await sql.end();
  for (const path of ["", "/assistance", "/assistance/new"]) {
    await page.goto(`/cases/${row?.id}${path}`);
    await expectNotFound(page);
  }
  await page.goto("/cases");
  await expectNotFound(page);
});

test("a supervisor gets no internal export", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("supervisor") });
  const page = await context.newPage();
  try {
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: "XLSX (for sharing, suppressed)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "XLSX (internal)" })).toHaveCount(0);
    const response = await page.request.get("/dashboard/export?format=xlsx&mode=internal");
    expect(response.status()).toBe(404);
  } finally {
    await context.close();
  }
});
