import { count, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { auditEvents, beneficiaries, consents, importJobs } from "../../db/schema";
import { registerBeneficiary } from "../../lib/dal/beneficiaries/register-beneficiary";
import { getImportJob } from "../../lib/dal/imports/get-import-job";
import { startImport } from "../../lib/dal/imports/start-import";
import type { ImportOptionsInput } from "../../lib/validation/import";
import { makeUser, registration } from "../support/factories";
import { buildKoboCsv, generateImportRows, KOBO_MAPPING, type KoboRow, toCsv } from "../support/import-files";

const options = (o: Partial<ImportOptionsInput> = {}): ImportOptionsInput => ({
  mode: "valid_only",
  mapping: { columns: KOBO_MAPPING },
  ...o,
});

async function run(
  ctx: Awaited<ReturnType<typeof makeUser>>,
  bytes: Uint8Array,
  o: Partial<ImportOptionsInput> = {},
) {
  const { jobId, finished } = await startImport(ctx, { fileName: "kobo.csv", bytes, options: options(o) });
  const report = await finished;
  return { jobId, report, job: await getImportJob(ctx, jobId) };
}

const officeCount = async (office: string) =>
  (await getDb().select({ n: count() }).from(beneficiaries).where(eq(beneficiaries.officeCode, office)))[0]
    ?.n ?? 0;

describe("bulk import: validation report and modes", () => {
  it("reports each broken row with its row number, column and message key", async () => {
    const sup = await makeUser("supervisor", "SEB");
    const file = buildKoboCsv(generateImportRows(60, 11), { errors: 7 });
    const { job, report } = await run(sup, file.bytes, { mode: "dry_run" });
    expect(job.status).toBe("succeeded");
    expect(report.outcome).toBe("dry_run");
    expect(report.errorRows).toBe(7);
    expect(report.validRows).toBe(53);
    for (const e of file.errors) {
      expect(report.rowIssues).toContainEqual({ row: e.row, field: e.field, column: e.column, key: e.key });
    }
    expect(report.rowIssues).toHaveLength(7);
  });

  it("a dry run writes nothing but the job and its audit row", async () => {
    const sup = await makeUser("supervisor", "MRA");
    const before = await officeCount("MRA");
    const { jobId, job } = await run(sup, buildKoboCsv(generateImportRows(30, 12)).bytes, {
      mode: "dry_run",
    });
    expect(job.importedCount).toBe(0);
    expect(await officeCount("MRA")).toBe(before);
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, jobId));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ mode: "dry_run", outcome: "dry_run", imported: 0, rows: 30 });
  });

  it("all-or-nothing writes nothing when one row is wrong, and everything when none is", async () => {
    const sup = await makeUser("supervisor", "ZWA");
    const rows = generateImportRows(25, 13);
    const broken = await run(sup, buildKoboCsv(rows, { errors: 1 }).bytes, { mode: "all_or_nothing" });
    expect(broken.report.outcome).toBe("nothing_written");
    expect(broken.job.importedCount).toBe(0);
    expect(await officeCount("ZWA")).toBe(0);
    const clean = await run(sup, buildKoboCsv(rows).bytes, { mode: "all_or_nothing" });
    expect(clean.job.importedCount).toBe(25);
    expect(await officeCount("ZWA")).toBe(25);
  });

  it("valid-rows-only writes the valid rows with consents, owner, office and one create audit row each", async () => {
    const sup = await makeUser("supervisor", "TUN");
    const cw = await makeUser("caseworker", "TUN");
    const file = buildKoboCsv(generateImportRows(40, 14), { errors: 4, bom: true });
    const { jobId, job } = await run(sup, file.bytes, { mode: "valid_only", ownerId: cw.actor.id });
    expect(job.importedCount).toBe(36);
    expect(job.errorCount).toBe(4);
    const created = await getDb().select().from(beneficiaries).where(eq(beneficiaries.officeCode, "TUN"));
    expect(created).toHaveLength(36);
    expect(new Set(created.map((b) => b.ownerId))).toEqual(new Set([cw.actor.id]));
    expect(new Set(created.map((b) => b.caseNumber)).size).toBe(36);
    for (const b of created) expect(b.caseNumber).toMatch(/^LBY-\d{2}-[0-9A-Z]{6}$/);
    const ids = created.map((b) => b.id);
    const consentRows = await getDb().select().from(consents).where(inArray(consents.beneficiaryId, ids));
    expect(consentRows).toHaveLength(36 * 4);
    expect(consentRows.filter((c) => c.purpose === "services").every((c) => c.granted)).toBe(true);
    const creates = await getDb()
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'create' and ${auditEvents.entityId} in ${ids}`);
    expect(creates).toHaveLength(36);
    expect(creates[0]?.detail).toMatchObject({ importJobId: jobId, duplicateOverride: false });
    const [importAudit] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, jobId));
    expect(importAudit).toMatchObject({ actorId: sup.actor.id, action: "import" });
    expect(importAudit?.detail).toMatchObject({
      mode: "valid_only",
      imported: 36,
      errorRows: 4,
      fileName: "kobo.csv",
    });
  });

  it("imported rows equal a registration typed by hand", async () => {
    const sup = await makeUser("supervisor", "BEN");
    const [row] = generateImportRows(1, 15) as [KoboRow];
    row["group_biodata/sex"] = "F";
    row["group_biodata/nationality"] = "Niger";
    row["group_location/baladiya"] = "Tripoli";
    const { job } = await run(sup, new TextEncoder().encode(toCsv([row])));
    expect(job.importedCount).toBe(1);
    const [b] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.officeCode, "BEN"));
    expect(b).toMatchObject({
      sex: "female",
      nationality: "NER",
      baladiyaPcode: "LY021104",
      ownerId: sup.actor.id,
    });
  });

  it("is refused to caseworkers and hides other offices' jobs", async () => {
    const cw = await makeUser("caseworker", "TIP");
    await expect(
      startImport(cw, { fileName: "a.csv", bytes: new Uint8Array([1]), options: options() }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const sup = await makeUser("supervisor", "TIP");
    const other = await makeUser("supervisor", "BEN");
    const { jobId } = await run(sup, buildKoboCsv(generateImportRows(2, 16)).bytes, { mode: "dry_run" });
    await expect(getImportJob(other, jobId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("marks a job whose worker died as failed when read", async () => {
    const sup = await makeUser("supervisor", "TIP");
    const [job] = await getDb()
      .insert(importJobs)
      .values({
        officeCode: "TIP",
        createdBy: sup.actor.id,
        ownerId: sup.actor.id,
        fileName: "x.csv",
        sha256: "0".repeat(64),
        mode: "valid_only",
        heartbeatAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning({ id: importJobs.id });
    const view = await getImportJob(sup, job?.id ?? "");
    expect(view.status).toBe("failed");
    expect(view.report?.fileIssues).toEqual([{ key: "import.file.interrupted" }]);
  });
});

describe("bulk import: duplicates", () => {
  it("skips rows matching an existing record and rows repeating an earlier row of the file", async () => {
    const sup = await makeUser("supervisor", "SEB");
    const rows = generateImportRows(10, 21);
    const existing = rows[2] as KoboRow;
    await registerBeneficiary(
      sup,
      registration({
        familyName: existing["group_biodata/family_name"],
        givenNames: existing["group_biodata/given_names"],
        sex: existing["group_biodata/sex"] as "male" | "female",
        dateOfBirth: existing["group_biodata/date_of_birth"],
        nationality: existing["group_biodata/nationality"],
      }),
    );
    // Row 12 repeats row 6 (index 4) with a spelling variant and a birth date a year off.
    const again = { ...(rows[4] as KoboRow) };
    again["group_biodata/date_of_birth"] =
      `${Number(again["group_biodata/date_of_birth"].slice(0, 4)) + 1}${again["group_biodata/date_of_birth"].slice(4)}`;
    again["group_biodata/given_names"] = `${again["group_biodata/given_names"]}e`;
    const file = new TextEncoder().encode(toCsv([...rows, again]));
    const { report, job } = await run(sup, file, { mode: "valid_only" });
    expect(report.duplicates).toEqual([
      { row: 4, kind: "existing", candidates: [expect.stringMatching(/^LBY-/)], imported: false },
      { row: 12, kind: "in_file", firstRow: 6, imported: false },
    ]);
    expect(job.importedCount).toBe(9);
    expect(job.duplicateCount).toBe(2);
  });

  it("imports duplicates anyway when asked, with the reason recorded", async () => {
    const sup = await makeUser("supervisor", "MRA");
    const rows = generateImportRows(3, 22);
    const file = new TextEncoder().encode(toCsv([...rows, rows[0] as KoboRow]));
    await expect(run(sup, file, { allowDuplicates: true, duplicateReason: "short" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { duplicateReason: ["reasonTooShort"] },
    });
    const reason = "Twins registered from the same household form";
    const { job } = await run(sup, file, { allowDuplicates: true, duplicateReason: reason });
    expect(job.importedCount).toBe(4);
    const flagged = await getDb()
      .select()
      .from(beneficiaries)
      .where(eq(beneficiaries.duplicateOverrideReason, reason));
    expect(flagged).toHaveLength(1);
  });
});

describe("bulk import: in-memory duplicate rule", () => {
  it("computes the same trigram similarity as pg_trgm on name keys", async () => {
    const { nameKey } = await import("../../lib/domain/names");
    const { trigrams, trigramSimilarity } = await import("../../lib/domain/import/dedupe");
    const names = [
      ["Diallo", "Ousmane"],
      ["Dialo", "Usman"],
      ["Abd al-Rahman", "Mohamed"],
      ["Abdelrahman", "Muhammad"],
      ["El Sayed", "Fatima"],
      ["عبد الرحمن", "محمد"],
      ["Traoré", "Aïcha"],
      ["Coulibaly", "Mariam 2"],
    ].map(([f, g]) => nameKey(f, g));
    for (const a of names) {
      for (const b of names) {
        const [row] = await getDb().execute<{ s: number }>(sql`select similarity(${a}, ${b})::float8 as s`);
        expect(trigramSimilarity(trigrams(a), trigrams(b))).toBeCloseTo(Number(row?.s), 5);
      }
    }
  });
});
