import { describe, expect, it } from "vitest";
import { scopeOf } from "../authz/matrix";
import { ROLES, type Role } from "../authz/roles";
import { CASE_STATUSES, type CaseStatus } from "./beneficiary";
import {
  acceptsCasework,
  type CaseEvent,
  CLOSURE_REASONS,
  rolesFor,
  statusAfterActivity,
  transition,
} from "./case-status";

const me = "user-me";
const other = "user-other";
const actor = (role: Role, id = me) => ({ id, role });

/** One valid example of each event, as the DAL would build it for the happy path. */
const EVENTS: Record<CaseEvent["type"], CaseEvent> = {
  activate: { type: "activate" },
  request_closure: { type: "request_closure", reason: "lost_contact", turnedAdult: false },
  approve_closure: { type: "approve_closure", requestedBy: other, openReferrals: 0 },
  reject_closure: { type: "reject_closure", note: "Plan not finished yet" },
  reopen: { type: "reopen", reason: "Person came back to the office" },
};

// Expected outcome of each valid event from each status, for a role allowed to trigger it.
// biome-ignore format: keep the table aligned for reviewers
const TABLE: Record<CaseEvent["type"], Record<CaseStatus, CaseStatus | "wrong_status">> = {
  //                 open                  active                closure_requested     closed
  activate:        { open: "active",       active: "wrong_status", closure_requested: "wrong_status", closed: "wrong_status" },
  request_closure: { open: "closure_requested", active: "closure_requested", closure_requested: "wrong_status", closed: "wrong_status" },
  approve_closure: { open: "wrong_status", active: "wrong_status", closure_requested: "closed", closed: "wrong_status" },
  reject_closure:  { open: "wrong_status", active: "wrong_status", closure_requested: "active", closed: "wrong_status" },
  reopen:          { open: "wrong_status", active: "wrong_status", closure_requested: "wrong_status", closed: "active" },
};

// biome-ignore format: keep the table aligned for reviewers
const ROLE_TABLE: Record<CaseEvent["type"], Role[]> = {
  activate:        ["caseworker", "supervisor"],
  request_closure: ["caseworker", "supervisor"],
  approve_closure: ["supervisor"],
  reject_closure:  ["supervisor"],
  reopen:          ["supervisor"],
};

const eventTypes = Object.keys(EVENTS) as Array<CaseEvent["type"]>;

describe("case status transitions", () => {
  const cells = eventTypes.flatMap((type) =>
    CASE_STATUSES.flatMap((from) => ROLES.map((role) => [type, from, role] as const)),
  );

  it.each(cells)("%s from %s by %s", (type, from, role) => {
    const result = transition(from, EVENTS[type], actor(role));
    if (!ROLE_TABLE[type].includes(role)) {
      expect(result).toEqual({ ok: false, error: "role" });
      return;
    }
    const expected = TABLE[type][from];
    expect(result).toEqual(
      expected === "wrong_status" ? { ok: false, error: "wrong_status" } : { ok: true, to: expected },
    );
  });

  it("the roles of each event match the permission matrix", () => {
    const actionOf: Record<CaseEvent["type"], Parameters<typeof scopeOf>[1]> = {
      activate: "case.plan.manage",
      request_closure: "case.closure.request",
      approve_closure: "case.closure.decide",
      reject_closure: "case.closure.decide",
      reopen: "case.reopen",
    };
    for (const type of eventTypes) {
      const allowedByMatrix = ROLES.filter((role) => scopeOf(role, actionOf[type]) !== null);
      expect([...rolesFor(type)].sort(), type).toEqual(allowedByMatrix.sort());
    }
  });
});

describe("closure requests", () => {
  it("accepts every reason from the list", () => {
    expect(CLOSURE_REASONS).toHaveLength(7);
    for (const reason of CLOSURE_REASONS) {
      const result = transition(
        "active",
        { type: "request_closure", reason, turnedAdult: true },
        actor("caseworker"),
      );
      expect(result).toEqual({ ok: true, to: "closure_requested" });
    }
  });

  it("'turned 18' needs someone registered as a child who is now an adult", () => {
    const event = { type: "request_closure", reason: "turned_18", turnedAdult: false } as const;
    expect(transition("active", event, actor("caseworker"))).toEqual({ ok: false, error: "not_turned_18" });
    expect(transition("active", { ...event, reason: "lost_contact" }, actor("caseworker")).ok).toBe(true);
  });
});

describe("approving a closure", () => {
  const approve = (extra: Partial<Extract<CaseEvent, { type: "approve_closure" }>>) =>
    transition(
      "closure_requested",
      { ...EVENTS.approve_closure, ...extra } as CaseEvent,
      actor("supervisor"),
    );

  it("is blocked by an open referral", () => {
    expect(approve({ openReferrals: 1 })).toEqual({ ok: false, error: "open_referrals" });
    expect(approve({ openReferrals: 3, overrideReason: null })).toEqual({
      ok: false,
      error: "open_referrals",
    });
  });

  it("needs an override reason of at least 10 characters, not counting surrounding spaces", () => {
    expect(approve({ openReferrals: 1, overrideReason: "too short" })).toEqual({
      ok: false,
      error: "open_referrals",
    });
    expect(approve({ openReferrals: 1, overrideReason: "   123456789   " })).toEqual({
      ok: false,
      error: "open_referrals",
    });
    expect(approve({ openReferrals: 1, overrideReason: "1234567890" })).toEqual({ ok: true, to: "closed" });
    expect(approve({ openReferrals: 2, overrideReason: "Partner never answered" })).toEqual({
      ok: true,
      to: "closed",
    });
  });

  it("needs no override without open referrals", () => {
    expect(approve({ openReferrals: 0 })).toEqual({ ok: true, to: "closed" });
  });

  it("is refused to the supervisor who asked for the closure", () => {
    expect(approve({ requestedBy: me })).toEqual({ ok: false, error: "own_request" });
    expect(approve({ requestedBy: me, openReferrals: 1, overrideReason: "A long enough reason" })).toEqual({
      ok: false,
      error: "own_request",
    });
  });

  it("is refused to a caseworker, even for a closure someone else requested", () => {
    const result = transition("closure_requested", EVENTS.approve_closure, actor("caseworker"));
    expect(result).toEqual({ ok: false, error: "role" });
  });
});

describe("rejecting and reopening", () => {
  it("rejection needs a note of at least 10 characters", () => {
    const reject = (note: string) =>
      transition("closure_requested", { type: "reject_closure", note }, actor("supervisor"));
    expect(reject("no")).toEqual({ ok: false, error: "reason_too_short" });
    expect(reject("Still needs shelter")).toEqual({ ok: true, to: "active" });
  });

  it("a supervisor may reject a closure they asked for (it withdraws it)", () => {
    expect(transition("closure_requested", EVENTS.reject_closure, actor("supervisor", other)).ok).toBe(true);
  });

  it("reopening needs a reason of at least 10 characters", () => {
    const reopen = (reason: string) => transition("closed", { type: "reopen", reason }, actor("supervisor"));
    expect(reopen("back")).toEqual({ ok: false, error: "reason_too_short" });
    expect(reopen("Returned to Tripoli after failed departure")).toEqual({ ok: true, to: "active" });
  });
});

describe("activity", () => {
  it("makes an open case active and leaves every other status alone", () => {
    expect(statusAfterActivity("open")).toBe("active");
    expect(statusAfterActivity("active")).toBe("active");
    expect(statusAfterActivity("closure_requested")).toBe("closure_requested");
    expect(statusAfterActivity("closed")).toBe("closed");
  });

  it("is refused on a closed case only", () => {
    expect(CASE_STATUSES.filter((s) => !acceptsCasework(s))).toEqual(["closed"]);
  });
});
