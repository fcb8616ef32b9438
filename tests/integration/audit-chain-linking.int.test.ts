import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recordAudit } from "@/lib/dal/audit/record-audit";
import { verifyAuditChain } from "@/lib/dal/audit/verify-chain";
import { findDuplicates } from "@/lib/dal/beneficiaries/find-duplicates";
import type { DalContext } from "@/lib/dal/context";
import { makeUser } from "../support/factories";

/**
 * Audit rows are linked into the hash chain after their transaction commits (migration 0027):
 * writers never wait on the chain head, every committed row still ends up in the chain whatever
 * order the writers committed in, and verification still catches any change, deletion or insertion.
 */

let ctx: DalContext;

beforeAll(async () => {
  ctx = await makeUser("caseworker", "TIP");
});

const write = (entityId: string) =>
  getDb().transaction((tx) => recordAudit(tx, ctx, { action: "read", entity: "probe", entityId }));

const rowOf = async (entityId: string) => {
  const [row] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
  if (!row) throw new Error(`no audit row for ${entityId}`);
  return row;
};

const link = async () =>
  Number(
    (
      (await getDb().execute(sql`select audit_chain_link_pending() as n`)) as unknown as Array<{ n: number }>
    )[0]?.n,
  );

/** Runs statements as the owner with the audit triggers out of the way, as a tampering superuser could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

/** Deletes a row behind the triggers' back, keeping an exact copy (microseconds included) to put back. */
async function removeRow(id: number) {
  await getDb().execute(sql`drop table if exists audit_probe_copy`);
  await getDb().execute(sql`create table audit_probe_copy as select * from audit_events where id = ${id}`);
  await tamper(sql`delete from audit_events where id = ${id}`);
}

async function restoreRow() {
  await tamper(sql`insert into audit_events select * from audit_probe_copy`);
  await getDb().execute(sql`drop table audit_probe_copy`);
}

/** A transaction that has written one audit row and stays open until released. */
async function holdOpen(entityId: string): Promise<{ release: () => void; done: Promise<void> }> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started: () => void = () => {};
  const open = new Promise<void>((resolve) => {
    started = resolve;
  });
  const done = getDb().transaction(async (tx) => {
    await recordAudit(tx, ctx, { action: "read", entity: "probe", entityId });
    started();
    await held;
  });
  await open;
  return { release, done };
}

describe("audit chain linking", () => {
  it("appends rows pending, whatever chain values the writer gives, and links them in order", async () => {
    await getDb().execute(
      sql`insert into audit_events (action, entity, entity_id, chain_seq, prev_hash, hash)
          values ('read', 'probe', 'forged-values', 1, 'x', 'y')`,
    );
    const pending = await rowOf("forged-values");
    expect(pending).toMatchObject({ chainSeq: null, prevHash: "", hash: "" });
    expect(await link()).toBeGreaterThanOrEqual(1);
    const linked = await rowOf("forged-values");
    expect(linked.chainSeq).toBeGreaterThan(0);
    expect(linked.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("a writer does not wait for another writer's open transaction", async () => {
    const { release, done: slow } = await holdOpen("held-open");
    // Under the per-writer head lock this second commit waited for the first; now it must not.
    const quick = await Promise.race([
      write("not-waiting").then(() => "committed"),
      new Promise((resolve) => setTimeout(() => resolve("blocked"), 5000)),
    ]);
    release();
    await slow;
    expect(quick).toBe("committed");
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("links a row committed after a later one, and leaves no committed row out", async () => {
    const { release, done: early } = await holdOpen("lower-id-commits-last");
    await write("higher-id-commits-first");
    await link();
    const first = await rowOf("higher-id-commits-first");
    expect(first.chainSeq).not.toBeNull();
    release();
    await early;
    expect((await rowOf("lower-id-commits-last")).chainSeq).toBeNull();
    await link();
    const late = await rowOf("lower-id-commits-last");
    expect(late.id).toBeLessThan(first.id);
    expect(late.chainSeq).toBeGreaterThan(first.chainSeq ?? 0);
    const [left] = (await getDb().execute(
      sql`select count(*)::int as n from audit_events where chain_seq is null`,
    )) as unknown as Array<{ n: number }>;
    expect(left?.n).toBe(0);
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("links a use case's rows right after it commits, without waiting for the verifier", async () => {
    await findDuplicates(ctx, {
      familyName: "Linkedaftercommit",
      givenNames: "Probe",
      sex: "male",
      dateOfBirth: "1990-01-01",
      nationality: "NER",
    });
    let pending = 1;
    for (let i = 0; i < 50 && pending > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const [row] = (await getDb().execute(
        sql`select count(*)::int as n from audit_events where chain_seq is null`,
      )) as unknown as Array<{ n: number }>;
      pending = row?.n ?? 0;
    }
    expect(pending).toBe(0);
  });

  it("concurrent writers and linkers give one linear chain", async () => {
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => write(`concurrent-${i}`)),
      ...Array.from({ length: 5 }, () => link()),
    ]);
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("finds pending rows through the unlinked index, past the stale entries linking leaves", async () => {
    // Every linked row leaves a stale entry in both indexes that match "chain_seq is null" until
    // vacuum; a bitmap scan would visit the heap for each of them on every run (migration 0034).
    await Promise.all(Array.from({ length: 200 }, (_, i) => write(`stale-${i}`)));
    await link();
    await write("pending-after-stale");
    const [fn] = (await getDb().execute(
      sql`select proconfig from pg_proc where proname = 'audit_chain_link_pending'`,
    )) as unknown as Array<{ proconfig: string[] | null }>;
    expect(fn?.proconfig).toContain("enable_bitmapscan=off");
    await getDb().execute(sql`analyze audit_events`);
    const plan = await getDb().transaction(async (tx) => {
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const rows = (await tx.execute(
        sql`explain (format json) select * from audit_events where chain_seq is null order by id`,
      )) as unknown as Array<{
        "QUERY PLAN": Array<{ Plan: { "Node Type": string; "Index Name"?: string } }>;
      }>;
      return rows[0]?.["QUERY PLAN"][0]?.Plan;
    });
    expect(plan).toMatchObject({ "Node Type": "Index Scan", "Index Name": "audit_events_unlinked_idx" });
    expect(await link()).toBe(1);
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("even with the linking flag set, only the chain columns of a pending row may be filled", async () => {
    const failure = await getDb()
      .transaction(async (tx) => {
        await recordAudit(tx, ctx, { action: "read", entity: "probe", entityId: "pending-edit" });
        await tx.execute(sql`select set_config('sanad.audit_linking', 'on', true)`);
        await tx.execute(
          sql`update audit_events set action = 'x', chain_seq = 999999 where entity_id = 'pending-edit'`,
        );
      })
      .then(
        () => "succeeded",
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
      );
    expect(failure).toMatch(/append-only/);
  });

  describe("verification after linking", () => {
    it("detects a deleted linked row", async () => {
      await write("to-delete");
      await link();
      const row = await rowOf("to-delete");
      await write("after-delete");
      await link();
      await removeRow(row.id);
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, reason: "sequence_gap" });
      // Put back exactly as it was, the chain verifies again.
      await restoreRow();
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
    });

    it("detects a row inserted into the chain with forged chain columns", async () => {
      const [last] = (await getDb().execute(
        sql`select last_seq::int as seq, last_hash as hash from audit_chain_head`,
      )) as unknown as Array<{ seq: number; hash: string }>;
      if (!last) throw new Error("no head");
      await tamper(
        sql`insert into audit_events (action, entity, entity_id, chain_seq, prev_hash, hash)
            values ('read', 'probe', 'inserted', ${last.seq + 1}, ${last.hash}, ${"f".repeat(64)})`,
      );
      const check = await verifyAuditChain(getDb());
      expect(check).toMatchObject({ ok: false, reason: "hash_mismatch" });
      await tamper(sql`delete from audit_events where entity_id = 'inserted'`);
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
    });

    it("detects a row kept outside the chain", async () => {
      await tamper(
        sql`insert into audit_events (action, entity, entity_id, chain_seq, prev_hash, hash)
            values ('read', 'probe', 'outside', -1, '', '')`,
      );
      const outside = await rowOf("outside");
      expect(await verifyAuditChain(getDb())).toMatchObject({
        ok: false,
        reason: "unlinked",
        brokenId: outside.id,
      });
      await tamper(sql`delete from audit_events where entity_id = 'outside'`);
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
    });

    it("detects a changed linked row and a cut tail", async () => {
      await write("to-change");
      await link();
      const row = await rowOf("to-change");
      await tamper(sql`update audit_events set entity_id = 'changed' where id = ${row.id}`);
      expect(await verifyAuditChain(getDb())).toMatchObject({
        ok: false,
        reason: "hash_mismatch",
        brokenId: row.id,
      });
      await tamper(sql`update audit_events set entity_id = 'to-change' where id = ${row.id}`);
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
      // The last linked row removed: every remaining row links, but the head remembers it.
      const [tail] = (await getDb().execute(
        sql`select id::int as id from audit_events order by chain_seq desc nulls last limit 1`,
      )) as unknown as Array<{ id: number }>;
      if (!tail) throw new Error("no tail");
      await removeRow(tail.id);
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, reason: "head_mismatch" });
      await restoreRow();
      expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
    });
  });
});
