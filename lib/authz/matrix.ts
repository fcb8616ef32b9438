import type { Role } from "./roles";

/**
 * How far an allowed action reaches:
 * - own: records the user owns or is assigned to
 * - office: records of the user's office
 * - all: every record (only for actions that reveal no personal data, or administration)
 */
export type Scope = "own" | "office" | "all";

export const ACTIONS = [
  "beneficiary.register",
  "beneficiary.list",
  "beneficiary.read",
  "beneficiary.update",
  "beneficiary.reassign",
  "beneficiary.duplicate_check",
  "user.list",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.reset_two_factor",
  "reference.read",
  "sensitive.break_glass",
  "sensitive.review_break_glass",
  "sensitive.grant",
  "audit.case_history",
  "audit.search",
  "consent.update",
  "beneficiary.export",
  "retention.configure",
  "security.configure",
  "referral.create",
  "referral.read",
  "referral.approve",
  "referral.override_consent",
  "referral.queue",
  "referral.respond",
  "referral.configure",
  "case.plan.manage",
  "case.note.read",
  "case.note.write",
  "case.closure.request",
  "case.closure.decide",
  "case.reopen",
  "bid.read",
  "bid.draft",
  "bid.review",
  "bid.follow_up",
  "bid.emergency_action",
  "bid.panel.read_agenda_report",
  "bid.panel.vote",
  "bid.panel.chair",
  "bid.panel.configure",
  "screening.record",
  "screening.read",
  "screening.decide_suggestion",
  "assistance.record",
  "assistance.read",
  "assistance.correct",
  "rollup.view",
  "rollup.export_internal",
  "rollup.export_external",
  "programme.configure",
  "import.run",
  "import.read",
  "vhr.read",
  "vhr.manage",
  "vhr.board",
  "vhr.configure",
  "movement.read",
  "movement.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The one permission matrix. An action missing from a role's row is denied.
 * Programme managers see aggregates only; administrators manage users and configuration, no cases;
 * the BID panel gets agenda-only access with the panel workflow.
 */
export const PERMISSIONS: Readonly<Record<Role, Readonly<Partial<Record<Action, Scope>>>>> = {
  caseworker: {
    // A caseworker corrects their own cases' records: the void keeps the original, reason and author.
    "assistance.record": "own",
    "assistance.read": "own",
    "assistance.correct": "own",
    "screening.record": "own",
    "screening.read": "own",
    "screening.decide_suggestion": "own",
    "sensitive.break_glass": "own",
    "consent.update": "own",
    "beneficiary.register": "own",
    "beneficiary.list": "own",
    "beneficiary.read": "own",
    "beneficiary.update": "own",
    "beneficiary.duplicate_check": "all",
    "reference.read": "all",
    "referral.create": "own",
    "referral.read": "own",
    "case.plan.manage": "own",
    "case.note.read": "own",
    "case.note.write": "own",
    "case.closure.request": "own",
    "bid.read": "own",
    "bid.draft": "own",
    "bid.follow_up": "own",
    "bid.emergency_action": "own",
  },
  supervisor: {
    // Bulk import of beneficiaries from Kobo/ODK files, into the supervisor's own office.
    "import.run": "office",
    "import.read": "office",
    "assistance.record": "office",
    "assistance.read": "office",
    "assistance.correct": "office",
    // Aggregates of their own office only, and only exported with small cells suppressed.
    "rollup.view": "office",
    "rollup.export_external": "office",
    "screening.record": "office",
    "screening.read": "office",
    "screening.decide_suggestion": "office",
    "sensitive.break_glass": "office",
    "sensitive.review_break_glass": "office",
    "audit.case_history": "office",
    "consent.update": "office",
    // Exports of personal data are privileged: supervisors only, their office, with a purpose.
    "beneficiary.export": "office",
    "beneficiary.register": "office",
    "beneficiary.list": "office",
    "beneficiary.read": "office",
    "beneficiary.update": "office",
    "beneficiary.reassign": "office",
    "beneficiary.duplicate_check": "all",
    "reference.read": "all",
    "referral.create": "office",
    "referral.read": "office",
    "referral.approve": "office",
    "referral.override_consent": "office",
    "referral.queue": "office",
    "case.plan.manage": "office",
    "case.note.read": "office",
    "case.note.write": "office",
    "case.closure.request": "office",
    "case.closure.decide": "office",
    "case.reopen": "office",
    "bid.read": "office",
    "bid.draft": "office",
    "bid.review": "office",
    "bid.follow_up": "office",
    "bid.emergency_action": "office",
  },
  programme_manager: {
    "rollup.view": "all",
    "rollup.export_internal": "all",
    "rollup.export_external": "all",
    "reference.read": "all",
    // Counts by stage and nationality and the readiness of upcoming movements; never a name.
    "vhr.board": "all",
  },
  // "own" for the panel: only cases on the agendas of sessions the member is invited to, within the
  // access window, after the confidentiality undertaking (lib/dal/bid/panel-access.ts); the chair
  // flag in panel_members decides who may chair.
  bid_panel: {
    "reference.read": "all",
    "bid.panel.read_agenda_report": "own",
    "bid.panel.vote": "own",
    "bid.panel.chair": "own",
  },
  admin: {
    "rollup.view": "all",
    "rollup.export_internal": "all",
    "rollup.export_external": "all",
    "programme.configure": "all",
    "user.list": "all",
    "user.create": "all",
    "user.update": "all",
    "user.deactivate": "all",
    "user.reset_two_factor": "all",
    "sensitive.grant": "all",
    "audit.search": "all",
    "retention.configure": "all",
    "security.configure": "all",
    "reference.read": "all",
    "referral.configure": "all",
    "bid.panel.configure": "all",
    "vhr.configure": "all",
  },
  // "own" for a focal point: referrals sent to the services the user is tied to (user_services).
  // For the VHR service's focal points (the movement officers), "own" is the return pipeline and
  // the movements: what travel needs, never screenings' answers, notes or other referrals.
  focal_point: {
    "reference.read": "all",
    "referral.respond": "own",
    "vhr.read": "own",
    "vhr.manage": "own",
    "vhr.board": "own",
    "movement.read": "own",
    "movement.manage": "own",
  },
};

export function scopeOf(role: Role, action: Action): Scope | null {
  return PERMISSIONS[role][action] ?? null;
}

export function can(role: Role, action: Action): boolean {
  return scopeOf(role, action) !== null;
}

export interface ScopedActor {
  id: string;
  role: Role;
  officeCode: string;
}

/** What decides whether one record is within an actor's scope. */
export interface ScopedRecord {
  ownerId: string;
  officeCode: string;
  assigneeIds: readonly string[];
}

export function recordInScope(actor: ScopedActor, scope: Scope, record: ScopedRecord): boolean {
  switch (scope) {
    case "all":
      return true;
    case "office":
      return record.officeCode === actor.officeCode;
    case "own":
      return record.ownerId === actor.id || record.assigneeIds.includes(actor.id);
  }
}

/** Whether the actor may take `action` on `record`; false both when denied and when out of scope. */
export function allows(actor: ScopedActor, action: Action, record: ScopedRecord): boolean {
  const scope = scopeOf(actor.role, action);
  return scope !== null && recordInScope(actor, scope, record);
}

/**
 * Navigation entries, each shown to the roles whose matrix row allows its action, so navigation
 * and permissions cannot drift apart. A feature adds its entry here and a `nav.<key>` message.
 */
export const NAV_ITEMS = [
  { key: "cases", href: "/cases", action: "beneficiary.list" },
  { key: "register", href: "/cases/new", action: "beneficiary.register" },
  { key: "import", href: "/import", action: "import.run" },
  { key: "users", href: "/admin/users", action: "user.list" },
  { key: "audit", href: "/admin/audit", action: "audit.search" },
  { key: "retention", href: "/admin/retention", action: "retention.configure" },
  { key: "securitySettings", href: "/admin/security", action: "security.configure" },
  { key: "breakGlass", href: "/break-glass", action: "sensitive.review_break_glass" },
  { key: "queue", href: "/queue", action: "referral.queue" },
  { key: "incoming", href: "/referrals/incoming", action: "referral.respond" },
  { key: "referralSettings", href: "/admin/referrals", action: "referral.configure" },
  { key: "bidQueue", href: "/bid", action: "bid.review" },
  { key: "panel", href: "/panel", action: "bid.panel.read_agenda_report" },
  { key: "panelSettings", href: "/admin/panel", action: "bid.panel.configure" },
  { key: "returns", href: "/returns", action: "vhr.read", service: "vhr" },
  { key: "movements", href: "/movements", action: "movement.read", service: "vhr" },
  { key: "returnsBoard", href: "/returns/board", action: "vhr.board", service: "vhr" },
  { key: "returnSettings", href: "/admin/returns", action: "vhr.configure" },
  { key: "dashboard", href: "/dashboard", action: "rollup.view" },
  { key: "programmes", href: "/admin/programmes", action: "programme.configure" },
] as const satisfies ReadonlyArray<{ key: string; href: string; action: Action; service?: string }>;

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

/**
 * The entries a user sees. A focal point's "own" scope is the services they are tied to, so an
 * entry for one service's work shows only to that service's focal points.
 */
export function navigationFor(
  role: Role,
  services: readonly string[] = [],
): Array<{ key: NavKey; href: string }> {
  return NAV_ITEMS.filter(
    (item) =>
      can(role, item.action) &&
      (!("service" in item) || role !== "focal_point" || services.includes(item.service)),
  ).map(({ key, href }) => ({ key, href }));
}
