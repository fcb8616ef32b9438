/**
 * npm run audit:verify — checks the audit hash chain; exits 1 and names the first broken row's id
 * (never its content) when the log was altered, 2 when the check could not run.
 */
import { closeDb, getDb } from "../db/client";
import { verifyAuditChain } from "../lib/dal/audit/verify-chain";

try {
  const result = await verifyAuditChain(getDb());
  if (result.ok) {
    console.info(`audit chain intact: ${result.checked} events`);
    process.exitCode = 0;
  } else {
    const where = result.brokenId === null ? "at the chain head" : `at audit event id ${result.brokenId}`;
    console.error(
      `audit chain BROKEN ${where} (${result.reason}); ${result.checked} events verified before it`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error("audit verification could not run:", error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await closeDb();
}
