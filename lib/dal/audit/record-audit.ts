import "server-only";
import { createHash } from "node:crypto";
import { auditEvents, auditEventValues } from "@/db/schema";
import { canonicalJson, type FieldChanges } from "@/lib/domain/audit-changes";
import type { DalContext, Tx } from "../context";
import { markAudited } from "./link-chain";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  /** Field names, counts and reasons; never personal values (those go in `changes`). */
  detail?: Record<string, unknown>;
  /**
   * Before/after values of the fields a write changed (lib/domain/audit-changes.ts). Stored apart
   * from the chained row, which keeps their names and a digest, so retention can erase the values.
   */
  changes?: FieldChanges;
  /** Marks an event a supervisor must review, e.g. a break-glass read. */
  flagged?: boolean;
}

/** The chained row of an entry, and its field changes as canonical JSON when there are any. */
function auditRow(ctx: Pick<DalContext, "actor" | "ip"> | null, entry: AuditEntry) {
  const changes = entry.changes && Object.keys(entry.changes).length > 0 ? entry.changes : undefined;
  const detail: Record<string, unknown> = { ...(entry.detail ?? {}) };
  let changesJson: string | undefined;
  if (changes) {
    changesJson = canonicalJson(changes);
    detail.changedFields = Object.keys(changes).sort();
    detail.valuesDigest = createHash("sha256").update(changesJson).digest("hex");
  }
  const row = {
    actorId: ctx?.actor.id ?? null,
    actorRole: ctx?.actor.role ?? null,
    ip: ctx?.ip ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail,
    flagged: entry.flagged ?? false,
  };
  return { row, changesJson };
}

/**
 * Written inside the use case's transaction: if it fails, the use case fails. The row is appended
 * "pending" and refused any later change by the database; once the transaction has committed,
 * withTransaction has the database link it into the hash chain (migration 0027,
 * lib/dal/audit/link-chain.ts). Writers no longer wait for one another on the chain head.
 */
export async function recordAudit(
  tx: Tx,
  ctx: Pick<DalContext, "actor" | "ip"> | null,
  entry: AuditEntry,
): Promise<void> {
  const { row, changesJson } = auditRow(ctx, entry);
  markAudited();
  const [inserted] = await tx.insert(auditEvents).values(row).returning({ id: auditEvents.id });
  if (changesJson && inserted) {
    await tx.insert(auditEventValues).values({ eventId: inserted.id, changes: JSON.parse(changesJson) });
  }
}

/**
 * The audit row of an entry without field changes, for a use case to insert within its own write
 * statement (withOneStatement): it is written with the use case's rows or not at all.
 */
export function auditRowFor(ctx: Pick<DalContext, "actor" | "ip">, entry: Omit<AuditEntry, "changes">) {
  markAudited();
  return auditRow(ctx, entry).row;
}
