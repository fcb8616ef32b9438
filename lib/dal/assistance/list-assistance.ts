import "server-only";
import { desc, eq, getTableColumns, inArray } from "drizzle-orm";
import { assistanceRecords, donorProjects, users } from "@/db/schema";
import { can } from "@/lib/authz";
import type { AssistanceType } from "@/lib/domain/assistance";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";

export interface AssistanceRecordDto {
  id: string;
  assistanceType: AssistanceType;
  programmeCode: string;
  serviceDate: string;
  baladiyaPcode: string;
  officeCode: string;
  quantity: number;
  donorProject: { id: string; code: string; title: string } | null;
  providedBy: string;
  recordedBy: string;
  recordedAt: string;
  referralId: string | null;
  ageAtService: number;
  detainedAtService: boolean;
  voided: { at: string; by: string; reason: string } | null;
  replacesId: string | null;
  replacedById: string | null;
}

export interface CaseAssistance {
  caseNumber: string;
  records: AssistanceRecordDto[];
  permissions: { record: boolean; correct: boolean };
}

/** The case's Assistance tab: every record, voided ones included, newest service first. */
export async function listAssistance(ctx: DalContext, beneficiaryId: string): Promise<CaseAssistance> {
  const scope = authorize(ctx.actor, "assistance.read");
  return withTransaction(ctx, async (tx) => {
    const b = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!b) throw notFound();
    const rows = await tx
      .select({
        ...getTableColumns(assistanceRecords),
        projectCode: donorProjects.code,
        projectTitle: donorProjects.title,
      })
      .from(assistanceRecords)
      .leftJoin(donorProjects, eq(donorProjects.id, assistanceRecords.donorProjectId))
      .where(eq(assistanceRecords.beneficiaryId, b.id))
      .orderBy(desc(assistanceRecords.serviceDate), desc(assistanceRecords.recordedAt));
    const staffIds = [
      ...new Set(rows.flatMap((r) => [r.providedBy, r.recordedBy, r.voidedBy ?? r.recordedBy])),
    ];
    const staff = staffIds.length
      ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, staffIds))
      : [];
    const nameOf = (id: string | null) => staff.find((u) => u.id === id)?.name ?? "";
    const replacedBy = new Map(rows.filter((r) => r.replacesId).map((r) => [r.replacesId as string, r.id]));
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "assistance",
      entityId: b.id,
      detail: { count: rows.length },
    });
    return {
      caseNumber: b.caseNumber,
      records: rows.map((r) => ({
        id: r.id,
        assistanceType: r.assistanceType,
        programmeCode: r.programmeCode,
        serviceDate: r.serviceDate,
        baladiyaPcode: r.baladiyaPcode,
        officeCode: r.officeCode,
        quantity: r.quantity,
        donorProject:
          r.donorProjectId && r.projectCode
            ? { id: r.donorProjectId, code: r.projectCode, title: r.projectTitle ?? "" }
            : null,
        providedBy: nameOf(r.providedBy),
        recordedBy: nameOf(r.recordedBy),
        recordedAt: r.recordedAt.toISOString(),
        referralId: r.referralId,
        ageAtService: r.ageAtService,
        detainedAtService: r.detainedAtService,
        voided:
          r.voidedAt && r.voidReason
            ? { at: r.voidedAt.toISOString(), by: nameOf(r.voidedBy), reason: r.voidReason }
            : null,
        replacesId: r.replacesId,
        replacedById: replacedBy.get(r.id) ?? null,
      })),
      permissions: {
        record: can(ctx.actor.role, "assistance.record"),
        correct: can(ctx.actor.role, "assistance.correct"),
      },
    };
  });
}
