import "server-only";
import { desc, eq, or, sql } from "drizzle-orm";
import { auditEvents, users } from "@/db/schema";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { type AuditEventDto, toAuditDto } from "./dto";
import { recordAudit } from "./record-audit";

const LIMIT = 500;

/**
 * Who opened or changed a case of the supervisor's office: events on the case itself and on
 * records that name it (detail.beneficiaryId), newest first, break-glass flagged.
 */
export async function listCaseHistory(ctx: DalContext, beneficiaryId: string): Promise<AuditEventDto[]> {
  const scope = authorize(ctx.actor, "audit.case_history");
  return withTransaction(ctx, async (tx) => {
    const row = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!row) throw notFound();
    const rows = await tx
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorName: users.name,
        actorEmail: users.email,
        actorRole: auditEvents.actorRole,
        action: auditEvents.action,
        entity: auditEvents.entity,
        entityId: auditEvents.entityId,
        ip: auditEvents.ip,
        flagged: auditEvents.flagged,
        detail: auditEvents.detail,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(or(eq(auditEvents.entityId, row.id), sql`${auditEvents.detail}->>'beneficiaryId' = ${row.id}`))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(LIMIT);
    await recordAudit(tx, ctx, {
      action: "read_history",
      entity: "beneficiary",
      entityId: row.id,
      detail: { count: rows.length },
    });
    return rows.map(toAuditDto);
  });
}
