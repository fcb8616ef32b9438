import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { auditEvents, beneficiaries } from "../../db/schema";
import { getImportJob } from "../../lib/dal/imports/get-import-job";
import { inspectImportFile } from "../../lib/dal/imports/inspect-import-file";
import { listImportMappings } from "../../lib/dal/imports/list-import-mappings";
import { saveImportMapping } from "../../lib/dal/imports/save-import-mapping";
import { startImport } from "../../lib/dal/imports/start-import";
import { makeUser } from "../support/factories";
import {
  buildKoboCsv,
  buildKoboXlsx,
  generateImportRows,
  KOBO_MAPPING,
  toCsv,
} from "../support/import-files";

const total = async () => (await getDb().select({ n: count() }).from(beneficiaries))[0]?.n ?? 0;

async function rejected(fileName: string, bytes: Uint8Array, columns: Record<string, string> = KOBO_MAPPING) {
  const sup = await makeUser("supervisor", "TIP");
  const before = await total();
  const { jobId, finished } = await startImport(sup, {
    fileName,
    bytes,
    options: { mode: "valid_only", mapping: { columns } },
  });
  const report = await finished;
  const job = await getImportJob(sup, jobId);
  expect(job.status).toBe("rejected");
  expect(report.outcome).toBe("rejected");
  expect(await total()).toBe(before);
  const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, jobId));
  expect(audit[0]?.detail).toMatchObject({ outcome: "rejected", imported: 0 });
  return report.fileIssues;
}

describe("bulk import: mapping", () => {
  it("suggests a mapping from Kobo group-prefixed headers and returns no cell values", async () => {
    const sup = await makeUser("supervisor", "TIP");
    const file = buildKoboCsv(generateImportRows(5, 31));
    const result = await inspectImportFile(sup, { fileName: "kobo.csv", bytes: file.bytes });
    expect(result).toMatchObject({ ok: true, rowCount: 5 });
    if (!result.ok) return;
    expect(result.suggested).toEqual(KOBO_MAPPING);
    expect(JSON.stringify(result)).not.toContain(file.rows[0]?.["group_biodata/family_name"]);
  });

  it("saves a named mapping per office and replaces it under the same name", async () => {
    const sup = await makeUser("supervisor", "BEN");
    const colleague = await makeUser("supervisor", "BEN");
    const elsewhere = await makeUser("supervisor", "SEB");
    await saveImportMapping(sup, { name: "Kobo v1", mapping: { columns: { familyName: "a" } } });
    await saveImportMapping(colleague, {
      name: "Kobo v1",
      mapping: { columns: KOBO_MAPPING, values: { sex: { h: "male" } } },
    });
    const saved = await listImportMappings(sup);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      name: "Kobo v1",
      mapping: { columns: KOBO_MAPPING, values: { sex: { h: "male" } } },
    });
    expect(await listImportMappings(elsewhere)).toEqual([]);
    await expect(
      saveImportMapping(sup, { name: "bad", mapping: { columns: { notAField: "x" } } }),
    ).rejects.toMatchObject({ code: "invalid" });
  });

  it("reads values through the saved value synonyms", async () => {
    const sup = await makeUser("supervisor", "ZWA");
    const rows = generateImportRows(2, 32);
    for (const r of rows) r["group_biodata/sex"] = "H";
    const bytes = new TextEncoder().encode(toCsv(rows));
    const { finished } = await startImport(sup, {
      fileName: "f.csv",
      bytes,
      options: { mode: "dry_run", mapping: { columns: KOBO_MAPPING, values: { sex: { h: "male" } } } },
    });
    expect((await finished).validRows).toBe(2);
  });

  it("rejects a mapping that leaves a required field out or names a missing column", async () => {
    const unmapped = await rejected("kobo.csv", new TextEncoder().encode("a,b\n1,2\n"), { familyName: "a" });
    expect(unmapped).toContainEqual({ key: "import.file.unmappedField", column: "dateOfBirth" });
    expect(unmapped).toContainEqual({ key: "import.file.unmappedField", column: "nationality" });
    const issues = await rejected("kobo.csv", new TextEncoder().encode("a,b\n1,2\n"));
    expect(issues).toContainEqual({
      key: "import.file.missingColumn",
      column: "familyName:group_biodata/family_name",
    });
  });
});

describe("bulk import: malformed files write nothing", () => {
  it("invalid UTF-8 (a Windows-1256 or Latin-1 export)", async () => {
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode("nom,pr"),
      0xe9,
      ...new TextEncoder().encode("nom\nA,B\n"),
    ]);
    expect(await rejected("latin1.csv", latin1)).toEqual([{ key: "import.file.encoding" }]);
  });

  it("broken quotes", async () => {
    const csv = `${toCsv(generateImportRows(3, 33))}"Unclosed,quote,row\n`;
    expect(await rejected("quotes.csv", new TextEncoder().encode(csv))).toEqual([
      { key: "import.file.brokenQuotes", row: 5 },
    ]);
  });

  it("10 MB of random bytes", async () => {
    expect(await rejected("junk.csv", randomBytes(10 * 1024 * 1024))).toEqual([
      { key: "import.file.binary" },
    ]);
  });

  it("random bytes named .xlsx", async () => {
    expect(await rejected("junk.xlsx", randomBytes(4096))).toEqual([{ key: "import.file.notXlsx" }]);
  });

  it("a file over the size limit", async () => {
    const sup = await makeUser("supervisor", "TIP");
    const { finished } = await startImport(
      sup,
      {
        fileName: "big.csv",
        bytes: buildKoboCsv(generateImportRows(50, 34)).bytes,
        options: { mode: "dry_run", mapping: { columns: KOBO_MAPPING } },
      },
      { maxBytes: 1000, maxRows: 100 },
    );
    expect((await finished).fileIssues).toEqual([{ key: "import.file.tooLarge" }]);
  });

  it("formulas in CSV cells, each listed with its row and column", async () => {
    const rows = generateImportRows(4, 35);
    (rows[1] as (typeof rows)[number])["group_biodata/family_name"] = '=HYPERLINK("http://x","y")';
    (rows[3] as (typeof rows)[number])["group_contact/phone"] = "+cmd|' /C calc'!A0";
    expect(await rejected("formula.csv", new TextEncoder().encode(toCsv(rows)))).toEqual([
      { key: "import.file.formula", row: 3, column: "group_biodata/family_name" },
      { key: "import.file.formula", row: 5, column: "group_contact/phone" },
    ]);
  });

  it("formula cells in an XLSX are reported, never evaluated", async () => {
    const bytes = await buildKoboXlsx(generateImportRows(3, 36), {
      formulas: [[1, "group_biodata/given_names"]],
    });
    expect(await rejected("formula.xlsx", bytes)).toEqual([
      { key: "import.file.formula", row: 3, column: "C3" },
    ]);
  });

  it("a clean XLSX with real date cells imports", async () => {
    const sup = await makeUser("supervisor", "SEB");
    const bytes = await buildKoboXlsx(generateImportRows(5, 37), { dateCells: true });
    const { finished } = await startImport(sup, {
      fileName: "kobo.xlsx",
      bytes,
      options: { mode: "valid_only", mapping: { columns: KOBO_MAPPING } },
    });
    const report = await finished;
    expect(report).toMatchObject({ outcome: "imported", validRows: 5, errorRows: 0 });
  });
});
