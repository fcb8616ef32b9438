/**
 * npm run retention:run — anonymises closed cases past their category's retention period
 * (lib/dal/retention/run-retention.ts). Prints counts only. Exits 1 if any case could not be
 * anonymised, so a scheduler notices.
 */
import { closeDb, getDb } from "../db/client";
import { runRetention } from "../lib/dal/retention/run-retention";

try {
  const report = await runRetention(getDb());
  console.info(
    `retention: ${report.anonymised} cases anonymised (case ${report.byCategory.case}, child_case ${report.byCategory.child_case}); ${report.failed} failed`,
  );
  process.exitCode = report.failed > 0 ? 1 : 0;
} catch (error) {
  console.error("retention run failed:", error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await closeDb();
}
