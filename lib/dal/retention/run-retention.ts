import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  anonymisations,
  assistanceRecords,
  auditEvents,
  auditEventValues,
  beneficiaries,
  retentionPolicies,
} from "@/db/schema";
import {
  ANONYMISED,
  coarsenDateOfBirth,
  DEFAULT_RETENTION_DAYS,
  isRetentionCategory,
  pastRetention,
  type RetentionCategory,
  retentionCategoryOf,
} from "@/lib/domain/retention";
import { linkAuditChainSoon } from "../audit/link-chain";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../context";

/**
 * Free-text columns of records that hang off a case (table, column), blanked on anonymisation.
 * A table or column that does not exist (yet) is skipped; one that refuses the change fails the
 * case, so nothing is reported anonymised that was not.
 */
const FREE_TEXT: ReadonlyArray<readonly [string, string]> = [
  ["consents", "vital_interest_reason"],
  ["break_glass_grants", "reason"],
  ["case_notes", "body"],
  ["case_plan_goals", "goal"],
  ["case_tasks", "title"],
  ["closure_requests", "note"],
  ["closure_requests", "decision_note"],
  ["closure_requests", "override_reason"],
  ["case_status_changes", "note"],
  ["referrals", "reason"],
  ["referrals", "consent_override_reason"],
  ["vhr_cases", "interpreter"],
  ["vhr_cases", "travel_document_number"],
  ["vhr_cases", "withdrawal_reason"],
];

export interface RetentionReport {
  anonymised: number;
  failed: number;
  byCategory: Record<RetentionCategory, number>;
}

export async function retentionDays(db: Database | Tx): Promise<Record<RetentionCategory, number>> {
  const days = { ...DEFAULT_RETENTION_DAYS };
  for (const row of await db.select().from(retentionPolicies)) {
    if (isRetentionCategory(row.category)) days[row.category] = row.days;
  }
  return days;
}

/**
 * Anonymises closed cases past their category's retention period. Names, contact details and free
 * text go; sex, nationality, place, population type, assistance history and a date of birth giving
 * the same age at every service stay, so the programme roll-up gives the same numbers. One
 * transaction per case, each audited (as the system).
 */
export async function runRetention(db: Database, now: Date = new Date()): Promise<RetentionReport> {
  const days = await retentionDays(db);
  const closed = await db.execute(sql`
    select b.id, b.uasc_status as "uascStatus",
      coalesce((select max(c.changed_at) from case_status_changes c where c.beneficiary_id = b.id and c.to_status = 'closed'), b.updated_at) as "closedAt"
    from beneficiaries b
    where b.status = 'closed' and not exists (select 1 from anonymisations a where a.beneficiary_id = b.id)`);
  const report: RetentionReport = { anonymised: 0, failed: 0, byCategory: { case: 0, child_case: 0 } };
  const columns = await existingColumns(db);
  for (const row of closed as unknown as Array<{
    id: string;
    uascStatus: string | null;
    closedAt: Date | string;
  }>) {
    const category = retentionCategoryOf(row);
    if (!pastRetention(new Date(row.closedAt), days[category], now)) continue;
    try {
      await db.transaction((tx) => anonymise(tx, row.id, category, columns));
      linkAuditChainSoon();
      report.anonymised += 1;
      report.byCategory[category] += 1;
    } catch {
      // Reported as a count: the error could carry a value from the record.
      report.failed += 1;
    }
  }
  return report;
}

async function existingColumns(db: Database): Promise<Set<string>> {
  const rows = (await db.execute(sql`
    select c.table_name || '.' || c.column_name as name
    from information_schema.columns c
    where c.table_schema = 'public'
      and exists (select 1 from information_schema.columns k
                  where k.table_schema = 'public' and k.table_name = c.table_name and k.column_name = 'beneficiary_id')`)) as unknown as Array<{
    name: string;
  }>;
  return new Set(rows.map((r) => r.name));
}

async function anonymise(
  tx: Tx,
  id: string,
  category: RetentionCategory,
  columns: Set<string>,
): Promise<void> {
  const [person] = await tx
    .select()
    .from(beneficiaries)
    .where(and(eq(beneficiaries.id, id), eq(beneficiaries.status, "closed")))
    .for("update");
  if (!person) return;
  const services = await tx
    .selectDistinct({ date: assistanceRecords.serviceDate })
    .from(assistanceRecords)
    .where(eq(assistanceRecords.beneficiaryId, id));
  await tx
    .update(beneficiaries)
    .set({
      familyName: ANONYMISED,
      givenNames: ANONYMISED,
      nameAr: null,
      nameKey: "",
      phone: null,
      languages: [],
      detentionCentre: person.detained ? ANONYMISED : null,
      dateOfBirth: coarsenDateOfBirth(
        person.dateOfBirth,
        services.map((s) => s.date),
      ),
      dobEstimated: true,
      duplicateOverrideReason: null,
      duplicateCandidates: null,
      updatedAt: new Date(),
      version: sql`${beneficiaries.version} + 1`,
    })
    .where(eq(beneficiaries.id, id));
  for (const [table, column] of FREE_TEXT) {
    if (!columns.has(`${table}.${column}`)) continue;
    await tx.execute(
      sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${ANONYMISED} where beneficiary_id = ${id} and ${sql.identifier(column)} is not null`,
    );
  }
  // Changed values kept by the audit log are personal data too; the chained rows keep their digest.
  const events = tx.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.entityId, id));
  await tx.delete(auditEventValues).where(inArray(auditEventValues.eventId, events));
  await tx.insert(anonymisations).values({ beneficiaryId: id, category });
  await recordAudit(tx, null, {
    action: "anonymised",
    entity: "beneficiary",
    entityId: id,
    detail: { category },
  });
}
