import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, caseNotes } from "@/db/schema";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { addNote } from "@/lib/dal/case-lifecycle/add-note";
import { decideClosure } from "@/lib/dal/case-lifecycle/decide-closure";
import { editNote } from "@/lib/dal/case-lifecycle/edit-note";
import { listNotes } from "@/lib/dal/case-lifecycle/list-notes";
import { requestClosure } from "@/lib/dal/case-lifecycle/request-closure";
import type { DalContext } from "@/lib/dal/context";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let owner: DalContext;
let colleague: DalContext;
let supTip: DalContext;

beforeAll(async () => {
  [owner, colleague, supTip] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
  ]);
});

let serial = 0;
async function freshCase() {
  serial += 1;
  return registerBeneficiary(
    owner,
    registration(
      {
        familyName: `Notes${"z".repeat(serial)}`,
        givenNames: "Ibrahim",
        dateOfBirth: `${1970 + serial}-07-01`,
      },
      { duplicateOverrideReason: "Different person, documents checked" },
    ),
  );
}

/** The database's own message, under drizzle's "Failed query" wrapper. */
async function refusal(query: Promise<unknown>): Promise<string> {
  const error = await query.then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, "the statement should have been refused").toBeDefined();
  return error?.cause?.message ?? error?.message ?? "";
}

const written = new Date("2025-06-01T09:00:00Z");
const minutesLater = (m: number) => new Date(written.getTime() + m * 60_000);

async function noteRow(id: string) {
  const [row] = await getDb().select().from(caseNotes).where(eq(caseNotes.id, id));
  if (!row) throw new Error("note vanished");
  return row;
}

describe("writing notes", () => {
  it("signs and timestamps a note, and makes an open case active", async () => {
    const c = await freshCase();
    const note = await addNote(
      owner,
      { beneficiaryId: c.id, body: "First home visit done." },
      { now: written },
    );
    const row = await noteRow(note.id);
    expect(row).toMatchObject({
      authorId: owner.actor.id,
      body: "First home visit done.",
      editedAt: null,
      version: 1,
    });
    expect(row.createdAt.toISOString()).toBe(written.toISOString());
    const [b] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, c.id));
    expect(b?.status).toBe("active");
  });

  it("refuses notes on a closed case and on a case out of scope", async () => {
    const c = await freshCase();
    const r = await requestClosure(owner, { beneficiaryId: c.id, reason: "deceased" });
    await decideClosure(supTip, { requestId: r.id, version: 1, decision: "approve" });
    const closed = await dalError(addNote(owner, { beneficiaryId: c.id, body: "After closure" }), "invalid");
    expect(closed.fieldErrors?._form).toEqual(["lifecycle.validation.caseClosed"]);
    await dalError(addNote(colleague, { beneficiaryId: c.id, body: "Not my case" }), "not_found");
    await dalError(listNotes(colleague, c.id), "not_found");
  });
});

describe("the edit window", () => {
  it("lets the author correct a note until 15 minutes after writing it, then never again", async () => {
    const c = await freshCase();
    const note = await addNote(owner, { beneficiaryId: c.id, body: "Visted the shelter." }, { now: written });
    const edited = await editNote(
      owner,
      { id: note.id, version: 1, body: "Visited the shelter." },
      { now: minutesLater(14.9) },
    );
    expect(edited).toEqual({ version: 2 });
    const locked = await dalError(
      editNote(owner, { id: note.id, version: 2, body: "Rewriting history" }, { now: minutesLater(15) }),
      "invalid",
    );
    expect(locked.fieldErrors?._form).toEqual(["lifecycle.validation.noteLocked"]);
    const row = await noteRow(note.id);
    expect(row.body).toBe("Visited the shelter.");
    expect(row.editedAt?.toISOString()).toBe(minutesLater(14.9).toISOString());

    const listed = await listNotes(owner, c.id, { now: minutesLater(1) });
    expect(listed.notes[0]?.editableUntil).toBe(minutesLater(15).toISOString());
    expect((await listNotes(owner, c.id, { now: minutesLater(15) })).notes[0]?.editableUntil).toBeNull();
  });

  it("follows the configured window", async () => {
    const c = await freshCase();
    const note = await addNote(owner, { beneficiaryId: c.id, body: "Called the family." }, { now: written });
    await dalError(
      editNote(
        owner,
        { id: note.id, version: 1, body: "Called the uncle." },
        { now: minutesLater(6), windowMinutes: 5 },
      ),
      "invalid",
    );
    await editNote(
      owner,
      { id: note.id, version: 1, body: "Called the uncle." },
      { now: minutesLater(6), windowMinutes: 30 },
    );
    expect((await noteRow(note.id)).body).toBe("Called the uncle.");
  });

  it("nobody but the author edits a note, not even their supervisor inside the window", async () => {
    const c = await freshCase();
    const note = await addNote(owner, { beneficiaryId: c.id, body: "Sensitive account." }, { now: written });
    const e = await dalError(
      editNote(supTip, { id: note.id, version: 1, body: "Changed by supervisor" }, { now: minutesLater(1) }),
      "invalid",
    );
    expect(e.fieldErrors?._form).toEqual(["lifecycle.validation.noteLocked"]);
    expect((await listNotes(supTip, c.id, { now: minutesLater(1) })).notes[0]?.editableUntil).toBeNull();
    expect((await noteRow(note.id)).body).toBe("Sensitive account.");
  });

  it("a stale version is a conflict", async () => {
    const c = await freshCase();
    const note = await addNote(owner, { beneficiaryId: c.id, body: "Draft wording." }, { now: written });
    await editNote(owner, { id: note.id, version: 1, body: "Second wording." }, { now: minutesLater(1) });
    await dalError(
      editNote(owner, { id: note.id, version: 1, body: "Third wording." }, { now: minutesLater(2) }),
      "conflict",
    );
    expect((await noteRow(note.id)).body).toBe("Second wording.");
  });
});

describe("notes are never deleted", () => {
  it("the database refuses DELETE and TRUNCATE, and changes to who wrote a note, where and when", async () => {
    const c = await freshCase();
    const note = await addNote(owner, { beneficiaryId: c.id, body: "Must survive." }, { now: written });
    const db = getDb();
    expect(await refusal(db.execute(sql`delete from case_notes where id = ${note.id}`))).toMatch(
      /cannot be deleted/,
    );
    expect(await refusal(db.execute(sql`delete from case_notes`))).toMatch(/cannot be deleted/);
    expect(await refusal(db.execute(sql`truncate case_notes`))).toMatch(/cannot be deleted/);
    expect(
      await refusal(
        db.execute(sql`update case_notes set author_id = ${supTip.actor.id} where id = ${note.id}`),
      ),
    ).toMatch(/cannot change/);
    expect(
      await refusal(
        db.execute(sql`update case_notes set created_at = now() - interval '1 day' where id = ${note.id}`),
      ),
    ).toMatch(/cannot change/);
    const row = await noteRow(note.id);
    expect(row).toMatchObject({ authorId: owner.actor.id, body: "Must survive." });
    expect(row.createdAt.toISOString()).toBe(written.toISOString());
  });
});

describe("auditing", () => {
  it("records every read of the notes and every write", async () => {
    const c = await freshCase();
    const note = await addNote(owner, { beneficiaryId: c.id, body: "Audited note." });
    await listNotes(owner, c.id);
    await listNotes(supTip, c.id);
    const reads = await getDb()
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entity, "case_notes"),
          eq(auditEvents.entityId, c.id),
          eq(auditEvents.action, "read"),
        ),
      );
    expect(reads.map((r) => r.actorId).sort()).toEqual([owner.actor.id, supTip.actor.id].sort());
    expect(reads[0]?.detail).toEqual({ count: 1 });
    const writes = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "case_note"), eq(auditEvents.entityId, note.id)));
    expect(writes.map((w) => w.action)).toEqual(["create"]);
    expect(JSON.stringify(writes[0]?.detail)).not.toContain("Audited note");
  });
});
