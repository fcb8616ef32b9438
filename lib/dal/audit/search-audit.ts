import "server-only";
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { auditEvents, users } from "@/db/schema";
import { type AuditSearchInput, auditSearchSchema } from "@/lib/validation/audit";
import { authorize } from "../authorize";
import { type DalContext, type Tx, withTransaction } from "../context";
import { parseInput } from "../parse";
import { type AuditEventDto, toAuditDto } from "./dto";
import { recordAudit } from "./record-audit";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 50_000;

export interface AuditSearchResult {
  events: AuditEventDto[];
  page: number;
  hasMore: boolean;
}

function conditions(input: ReturnType<typeof auditSearchSchema.parse>): SQL | undefined {
  const parts: SQL[] = [];
  if (input.user) {
    const like = `%${input.user.replace(/[\\%_]/g, "\\$&")}%`;
    parts.push(
      or(
        ilike(users.email, like),
        ilike(users.name, like),
        sql`${auditEvents.actorId}::text = ${input.user}`,
      ) as SQL,
    );
  }
  if (input.record) {
    parts.push(
      or(
        eq(auditEvents.entityId, input.record),
        sql`${auditEvents.detail}->>'beneficiaryId' = ${input.record}`,
      ) as SQL,
    );
  }
  if (input.action) parts.push(eq(auditEvents.action, input.action));
  if (input.from) parts.push(gte(auditEvents.at, new Date(`${input.from}T00:00:00Z`)));
  if (input.to)
    parts.push(lt(auditEvents.at, new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000)));
  return parts.length ? and(...parts) : undefined;
}

async function query(tx: Tx, where: SQL | undefined, limit: number, offset: number) {
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
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit)
    .offset(offset);
  return rows.map(toAuditDto);
}

/** The administrator searches the log by user, record, action and dates. The search is logged. */
export async function searchAudit(ctx: DalContext, raw: AuditSearchInput): Promise<AuditSearchResult> {
  authorize(ctx.actor, "audit.search");
  const input = parseInput(auditSearchSchema, raw);
  return withTransaction(ctx, async (tx) => {
    const rows = await query(tx, conditions(input), AUDIT_PAGE_SIZE + 1, (input.page - 1) * AUDIT_PAGE_SIZE);
    await recordAudit(tx, ctx, {
      action: "audit_search",
      entity: "audit",
      detail: { filters: filterNames(input), count: Math.min(rows.length, AUDIT_PAGE_SIZE) },
    });
    return {
      events: rows.slice(0, AUDIT_PAGE_SIZE),
      page: input.page,
      hasMore: rows.length > AUDIT_PAGE_SIZE,
    };
  });
}

/** All matching events (up to AUDIT_EXPORT_LIMIT) for the CSV export, logged with the row count. */
export async function exportAudit(ctx: DalContext, raw: AuditSearchInput): Promise<AuditEventDto[]> {
  authorize(ctx.actor, "audit.search");
  const input = parseInput(auditSearchSchema, raw);
  return withTransaction(ctx, async (tx) => {
    const rows = await query(tx, conditions(input), AUDIT_EXPORT_LIMIT, 0);
    await recordAudit(tx, ctx, {
      action: "audit_export",
      entity: "audit",
      detail: { filters: filterNames(input), rowCount: rows.length },
    });
    return rows;
  });
}

function filterNames(input: Record<string, unknown>): string[] {
  return ["user", "record", "action", "from", "to"].filter((k) => input[k] !== undefined);
}
