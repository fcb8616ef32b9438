import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { canonicalJson } from "@/lib/domain/audit-changes";
import type { Tx } from "../context";
import { postgresErrorOf } from "../errors";

export const GENESIS_HASH = "0".repeat(64);
const BATCH = 5000;

export type ChainCheck =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenId: number | null; reason: ChainBreak };

export type ChainBreak =
  | "sequence_gap"
  | "prev_hash_mismatch"
  | "hash_mismatch"
  | "values_mismatch"
  | "head_mismatch"
  | "unlinked";

type Row = {
  seq: string;
  id: string;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  detail: string;
  flagged: string;
  prev_hash: string;
  hash: string;
  changes: string | null;
};

/** The same canonical text as the database's audit_canonical(), computed here independently. */
export function canonicalRow(r: Row): string {
  const fields = [
    r.seq,
    r.id,
    r.at,
    r.actor_id,
    r.actor_role,
    r.action,
    r.entity,
    r.entity_id,
    r.ip,
    r.detail,
    r.flagged,
  ];
  return fields.map((v) => (v === null ? "-" : `${[...v].length}:${v}`)).join("|");
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Walks the whole audit chain in chain order and reports the first row that does not link:
 * a gap in the sequence (a deleted row), a previous-hash mismatch, a row whose content no longer
 * gives its hash, changed values that no longer match their digest, a tail that was cut, or a row
 * that is not in the chain at all. Reports row ids only, never the row's content.
 *
 * Rows are linked after their transaction commits (migration 0027), so the walk first links every
 * pending row, then checks in the same snapshot (repeatable read): every row it can see must then
 * be in the chain. The linker holds the chain head until the walk ends; writers do not wait for it.
 */
export async function verifyAuditChain(db: Database): Promise<ChainCheck> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => walk(tx), { isolationLevel: "repeatable read" });
    } catch (error) {
      // A linker moved the head after this snapshot was taken: start again from a newer one.
      if (attempt < 5 && isSerializationFailure(error)) continue;
      throw error;
    }
  }
}

function isSerializationFailure(error: unknown): boolean {
  return postgresErrorOf(error)?.code === "40001";
}

async function walk(tx: Tx): Promise<ChainCheck> {
  await tx.execute(sql`select audit_chain_link_pending()`);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = (await tx.execute(sql`
      select e.chain_seq::text as seq, e.id::text as id,
        to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
        e.actor_id::text as actor_id, e.actor_role, e.action, e.entity, e.entity_id, e.ip,
        e.detail::text as detail, e.flagged::text as flagged, e.prev_hash, e.hash,
        v.changes::text as changes
      from audit_events e left join audit_event_values v on v.event_id = e.id
      where e.chain_seq >= ${expectedSeq}
      order by e.chain_seq
      limit ${BATCH}`)) as unknown as Row[];
    for (const row of rows) {
      const id = Number(row.id);
      const fail = (reason: ChainBreak): ChainCheck => ({ ok: false, checked, brokenId: id, reason });
      if (Number(row.seq) !== expectedSeq) return fail("sequence_gap");
      if (row.prev_hash !== prevHash) return fail("prev_hash_mismatch");
      if (sha256(prevHash + canonicalRow(row)) !== row.hash) return fail("hash_mismatch");
      if (row.changes !== null) {
        const digest = (JSON.parse(row.detail) as { valuesDigest?: string }).valuesDigest;
        if (digest !== sha256(canonicalJson(JSON.parse(row.changes)))) return fail("values_mismatch");
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = (await tx.execute(
    sql`select last_seq::text as seq, last_hash as hash from audit_chain_head where id = 1`,
  )) as unknown as Array<{ seq: string; hash: string }>;
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, checked, brokenId: null, reason: "head_mismatch" };
  }
  // Every row must have been walked. One still pending after the link above in this snapshot, or
  // given chain columns below the sequence (bypassing the insert trigger), was never chained.
  const [outside] = (await tx.execute(
    sql`select min(id)::text as id from audit_events where chain_seq is null or chain_seq < 1`,
  )) as unknown as Array<{ id: string | null }>;
  if (outside?.id) return { ok: false, checked, brokenId: Number(outside.id), reason: "unlinked" };
  return { ok: true, checked };
}
