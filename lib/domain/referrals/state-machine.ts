import type { Role } from "../../authz/roles";
import { effectiveState, type RecipientKind, type ReferralState } from "./catalogue";

/**
 * The referral workflow as data. Each transition names who may fire it by their relationship to the
 * referral, never by role alone: a supervisor of another office or a focal point of another service
 * is nobody to this referral.
 */
export const REFERRAL_EVENTS = [
  "submit",
  "approve",
  "return",
  "send",
  "accept",
  "decline",
  "expire",
  "complete",
  "not_complete",
  "withdraw",
  "withdraw_consent",
  "close",
] as const;
export type ReferralEvent = (typeof REFERRAL_EVENTS)[number];

/**
 * - referrer: a caseworker or supervisor who created the referral or owns the case
 * - supervisor: a supervisor of the case's office
 * - receiver: for an internal unit, a focal point of the service; for a partner organisation (which
 *   has no account here), the referrer or the supervisor recording the partner's reply
 * - system: the application itself (deadline expiry, consent withdrawn)
 */
export type Party = "referrer" | "supervisor" | "receiver" | "system";

export interface Transition {
  event: ReferralEvent;
  from: readonly ReferralState[];
  to: ReferralState;
  by: readonly Party[];
  /** A written note is part of the transition: a reason, feedback or instruction. */
  noteRequired: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { event: "submit", from: ["draft", "returned"], to: "submitted", by: ["referrer"], noteRequired: false },
  { event: "approve", from: ["submitted"], to: "approved", by: ["supervisor"], noteRequired: false },
  { event: "return", from: ["submitted"], to: "returned", by: ["supervisor"], noteRequired: true },
  { event: "send", from: ["approved"], to: "sent", by: ["referrer", "supervisor"], noteRequired: false },
  { event: "accept", from: ["sent"], to: "accepted", by: ["receiver"], noteRequired: false },
  { event: "decline", from: ["sent"], to: "declined", by: ["receiver"], noteRequired: true },
  { event: "expire", from: ["sent"], to: "expired", by: ["system"], noteRequired: false },
  { event: "complete", from: ["accepted"], to: "completed", by: ["receiver"], noteRequired: true },
  { event: "not_complete", from: ["accepted"], to: "not_completed", by: ["receiver"], noteRequired: true },
  {
    event: "withdraw",
    from: ["draft", "returned", "submitted", "approved", "sent", "accepted"],
    to: "withdrawn",
    by: ["referrer", "supervisor"],
    noteRequired: true,
  },
  {
    event: "withdraw_consent",
    from: ["submitted", "approved", "sent", "accepted"],
    to: "withdrawn",
    by: ["system"],
    noteRequired: true,
  },
  {
    event: "close",
    from: ["declined", "expired", "not_completed"],
    to: "closed",
    by: ["supervisor"],
    noteRequired: true,
  },
];

export function transitionOf(event: ReferralEvent): Transition {
  const found = TRANSITIONS.find((t) => t.event === event);
  if (!found) throw new Error(`unknown referral event ${event}`);
  return found;
}

/** What the machine needs to know about the referral. */
export interface ReferralFacts {
  state: ReferralState;
  recipientKind: RecipientKind;
  dueAt: Date | null;
}

/** Who is acting, as facts the DAL established from the database. */
export type TransitionActor =
  | { kind: "system" }
  | {
      kind: "user";
      role: Role;
      /** Created the referral or owns (or is assigned to) the case. */
      isReferrer: boolean;
      /** A supervisor whose office is the case's office. */
      supervisesCase: boolean;
      /** Tied to the referral's service (user_services). */
      focalPointOfService: boolean;
    };

export const SYSTEM_ACTOR: TransitionActor = { kind: "system" };

/** The parties this actor plays for this referral. Roles bound the relationship: a focal point is never a referrer. */
export function partiesOf(actor: TransitionActor, recipientKind: RecipientKind): Set<Party> {
  const parties = new Set<Party>();
  if (actor.kind === "system") {
    parties.add("system");
    return parties;
  }
  const referrer = actor.isReferrer && (actor.role === "caseworker" || actor.role === "supervisor");
  const supervisor = actor.supervisesCase && actor.role === "supervisor";
  if (referrer) parties.add("referrer");
  if (supervisor) parties.add("supervisor");
  const receiver =
    recipientKind === "internal"
      ? actor.focalPointOfService && actor.role === "focal_point"
      : referrer || supervisor;
  if (receiver) parties.add("receiver");
  return parties;
}

export type TransitionError = "unknown_event" | "wrong_state" | "not_allowed" | "not_due";
export type TransitionResult =
  | { ok: true; from: ReferralState; to: ReferralState; event: ReferralEvent }
  | { ok: false; error: TransitionError };

/**
 * Pure: the next state, or why not. The state considered is the effective one at `now`, so a sent
 * referral past its deadline can no longer be accepted even before the expiry is stored.
 */
export function transition(
  referral: ReferralFacts,
  event: string,
  actor: TransitionActor,
  now: Date,
): TransitionResult {
  const rule = TRANSITIONS.find((t) => t.event === event);
  if (!rule) return { ok: false, error: "unknown_event" };
  const parties = partiesOf(actor, referral.recipientKind);
  if (!rule.by.some((p) => parties.has(p))) return { ok: false, error: "not_allowed" };
  if (rule.event === "expire") {
    if (referral.state !== "sent") return { ok: false, error: "wrong_state" };
    if (effectiveState(referral, now) !== "expired") return { ok: false, error: "not_due" };
    return { ok: true, from: "sent", to: "expired", event: "expire" };
  }
  const state = effectiveState(referral, now);
  if (!rule.from.includes(state)) return { ok: false, error: "wrong_state" };
  return { ok: true, from: referral.state, to: rule.to, event: rule.event };
}

/** The events this actor may fire now, for showing only the buttons that would work. */
export function availableEvents(referral: ReferralFacts, actor: TransitionActor, now: Date): ReferralEvent[] {
  return REFERRAL_EVENTS.filter(
    (event) => event !== "withdraw_consent" && transition(referral, event, actor, now).ok,
  );
}
