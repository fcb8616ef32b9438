import { MIN_RETURN_REASON, type Refusal, type Transition } from "./bia-machine";
import type { BidStatus, Outcome } from "./constants";

/**
 * The capacity in which someone acts on a BID: the case's caseworker (or a supervisor owning the
 * case) drafts; the office supervisor reviews; the panel chair schedules and decides.
 */
export type BidActorKind = "drafter" | "supervisor" | "chair";

export interface BidActor {
  kinds: readonly BidActorKind[];
  /** The drafter of the current report: a supervisor may not pass their own report to the panel. */
  isAuthor: boolean;
}

export type BidEvent =
  | { type: "save_draft" }
  | { type: "submit"; blockers: number }
  | { type: "return"; reason: string }
  | { type: "submit_to_panel" }
  | { type: "add_to_agenda" }
  | { type: "decide"; outcome: Outcome; quorumMet: boolean; majorityOutcome: Outcome | null }
  | { type: "record_informed" }
  | { type: "request_review" }
  | { type: "reopen" }
  | { type: "decline_review"; reason: string; informed: boolean };

const refuse = (error: Refusal["error"], guard?: string): Refusal =>
  guard ? { ok: false, error, guard } : { ok: false, error };

const has = (actor: BidActor, kind: BidActorKind) => actor.kinds.includes(kind);

/** Which status each event may start from and who may take it. */
const RULES: Record<BidEvent["type"], { from: readonly BidStatus[]; by: BidActorKind }> = {
  save_draft: { from: ["required", "drafting", "returned"], by: "drafter" },
  submit: { from: ["required", "drafting", "returned"], by: "drafter" },
  return: { from: ["submitted"], by: "supervisor" },
  submit_to_panel: { from: ["submitted"], by: "supervisor" },
  add_to_agenda: { from: ["ready_for_panel"], by: "chair" },
  decide: { from: ["on_agenda"], by: "chair" },
  record_informed: { from: ["decided"], by: "drafter" },
  request_review: { from: ["decided", "implementation"], by: "drafter" },
  reopen: { from: ["review_requested"], by: "chair" },
  decline_review: { from: ["review_requested"], by: "chair" },
};

/**
 * required → drafting → submitted → returned | ready_for_panel → on_agenda → decided (a deferral goes
 * back to drafting with the panel's questions) → implementation → review_requested → drafting
 * (reopened) | back to where it was (review declined).
 */
export function nextBidStatus(current: BidStatus, event: BidEvent, actor: BidActor): Transition<BidStatus> {
  const rule = RULES[event.type];
  if (!rule.from.includes(current)) return refuse("state");
  // A supervisor follows up the cases of their office as the caseworker does.
  const allowed =
    has(actor, rule.by) ||
    (rule.by === "drafter" &&
      (event.type === "record_informed" || event.type === "request_review") &&
      has(actor, "supervisor"));
  if (!allowed) return refuse("role");
  switch (event.type) {
    case "save_draft":
      return { ok: true, status: "drafting" };
    case "submit":
      return event.blockers > 0 ? refuse("guard", "incomplete") : { ok: true, status: "submitted" };
    case "return":
      return event.reason.trim().length < MIN_RETURN_REASON
        ? refuse("guard", "reason")
        : { ok: true, status: "returned" };
    case "submit_to_panel":
      return actor.isAuthor ? refuse("guard", "ownWork") : { ok: true, status: "ready_for_panel" };
    case "add_to_agenda":
      return { ok: true, status: "on_agenda" };
    case "decide":
      if (!event.quorumMet) return refuse("guard", "quorum");
      if (event.majorityOutcome === null) return refuse("guard", "noMajority");
      if (event.outcome !== event.majorityOutcome) return refuse("guard", "notMajority");
      return { ok: true, status: event.outcome === "deferred" ? "drafting" : "decided" };
    case "record_informed":
      return { ok: true, status: "implementation" };
    case "request_review":
      return { ok: true, status: "review_requested" };
    case "reopen":
      return { ok: true, status: "drafting" };
    case "decline_review":
      if (event.reason.trim().length < MIN_RETURN_REASON) return refuse("guard", "reason");
      return { ok: true, status: event.informed ? "implementation" : "decided" };
  }
}

export const BID_EVENT_TYPES = Object.keys(RULES) as Array<BidEvent["type"]>;
export const BID_RULES = RULES;
