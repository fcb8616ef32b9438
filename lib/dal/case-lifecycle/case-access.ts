import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { beneficiaries, caseStatusChanges, users } from "@/db/schema";
import type { Scope } from "@/lib/authz";
import type { CaseStatus } from "@/lib/domain/beneficiary";
import { acceptsCasework, statusAfterActivity } from "@/lib/domain/case-status";
import { recordAudit } from "../audit/record-audit";
import { findInScope } from "../beneficiaries/scope";
import type { DalContext, Tx } from "../context";
import { DalError, invalid, notFound } from "../errors";

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findInScope>>>;

/** The case, if the actor reaches it under `scope`; otherwise the same "not found" as a missing id. */
export async function caseInScope(
  tx: Tx,
  ctx: DalContext,
  scope: Scope,
  beneficiaryId: string,
  lock = false,
): Promise<CaseRow> {
  const row = await findInScope(tx, ctx.actor, scope, beneficiaryId, lock);
  if (!row) throw notFound();
  return row;
}

export const caseClosedError = () => invalid({ _form: ["lifecycle.validation.caseClosed"] });

/**
 * Records that casework happened: refuses it on a closed case, and turns an open case active
 * (lib/domain/case-status.ts) with a line in its history. Call with the case row locked.
 */
export async function recordActivity(tx: Tx, ctx: DalContext, row: CaseRow): Promise<void> {
  if (!acceptsCasework(row.status)) throw caseClosedError();
  const next = statusAfterActivity(row.status);
  if (next !== row.status) await changeStatus(tx, ctx, row, next, {});
}

/** Moves a case to `to`, writing its history line and the audit event. */
export async function changeStatus(
  tx: Tx,
  ctx: DalContext,
  row: Pick<CaseRow, "id" | "status">,
  to: CaseStatus,
  extra: { closureRequestId?: string; note?: string | null; now?: Date },
): Promise<void> {
  const now = extra.now ?? new Date();
  const [updated] = await tx
    .update(beneficiaries)
    .set({ status: to, updatedAt: now })
    .where(and(eq(beneficiaries.id, row.id), eq(beneficiaries.status, row.status)))
    .returning({ id: beneficiaries.id });
  // The row is locked by the caller, so a mismatch means a bug, not a race.
  if (!updated) throw new DalError("conflict");
  await tx.insert(caseStatusChanges).values({
    beneficiaryId: row.id,
    fromStatus: row.status,
    toStatus: to,
    changedBy: ctx.actor.id,
    changedAt: now,
    closureRequestId: extra.closureRequestId ?? null,
    note: extra.note ?? null,
  });
  await recordAudit(tx, ctx, {
    action: "status_change",
    entity: "beneficiary",
    entityId: row.id,
    detail: { from: row.status, to },
  });
}

/** Who can carry out an action or a task on a case: active caseworkers and supervisors of its office. */
export async function eligibleStaff(
  tx: Tx,
  officeCode: string,
): Promise<Array<{ id: string; name: string }>> {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.officeCode, officeCode),
        eq(users.active, true),
        inArray(users.role, ["caseworker", "supervisor"]),
      ),
    )
    .orderBy(users.name);
}

export async function assertEligible(tx: Tx, userId: string, officeCode: string, field: string) {
  const staff = await eligibleStaff(tx, officeCode);
  if (!staff.some((s) => s.id === userId)) throw invalid({ [field]: ["lifecycle.validation.notEligible"] });
}
