import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, caseStatusChanges, closureRequests } from "@/db/schema";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { decideClosure } from "@/lib/dal/case-lifecycle/decide-closure";
import { getCaseStatus } from "@/lib/dal/case-lifecycle/get-case-status";
import { listClosureRequests } from "@/lib/dal/case-lifecycle/list-closure-requests";
import { reopenCase } from "@/lib/dal/case-lifecycle/reopen-case";
import { requestClosure } from "@/lib/dal/case-lifecycle/request-closure";
import type { DalContext } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let owner: DalContext; // TIP caseworker
let supTip: DalContext;
let supTip2: DalContext;
let supBen: DalContext;

beforeAll(async () => {
  [owner, supTip, supTip2, supBen] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("supervisor", "BEN"),
  ]);
});

let serial = 0;
async function freshCase(biodata: Parameters<typeof registration>[0] = {}) {
  serial += 1;
  return registerBeneficiary(
    owner,
    registration(
      {
        familyName: `Closure${"q".repeat(serial)}`,
        givenNames: "Awa",
        nationality: "MLI",
        dateOfBirth: `${1960 + serial}-02-10`,
        ...biodata,
      },
      // Test people share most biodata on purpose; the duplicate check is not under test here.
      { duplicateOverrideReason: "Different person, documents checked" },
    ),
  );
}

async function openReferral(beneficiaryId: string) {
  return createReferral(owner, {
    beneficiaryId,
    service: "mhpss",
    recipientKind: "internal",
    urgency: "medium",
    reason: "Distress after detention, needs focused support",
    submit: true,
  });
}

async function statusOf(id: string) {
  const [row] = await getDb()
    .select({ status: beneficiaries.status })
    .from(beneficiaries)
    .where(eq(beneficiaries.id, id));
  return row?.status;
}

async function requestRow(id: string) {
  const [row] = await getDb().select().from(closureRequests).where(eq(closureRequests.id, id));
  if (!row) throw new Error("request vanished");
  return row;
}

describe("closure blocked by open referrals", () => {
  it("lets the request through with a warning, blocks approval, then closes on a supervisor's override", async () => {
    const c = await freshCase();
    await openReferral(c.id);

    const requested = await requestClosure(owner, {
      beneficiaryId: c.id,
      reason: "lost_contact",
      note: "No answer for 2 months",
    });
    expect(requested.openReferrals).toBe(1);
    expect(await statusOf(c.id)).toBe("closure_requested");
    const view = await getCaseStatus(owner, c.id);
    expect(view.openReferrals).toBe(1);
    expect(view.pending?.reason).toBe("lost_contact");
    expect(view.can).toEqual({ activate: false, request: false, decide: false, reopen: false });

    const pending = await requestRow(requested.id);
    const blocked = await dalError(
      decideClosure(supTip, { requestId: requested.id, version: pending.version, decision: "approve" }),
      "invalid",
    );
    expect(blocked.fieldErrors?.overrideReason).toEqual(["lifecycle.validation.overrideRequired"]);
    expect(blocked.data).toEqual({ openReferrals: 1 });
    const tooShort = await dalError(
      decideClosure(supTip, {
        requestId: requested.id,
        version: pending.version,
        decision: "approve",
        overrideReason: "  too short ",
      }),
      "invalid",
    );
    expect(tooShort.fieldErrors?.overrideReason).toEqual(["lifecycle.validation.overrideRequired"]);
    expect(await statusOf(c.id)).toBe("closure_requested");
    expect((await requestRow(requested.id)).decision).toBeNull();

    const result = await decideClosure(supTip, {
      requestId: requested.id,
      version: pending.version,
      decision: "approve",
      overrideReason: "Partner has not answered in 8 weeks; person left Libya",
    });
    expect(result).toEqual({ status: "closed" });
    expect(await statusOf(c.id)).toBe("closed");
    const decided = await requestRow(requested.id);
    expect(decided).toMatchObject({
      decision: "approved",
      decidedBy: supTip.actor.id,
      overrideReason: "Partner has not answered in 8 weeks; person left Libya",
      openReferralsAtRequest: 1,
      openReferralsAtDecision: 1,
      version: pending.version + 1,
    });
    const closed = await getCaseStatus(supTip, c.id);
    expect(closed.closure).toMatchObject({ reason: "lost_contact", overrideReason: decided.overrideReason });
    expect(closed.history.map((h) => `${h.from}>${h.to}`)).toEqual([
      "closure_requested>closed",
      "open>closure_requested",
    ]);
    const audits = await getDb()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, requested.id), eq(auditEvents.action, "approve")));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toMatchObject({ openReferrals: 1, override: true });
  });

  it("approves without override once the referral is withdrawn, and stores no override", async () => {
    const c = await freshCase();
    const referral = await openReferral(c.id);
    const requested = await requestClosure(owner, { beneficiaryId: c.id, reason: "returned_vhr" });
    expect(requested.openReferrals).toBe(1);
    await transitionReferral(owner, {
      id: referral.id,
      version: referral.version,
      event: "withdraw",
      note: "Person returned home",
    });
    expect((await getCaseStatus(supTip, c.id)).openReferrals).toBe(0);
    await decideClosure(supTip, {
      requestId: requested.id,
      version: 1,
      decision: "approve",
      overrideReason: "Not needed but given anyway",
    });
    const row = await requestRow(requested.id);
    expect(row.overrideReason).toBeNull();
    expect(row.openReferralsAtDecision).toBe(0);
    expect(await statusOf(c.id)).toBe("closed");
  });
});

describe("who decides", () => {
  it("a caseworker cannot approve their own closure request, nor can the supervisor who asked", async () => {
    const c = await freshCase();
    const byOwner = await requestClosure(owner, { beneficiaryId: c.id, reason: "durable_solution" });
    await dalError(
      decideClosure(owner, { requestId: byOwner.id, version: 1, decision: "approve" }),
      "forbidden",
    );
    await decideClosure(supTip, {
      requestId: byOwner.id,
      version: 1,
      decision: "reject",
      note: "Plan goals still open",
    });
    expect(await statusOf(c.id)).toBe("active");

    const bySupervisor = await requestClosure(supTip, { beneficiaryId: c.id, reason: "durable_solution" });
    await dalError(
      decideClosure(supTip, { requestId: bySupervisor.id, version: 1, decision: "approve" }),
      "forbidden",
    );
    expect(await statusOf(c.id)).toBe("closure_requested");
    await decideClosure(supTip2, { requestId: bySupervisor.id, version: 1, decision: "approve" });
    expect(await statusOf(c.id)).toBe("closed");
  });

  it("a supervisor of another office sees nothing and can decide nothing", async () => {
    const c = await freshCase();
    const r = await requestClosure(owner, { beneficiaryId: c.id, reason: "deceased" });
    expect((await listClosureRequests(supBen)).items.map((i) => i.id)).not.toContain(r.id);
    await dalError(decideClosure(supBen, { requestId: r.id, version: 1, decision: "approve" }), "not_found");
    await dalError(getCaseStatus(supBen, c.id), "not_found");
    const tip = await listClosureRequests(supTip);
    expect(tip.items.find((i) => i.id === r.id)).toMatchObject({
      beneficiaryId: c.id,
      openReferrals: 0,
      mine: false,
    });
  });

  it("rejection needs a note and returns the case to active; a stale decision is a conflict", async () => {
    const c = await freshCase();
    const r = await requestClosure(owner, { beneficiaryId: c.id, reason: "no_longer_needs_services" });
    const e = await dalError(
      decideClosure(supTip, { requestId: r.id, version: 1, decision: "reject", note: "no" }),
      "invalid",
    );
    expect(e.fieldErrors?.note).toEqual(["reasonTooShort"]);
    await decideClosure(supTip, {
      requestId: r.id,
      version: 1,
      decision: "reject",
      note: "Shelter still needed",
    });
    await dalError(decideClosure(supTip2, { requestId: r.id, version: 1, decision: "approve" }), "conflict");
    await dalError(decideClosure(supTip2, { requestId: r.id, version: 2, decision: "approve" }), "conflict");
    expect(await statusOf(c.id)).toBe("active");
    expect((await requestRow(r.id)).decisionNote).toBe("Shelter still needed");
  });
});

describe("requests", () => {
  it("one pending request at a time: a second one is a conflict", async () => {
    const c = await freshCase();
    await requestClosure(owner, { beneficiaryId: c.id, reason: "transferred" });
    await dalError(requestClosure(owner, { beneficiaryId: c.id, reason: "lost_contact" }), "conflict");
    const rows = await getDb().select().from(closureRequests).where(eq(closureRequests.beneficiaryId, c.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses a reason outside the list and 'turned 18' for someone registered as an adult", async () => {
    const c = await freshCase();
    const bad = await dalError(requestClosure(owner, { beneficiaryId: c.id, reason: "bored" }), "invalid");
    expect(bad.fieldErrors?.reason).toEqual(["required"]);
    const adult = await dalError(
      requestClosure(owner, { beneficiaryId: c.id, reason: "turned_18" }),
      "invalid",
    );
    expect(adult.fieldErrors?.reason).toEqual(["lifecycle.validation.notTurned18"]);
    expect(await statusOf(c.id)).toBe("open");
  });

  it("accepts 'turned 18' for a child case once the person is 18 (time injected)", async () => {
    const c = await freshCase({ dateOfBirth: "2010-05-01", uascStatus: "separated" });
    await dalError(
      requestClosure(
        owner,
        { beneficiaryId: c.id, reason: "turned_18" },
        { now: new Date("2028-04-30T12:00:00Z") },
      ),
      "invalid",
    );
    const r = await requestClosure(
      owner,
      { beneficiaryId: c.id, reason: "turned_18" },
      { now: new Date("2028-05-01T12:00:00Z") },
    );
    expect((await requestRow(r.id)).reason).toBe("turned_18");
  });
});

describe("reopening", () => {
  it("only a supervisor of the office reopens a closed case, with a reason; it becomes active", async () => {
    const c = await freshCase();
    const r = await requestClosure(owner, { beneficiaryId: c.id, reason: "returned_vhr" });
    await dalError(
      reopenCase(supTip, { beneficiaryId: c.id, reason: "Came back to the office" }),
      "conflict",
    );
    await decideClosure(supTip, { requestId: r.id, version: 1, decision: "approve" });

    await dalError(
      reopenCase(owner, { beneficiaryId: c.id, reason: "Came back to the office" }),
      "forbidden",
    );
    await dalError(
      reopenCase(supBen, { beneficiaryId: c.id, reason: "Came back to the office" }),
      "not_found",
    );
    const short = await dalError(reopenCase(supTip, { beneficiaryId: c.id, reason: "back" }), "invalid");
    expect(short.fieldErrors?.reason).toEqual(["reasonTooShort"]);
    expect(await statusOf(c.id)).toBe("closed");

    await reopenCase(supTip, { beneficiaryId: c.id, reason: "Re-migrated and back in Tripoli" });
    expect(await statusOf(c.id)).toBe("active");
    const history = await getDb()
      .select()
      .from(caseStatusChanges)
      .where(and(eq(caseStatusChanges.beneficiaryId, c.id), eq(caseStatusChanges.toStatus, "active")));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStatus: "closed", note: "Re-migrated and back in Tripoli" });
    expect((await getCaseStatus(supTip, c.id)).closure).toBeNull();
  });
});
