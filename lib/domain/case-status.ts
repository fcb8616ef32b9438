import type { Role } from "../authz/roles";
import type { CaseStatus } from "./beneficiary";

/**
 * The life of a case, as a pure state machine (no I/O): the DAL loads the facts (current status,
 * open referrals, who asked for closure) under a row lock and asks this module what may happen.
 *
 *   open ──activity──▶ active
 *   open | active ──request closure (reason)──▶ closure_requested
 *   closure_requested ──approve (supervisor, not the requester; open referrals need an override)──▶ closed
 *   closure_requested ──reject (supervisor, with a note)──▶ active
 *   closed ──reopen (supervisor, with a reason)──▶ active
 *
 * "Activity" means anything recorded in the case plan, its tasks or its notes, or the explicit
 * "start work" action: a case registered but never worked on stays "open"; the first piece of
 * casework makes it "active". Activity on an active or pending case leaves the status alone, and a
 * closed case takes no new casework until a supervisor reopens it.
 *
 * Who may trigger an event is decided here by role; which records they reach (own cases, their
 * office) is the permission matrix's scope, applied by the DAL.
 */

export const CLOSURE_REASONS = [
  "returned_vhr",
  "durable_solution",
  "transferred",
  "turned_18",
  "lost_contact",
  "deceased",
  "no_longer_needs_services",
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Minimum length of a written justification (override, rejection, reopening). */
export const MIN_REASON_LENGTH = 10;

export interface TransitionActor {
  id: string;
  role: Role;
}

export type CaseEvent =
  | { type: "activate" }
  | {
      type: "request_closure";
      reason: ClosureReason;
      /** The person was under 18 when registered and is 18 or over now. */
      turnedAdult: boolean;
    }
  | {
      type: "approve_closure";
      requestedBy: string;
      openReferrals: number;
      overrideReason?: string | null;
    }
  | { type: "reject_closure"; note: string }
  | { type: "reopen"; reason: string };

export type TransitionError =
  /** The event makes no sense from the current status. */
  | "wrong_status"
  /** The actor's role may never trigger this event. */
  | "role"
  /** Nobody approves a closure they asked for themselves. */
  | "own_request"
  /** Open referrals block closure without a supervisor's override reason. */
  | "open_referrals"
  /** A required justification is missing or too short. */
  | "reason_too_short"
  /** "Turned 18" for someone who was not registered as a child or is not 18 yet. */
  | "not_turned_18";

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; error: TransitionError };

const EVENT_ROLES: Record<CaseEvent["type"], readonly Role[]> = {
  activate: ["caseworker", "supervisor"],
  request_closure: ["caseworker", "supervisor"],
  approve_closure: ["supervisor"],
  reject_closure: ["supervisor"],
  reopen: ["supervisor"],
};

const EVENT_FROM: Record<CaseEvent["type"], readonly CaseStatus[]> = {
  activate: ["open"],
  request_closure: ["open", "active"],
  approve_closure: ["closure_requested"],
  reject_closure: ["closure_requested"],
  reopen: ["closed"],
};

export function rolesFor(event: CaseEvent["type"]): readonly Role[] {
  return EVENT_ROLES[event];
}

export function statusesFor(event: CaseEvent["type"]): readonly CaseStatus[] {
  return EVENT_FROM[event];
}

const longEnough = (text: string | null | undefined) => (text ?? "").trim().length >= MIN_REASON_LENGTH;

const fail = (error: TransitionError): TransitionResult => ({ ok: false, error });

export function transition(from: CaseStatus, event: CaseEvent, actor: TransitionActor): TransitionResult {
  if (!EVENT_ROLES[event.type].includes(actor.role)) return fail("role");
  if (!EVENT_FROM[event.type].includes(from)) return fail("wrong_status");
  switch (event.type) {
    case "activate":
      return { ok: true, to: "active" };
    case "request_closure":
      if (event.reason === "turned_18" && !event.turnedAdult) return fail("not_turned_18");
      return { ok: true, to: "closure_requested" };
    case "approve_closure":
      if (event.requestedBy === actor.id) return fail("own_request");
      if (event.openReferrals > 0 && !longEnough(event.overrideReason)) return fail("open_referrals");
      return { ok: true, to: "closed" };
    case "reject_closure":
      if (!longEnough(event.note)) return fail("reason_too_short");
      return { ok: true, to: "active" };
    case "reopen":
      if (!longEnough(event.reason)) return fail("reason_too_short");
      return { ok: true, to: "active" };
  }
}

/** The status after recording casework: only a case nobody has worked on yet changes. */
export function statusAfterActivity(status: CaseStatus): CaseStatus {
  return status === "open" ? "active" : status;
}

/** Whether new casework (plan, tasks, notes) may be recorded on a case in this status. */
export function acceptsCasework(status: CaseStatus): boolean {
  return status !== "closed";
}
