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
  const changes = entry.changes && Object.keys(entry.changes).length > 0 ? entry.changes : undefined;
  const detail: Record<string, unknown> = { ...(entry.detail ?? {}) };
  let changesJson: string | undefined;
  if (changes) {
    changesJson = canonicalJson(changes);
    detail.changedFields = Object.keys(changes).sort();
    detail.valuesDigest = createHash("sha256").update(changesJson).digest("hex");
  }
  markAudited();
  const [row] = await tx
    .insert(auditEvents)
    .values({
      actorId: ctx?.actor.id ?? null,
      actorRole: ctx?.actor.role ?? null,
      ip: ctx?.ip ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail,
      flagged: entry.flagged ?? false,
    })
    .returning({ id: auditEvents.id });
  if (changesJson && row) {
    await tx.insert(auditEventValues).values({ eventId: row.id, changes: JSON.parse(changesJson) });
  }
}
