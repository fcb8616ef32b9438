import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, auditEventValues } from "@/db/schema";
import { recordAudit } from "@/lib/dal/audit/record-audit";
import { verifyAuditChain } from "@/lib/dal/audit/verify-chain";
import type { DalContext } from "@/lib/dal/context";
import { makeUser } from "../support/factories";

let ctx: DalContext;

beforeAll(async () => {
  ctx = await makeUser("caseworker", "TIP");
  for (let i = 0; i < 5; i++) {
    await getDb().transaction((tx) =>
      recordAudit(tx, ctx, {
        action: "update",
        entity: "beneficiary",
        entityId: `b-${i}`,
        detail: { n: i, note: "ünïcode ✓ عربي" },
        changes: { phone: { before: "+218 91 000", after: `+218 91 00${i}` } },
      }),
    );
  }
});

/** Runs a statement as the application's role, as production connects. */
async function asApp(statement: ReturnType<typeof sql>) {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`set local role sanad_app`);
    return tx.execute(statement);
  });
}

/** drizzle wraps the driver's error: the database's own message is the cause. */
async function dbFailure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: Error },
  );
  if (!error) throw new Error("the statement succeeded");
  return `${error.message} ${error.cause?.message ?? ""}`;
}

const lastEvent = async () => {
  const [row] = await getDb().select().from(auditEvents).orderBy(desc(auditEvents.chainSeq)).limit(1);
  if (!row) throw new Error("no audit event");
  return row;
};

describe("audit chain", () => {
  it("links every row to the previous one and verifies", async () => {
    const result = await verifyAuditChain(getDb());
    expect(result).toMatchObject({ ok: true });
    expect(result.checked).toBeGreaterThanOrEqual(5);
    const rows = await getDb().select().from(auditEvents).orderBy(auditEvents.chainSeq);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
  });

  it("keeps changed values apart, with their field names and digest in the chained row", async () => {
    const row = await lastEvent();
    expect(row.detail).toMatchObject({ changedFields: ["phone"] });
    expect(JSON.stringify(row.detail)).not.toContain("+218");
    const [values] = await getDb()
      .select()
      .from(auditEventValues)
      .where(eq(auditEventValues.eventId, row.id));
    expect(values?.changes).toEqual({ phone: { before: "+218 91 000", after: "+218 91 004" } });
  });

  it("keeps a linear chain under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        getDb().transaction((tx) =>
          recordAudit(tx, ctx, { action: "read", entity: "beneficiary", entityId: `c-${i}` }),
        ),
      ),
    );
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("the application role cannot UPDATE, DELETE or TRUNCATE audit rows", async () => {
    const row = await lastEvent();
    expect(await dbFailure(asApp(sql`update audit_events set action = 'x' where id = ${row.id}`))).toMatch(
      /permission denied/,
    );
    expect(await dbFailure(asApp(sql`delete from audit_events where id = ${row.id}`))).toMatch(
      /permission denied/,
    );
    expect(await dbFailure(asApp(sql`truncate audit_events`))).toMatch(/permission denied/);
    expect(await dbFailure(asApp(sql`update audit_chain_head set last_seq = 0`))).toMatch(
      /permission denied/,
    );
    // It may still append and read.
    await asApp(sql`insert into audit_events (action, entity) values ('probe', 'test')`);
    expect(await asApp(sql`select count(*) from audit_events`)).toHaveLength(1);
  });

  it("even the owner cannot UPDATE or DELETE audit rows: the trigger refuses", async () => {
    const row = await lastEvent();
    expect(
      await dbFailure(getDb().execute(sql`update audit_events set action = 'x' where id = ${row.id}`)),
    ).toMatch(/append-only/);
    expect(await dbFailure(getDb().execute(sql`delete from audit_events where id = ${row.id}`))).toMatch(
      /append-only/,
    );
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("an audit row that cannot be written fails the change it records", async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await tx.execute(sql`create temporary table probe (x int) on commit drop`);
        await tx.execute(sql`insert into probe values (1)`);
        // detail is NOT NULL: a failing audit insert must abort the whole transaction.
        await recordAudit(tx, ctx, { action: "read", entity: "x", detail: null as unknown as undefined });
        await tx.execute(sql`select (select count(*) from audit_events where action = 'no') / 0`);
      }),
    ).rejects.toThrow();
  });
});

describe("audit:verify", () => {
  const run = promisify(execFile);
  const verify = () =>
    run("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], {
      env: { ...process.env },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it("exits 0 on an intact chain, and non-zero naming the first tampered row", async () => {
    expect(await verify()).toMatchObject({ code: 0 });
    const [target] = await getDb()
      .select()
      .from(auditEvents)
      .orderBy(auditEvents.chainSeq)
      .limit(1)
      .offset(2);
    if (!target) throw new Error("no row to tamper with");
    // A superuser can bypass the trigger; the chain still gives the tampering away.
    await getDb().transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await tx.execute(sql`update audit_events set entity_id = 'someone-else' where id = ${target.id}`);
      await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    });
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`id ${target.id}`);
    expect(broken.out).toContain("hash_mismatch");
    expect(broken.out).not.toContain("someone-else");
  }, 60_000);
});
