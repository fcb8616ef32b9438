/**
 * CPU of the import's in-memory duplicate comparison alone (lib/domain/import/dedupe.ts), without
 * a database: 100,000 file rows within themselves, then against 300,000 existing records made by
 * the same generator, so their names share the file's grams (the hard case).
 *
 *   npx tsx scripts/bench/dedupe.ts
 */
import { existingDuplicates, inFileDuplicates } from "../../lib/domain/import/dedupe";
import { nameKey } from "../../lib/domain/names";
import { generateImportRows } from "../../tests/support/import-files";

const rowsOf = (n: number, seed: number) =>
  generateImportRows(n, seed).map((r, i) => ({
    key: i + 2,
    order: String(i).padStart(7, "0"),
    nameKey: nameKey(r["group_biodata/family_name"], r["group_biodata/given_names"]),
    sex: r["group_biodata/sex"],
    nationality: r["group_biodata/nationality"],
    dateOfBirth: r["group_biodata/date_of_birth"],
  }));

function cpuSeconds(work: () => unknown): string {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return ((used.user + used.system) / 1e6).toFixed(1);
}

const file = rowsOf(100_000, 7);
const existing = rowsOf(300_000, 9);
console.info(`within the file (100,000 rows): ${cpuSeconds(() => inFileDuplicates(file, 0.5))} s CPU`);
console.info(
  `against 300,000 records: ${cpuSeconds(() => existingDuplicates(file, existing, 0.5, 10))} s CPU`,
);
