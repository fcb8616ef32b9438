import "server-only";

/** One audit event as shown to overseers: who, when, what, from where; never changed values. */
export interface AuditEventDto {
  id: number;
  at: string;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  flagged: boolean;
  /** Field names, counts, categories; break-glass reasons are read from the break-glass list. */
  detail: Record<string, unknown>;
}

export function toAuditDto(row: {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  flagged: boolean;
  detail: unknown;
}): AuditEventDto {
  return { ...row, at: row.at.toISOString(), detail: (row.detail ?? {}) as Record<string, unknown> };
}
