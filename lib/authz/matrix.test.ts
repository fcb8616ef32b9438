import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  allows,
  can,
  navigationFor,
  recordInScope,
  type Scope,
  type ScopedActor,
  type ScopedRecord,
  scopeOf,
} from "./matrix";
import { isRole, ROLES, type Role } from "./roles";

/**
 * The expected permission matrix, written out by hand so that any change to PERMISSIONS must be
 * mirrored here on purpose. "-" means denied.
 */
type Cell = Scope | "-";
const COLUMNS = [
  "caseworker",
  "supervisor",
  "programme_manager",
  "bid_panel",
  "admin",
  "focal_point",
] as const;
// biome-ignore format: keep the table aligned for reviewers
const EXPECTED: Record<Action, readonly [Cell, Cell, Cell, Cell, Cell, Cell]> = {
  //                               caseworker  supervisor  programme_manager  bid_panel  admin  focal_point
  "beneficiary.register":        [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "beneficiary.list":            [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "import.run":                  [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "import.read":                 [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "beneficiary.read":            [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "beneficiary.update":          [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "beneficiary.reassign":        [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "beneficiary.duplicate_check": [ "all",      "all",      "-",               "-",       "-",   "-"           ],
  "user.list":                   [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "user.create":                 [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "user.update":                 [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "user.deactivate":             [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "user.reset_two_factor":       [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "reference.read":              [ "all",      "all",      "all",             "all",     "all", "all"         ],
  "sensitive.break_glass":       [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "sensitive.review_break_glass":[ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "sensitive.grant":             [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "audit.case_history":          [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "audit.search":                [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "consent.update":              [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "beneficiary.export":          [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "retention.configure":          [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "security.configure":           [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "referral.create":             [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "referral.read":               [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "referral.approve":            [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "referral.override_consent":   [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "referral.queue":              [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "referral.respond":            [ "-",        "-",        "-",               "-",       "-",   "own"         ],
  "referral.configure":          [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "case.plan.manage":            [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "case.note.read":              [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "case.note.write":             [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "case.closure.request":        [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "case.closure.decide":         [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "case.reopen":                 [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "bid.read":                    [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "bid.draft":                   [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "bid.review":                  [ "-",        "office",   "-",               "-",       "-",   "-"           ],
  "bid.follow_up":               [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "bid.emergency_action":        [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "bid.panel.read_agenda_report":[ "-",        "-",        "-",               "own",     "-",   "-"           ],
  "bid.panel.vote":              [ "-",        "-",        "-",               "own",     "-",   "-"           ],
  "bid.panel.chair":             [ "-",        "-",        "-",               "own",     "-",   "-"           ],
  "bid.panel.configure":         [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "vhr.read":                    [ "-",        "-",        "-",               "-",       "-",   "own"         ],
  "vhr.manage":                  [ "-",        "-",        "-",               "-",       "-",   "own"         ],
  "vhr.board":                   [ "-",        "-",        "all",             "-",       "-",   "own"         ],
  "vhr.configure":               [ "-",        "-",        "-",               "-",       "all", "-"           ],
  "movement.read":               [ "-",        "-",        "-",               "-",       "-",   "own"         ],
  "movement.manage":             [ "-",        "-",        "-",               "-",       "-",   "own"         ],
  "screening.record":            [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "screening.read":              [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "screening.decide_suggestion": [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "assistance.record":           [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "assistance.read":             [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "assistance.correct":          [ "own",      "office",   "-",               "-",       "-",   "-"           ],
  "rollup.view":                 [ "-",        "office",   "all",             "-",       "all", "-"           ],
  "rollup.export_internal":      [ "-",        "-",        "all",             "-",       "all", "-"           ],
  "rollup.export_external":      [ "-",        "office",   "all",             "-",       "all", "-"           ],
  "programme.configure":         [ "-",        "-",        "-",               "-",       "all", "-"           ],
};

function expectedScope(role: Role, action: Action): Scope | null {
  const cell = EXPECTED[action][COLUMNS.indexOf(role as (typeof COLUMNS)[number])];
  if (cell === undefined) throw new Error(`No expectation for ${role} × ${action}`);
  return cell === "-" ? null : cell;
}

describe("permission matrix", () => {
  it("the expected table covers exactly the known roles and actions", () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  const cells = ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const));
  it.each(cells)("%s × %s has the expected scope", (role, action) => {
    const expected = expectedScope(role, action);
    expect(scopeOf(role, action)).toBe(expected);
    expect(can(role, action)).toBe(expected !== null);
  });

  it("programme managers reach no personal data at all: reference data and aggregates only", () => {
    const allowed = ACTIONS.filter((action) => can("programme_manager", action));
    expect(allowed).toEqual([
      "reference.read",
      "rollup.view",
      "rollup.export_internal",
      "rollup.export_external",
      // The return pipeline board: counts by stage and nationality, no names.
      "vhr.board",
    ]);
  });

  it("the BID panel reaches no case record, only the panel workflow on its own agendas", () => {
    const allowed = ACTIONS.filter((action) => can("bid_panel", action));
    expect(allowed).toEqual([
      "reference.read",
      "bid.panel.read_agenda_report",
      "bid.panel.vote",
      "bid.panel.chair",
    ]);
  });

  it("focal points reach no case record: the referrals sent to their services and, for VHR, the return pipeline", () => {
    const allowed = ACTIONS.filter((action) => can("focal_point", action));
    expect(allowed).toEqual([
      "reference.read",
      "referral.respond",
      "vhr.read",
      "vhr.manage",
      "vhr.board",
      "movement.read",
      "movement.manage",
    ]);
    for (const action of allowed)
      expect(action.startsWith("beneficiary.") || action.startsWith("case.")).toBe(false);
  });

  it("administrators have no beneficiary action", () => {
    const beneficiaryActions = ACTIONS.filter((action) => action.startsWith("beneficiary."));
    expect(beneficiaryActions.length).toBeGreaterThan(0);
    for (const action of beneficiaryActions) expect(can("admin", action)).toBe(false);
  });

  it("only administrators manage users", () => {
    const userActions = ACTIONS.filter((action) => action.startsWith("user."));
    for (const role of ROLES) {
      for (const action of userActions) expect(can(role, action)).toBe(role === "admin");
    }
  });

  it("no role reads, lists or updates case records across every office", () => {
    for (const role of ROLES) {
      for (const action of ["beneficiary.read", "beneficiary.list", "beneficiary.update"] as const) {
        expect(scopeOf(role, action)).not.toBe("all");
      }
    }
  });
});

describe("isRole", () => {
  it("accepts every role", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
  });

  it("rejects anything else", () => {
    for (const value of [
      "Admin",
      "root",
      "",
      " caseworker",
      "caseworker ",
      null,
      undefined,
      1,
      {},
      ["admin"],
    ]) {
      expect(isRole(value)).toBe(false);
    }
  });
});

const caseworker: ScopedActor = { id: "user-cw", role: "caseworker", officeCode: "TIP" };
const supervisor: ScopedActor = { id: "user-sv", role: "supervisor", officeCode: "TIP" };
const admin: ScopedActor = { id: "user-ad", role: "admin", officeCode: "TIP" };
const manager: ScopedActor = { id: "user-pm", role: "programme_manager", officeCode: "TIP" };

const owned: ScopedRecord = { ownerId: "user-cw", officeCode: "TIP", assigneeIds: [] };
const assigned: ScopedRecord = { ownerId: "someone-else", officeCode: "TIP", assigneeIds: ["x", "user-cw"] };
const colleaguesSameOffice: ScopedRecord = { ownerId: "someone-else", officeCode: "TIP", assigneeIds: ["x"] };
const otherOffice: ScopedRecord = { ownerId: "someone-else", officeCode: "BEN", assigneeIds: [] };
const ownedInOtherOffice: ScopedRecord = { ownerId: "user-cw", officeCode: "BEN", assigneeIds: [] };

describe("recordInScope", () => {
  it("own: the owner is in scope", () => {
    expect(recordInScope(caseworker, "own", owned)).toBe(true);
  });

  it("own: an assignee is in scope", () => {
    expect(recordInScope(caseworker, "own", assigned)).toBe(true);
  });

  it("own: neither owner nor assignee is out of scope, even in the same office", () => {
    expect(recordInScope(caseworker, "own", colleaguesSameOffice)).toBe(false);
    expect(recordInScope(caseworker, "own", otherOffice)).toBe(false);
  });

  it("own: follows the person, not the office", () => {
    expect(recordInScope(caseworker, "own", ownedInOtherOffice)).toBe(true);
  });

  it("office: a record of the same office is in scope whoever owns it", () => {
    expect(recordInScope(supervisor, "office", colleaguesSameOffice)).toBe(true);
    expect(recordInScope(supervisor, "office", owned)).toBe(true);
  });

  it("office: a record of another office is out of scope", () => {
    expect(recordInScope(supervisor, "office", otherOffice)).toBe(false);
  });

  it("office: even the supervisor's own record in another office is out of office scope", () => {
    const ownElsewhere: ScopedRecord = { ownerId: "user-sv", officeCode: "BEN", assigneeIds: ["user-sv"] };
    expect(recordInScope(supervisor, "office", ownElsewhere)).toBe(false);
  });

  it("all: every record is in scope", () => {
    for (const record of [owned, assigned, colleaguesSameOffice, otherOffice]) {
      expect(recordInScope(admin, "all", record)).toBe(true);
    }
  });
});

describe("allows", () => {
  it("a caseworker may read and update own and assigned cases only", () => {
    for (const action of ["beneficiary.read", "beneficiary.update"] as const) {
      expect(allows(caseworker, action, owned)).toBe(true);
      expect(allows(caseworker, action, assigned)).toBe(true);
      expect(allows(caseworker, action, colleaguesSameOffice)).toBe(false);
      expect(allows(caseworker, action, otherOffice)).toBe(false);
    }
  });

  it("a caseworker may not reassign even a case they own", () => {
    expect(allows(caseworker, "beneficiary.reassign", owned)).toBe(false);
  });

  it("a caseworker's duplicate check reaches every office", () => {
    expect(allows(caseworker, "beneficiary.duplicate_check", otherOffice)).toBe(true);
  });

  it("a supervisor may read, update and reassign within the office only", () => {
    for (const action of ["beneficiary.read", "beneficiary.update", "beneficiary.reassign"] as const) {
      expect(allows(supervisor, action, colleaguesSameOffice)).toBe(true);
      expect(allows(supervisor, action, otherOffice)).toBe(false);
    }
  });

  it("is false for a denied action whatever the record", () => {
    expect(allows(admin, "beneficiary.read", owned)).toBe(false);
    expect(
      allows(admin, "beneficiary.read", { ownerId: admin.id, officeCode: "TIP", assigneeIds: [admin.id] }),
    ).toBe(false);
    expect(allows(manager, "beneficiary.list", colleaguesSameOffice)).toBe(false);
  });

  it("is true for an action allowed with scope all", () => {
    expect(allows(admin, "user.update", otherOffice)).toBe(true);
    expect(allows(manager, "reference.read", otherOffice)).toBe(true);
  });
});

describe("navigationFor", () => {
  // biome-ignore format: keep the table aligned for reviewers
  const NAVIGATION: Record<Role, string[]> = {
    caseworker:        ["cases", "register"],
    supervisor:        ["cases", "register", "import", "breakGlass", "queue", "bidQueue", "dashboard"],
    programme_manager: ["returnsBoard", "dashboard"],
    bid_panel:         ["panel"],
    admin:             ["users", "audit", "retention", "securitySettings", "referralSettings", "panelSettings", "returnSettings", "dashboard", "programmes"],
    focal_point:       ["incoming"],
  };

  it.each(ROLES.map((role) => [role, NAVIGATION[role]] as const))("%s sees %j", (role, expected) => {
    expect(navigationFor(role).map((item) => item.key)).toEqual(expected);
  });

  it("shows the return pipeline and movements only to the VHR service's focal points", () => {
    expect(navigationFor("focal_point", ["vhr"]).map((item) => item.key)).toEqual([
      "incoming",
      "returns",
      "movements",
      "returnsBoard",
    ]);
    expect(navigationFor("focal_point", ["mhpss"]).map((item) => item.key)).toEqual(["incoming"]);
    // Services mean nothing to a role whose row does not allow the action.
    expect(navigationFor("caseworker", ["vhr"]).map((item) => item.key)).toEqual(["cases", "register"]);
  });
});
