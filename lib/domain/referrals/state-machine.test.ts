import { describe, expect, it } from "vitest";
import { REFERRAL_STATES, type RecipientKind, type ReferralState } from "./catalogue";
import {
  availableEvents,
  REFERRAL_EVENTS,
  type ReferralEvent,
  type ReferralFacts,
  SYSTEM_ACTOR,
  type TransitionActor,
  transition,
} from "./state-machine";

const NOW = new Date("2025-03-10T12:00:00Z");
const FUTURE = new Date("2025-03-11T12:00:00Z");
const PAST = new Date("2025-03-09T12:00:00Z");

const user = (
  role: Extract<TransitionActor, { kind: "user" }>["role"],
  flags: Partial<Record<"isReferrer" | "supervisesCase" | "focalPointOfService", boolean>> = {},
): TransitionActor => ({
  kind: "user",
  role,
  isReferrer: false,
  supervisesCase: false,
  focalPointOfService: false,
  ...flags,
});

/** Every kind of actor, including impossible flag combinations a bug could produce. */
const ACTORS = {
  system: SYSTEM_ACTOR,
  referrerCaseworker: user("caseworker", { isReferrer: true }),
  otherCaseworker: user("caseworker"),
  caseworkerFlaggedSupervisor: user("caseworker", { supervisesCase: true }),
  officeSupervisor: user("supervisor", { supervisesCase: true }),
  referrerSupervisor: user("supervisor", { isReferrer: true, supervisesCase: true }),
  otherOfficeSupervisor: user("supervisor"),
  serviceFocalPoint: user("focal_point", { focalPointOfService: true }),
  otherFocalPoint: user("focal_point"),
  focalPointFlaggedReferrer: user("focal_point", { isReferrer: true, supervisesCase: true }),
  adminWithEveryFlag: user("admin", { isReferrer: true, supervisesCase: true, focalPointOfService: true }),
  managerWithEveryFlag: user("programme_manager", {
    isReferrer: true,
    supervisesCase: true,
    focalPointOfService: true,
  }),
  panelWithEveryFlag: user("bid_panel", {
    isReferrer: true,
    supervisesCase: true,
    focalPointOfService: true,
  }),
} as const;
type ActorName = keyof typeof ACTORS;

const REFERRER: ActorName[] = ["referrerCaseworker", "referrerSupervisor"];
const SUPERVISOR: ActorName[] = ["officeSupervisor", "referrerSupervisor"];
const INTERNAL_RECEIVER: ActorName[] = ["serviceFocalPoint"];
const EXTERNAL_RECEIVER: ActorName[] = ["referrerCaseworker", "officeSupervisor", "referrerSupervisor"];

/** Written out by hand: who may fire each event, from which state, per kind of recipient. */
const EXPECTED: Record<
  ReferralEvent,
  { from: ReferralState[]; to: ReferralState; internal: ActorName[]; external: ActorName[] }
> = {
  submit: { from: ["draft", "returned"], to: "submitted", internal: REFERRER, external: REFERRER },
  approve: { from: ["submitted"], to: "approved", internal: SUPERVISOR, external: SUPERVISOR },
  return: { from: ["submitted"], to: "returned", internal: SUPERVISOR, external: SUPERVISOR },
  send: {
    from: ["approved"],
    to: "sent",
    internal: ["referrerCaseworker", "officeSupervisor", "referrerSupervisor"],
    external: ["referrerCaseworker", "officeSupervisor", "referrerSupervisor"],
  },
  accept: { from: ["sent"], to: "accepted", internal: INTERNAL_RECEIVER, external: EXTERNAL_RECEIVER },
  decline: { from: ["sent"], to: "declined", internal: INTERNAL_RECEIVER, external: EXTERNAL_RECEIVER },
  expire: { from: ["sent"], to: "expired", internal: ["system"], external: ["system"] },
  complete: { from: ["accepted"], to: "completed", internal: INTERNAL_RECEIVER, external: EXTERNAL_RECEIVER },
  not_complete: {
    from: ["accepted"],
    to: "not_completed",
    internal: INTERNAL_RECEIVER,
    external: EXTERNAL_RECEIVER,
  },
  withdraw: {
    from: ["draft", "returned", "submitted", "approved", "sent", "accepted"],
    to: "withdrawn",
    internal: ["referrerCaseworker", "officeSupervisor", "referrerSupervisor"],
    external: ["referrerCaseworker", "officeSupervisor", "referrerSupervisor"],
  },
  withdraw_consent: {
    from: ["submitted", "approved", "sent", "accepted"],
    to: "withdrawn",
    internal: ["system"],
    external: ["system"],
  },
  close: {
    from: ["declined", "expired", "not_completed"],
    to: "closed",
    internal: SUPERVISOR,
    external: SUPERVISOR,
  },
};

const KINDS: RecipientKind[] = ["internal", "external"];
const cases = KINDS.flatMap((kind) =>
  REFERRAL_EVENTS.flatMap((event) =>
    REFERRAL_STATES.flatMap((state) =>
      (Object.keys(ACTORS) as ActorName[]).map((actor) => [kind, event, state, actor] as const),
    ),
  ),
);

describe("transition: every event × state × actor × recipient kind", () => {
  it("covers the whole space", () => {
    expect(cases.length).toBe(
      2 * REFERRAL_EVENTS.length * REFERRAL_STATES.length * Object.keys(ACTORS).length,
    );
  });

  it.each(cases)("%s %s from %s by %s", (kind, event, state, actorName) => {
    const expected = EXPECTED[event];
    // A sent referral must be overdue for "expire", and not overdue for everything else.
    const dueAt = event === "expire" ? PAST : FUTURE;
    const facts: ReferralFacts = { state, recipientKind: kind, dueAt };
    const result = transition(facts, event, ACTORS[actorName], NOW);
    const mayAct = expected[kind].includes(actorName);
    const rightState = expected.from.includes(state);
    if (mayAct && rightState) {
      expect(result).toEqual({ ok: true, from: state, to: expected.to, event });
    } else if (!mayAct) {
      expect(result).toEqual({ ok: false, error: "not_allowed" });
    } else {
      expect(result).toEqual({ ok: false, error: "wrong_state" });
    }
  });
});

describe("deadlines", () => {
  const sent = (dueAt: Date | null, kind: RecipientKind = "internal"): ReferralFacts => ({
    state: "sent",
    recipientKind: kind,
    dueAt,
  });
  const fp = ACTORS.serviceFocalPoint;

  it("a sent referral before its deadline cannot be expired", () => {
    expect(transition(sent(FUTURE), "expire", SYSTEM_ACTOR, NOW)).toEqual({ ok: false, error: "not_due" });
    expect(transition(sent(null), "expire", SYSTEM_ACTOR, NOW)).toEqual({ ok: false, error: "not_due" });
  });

  it("exactly at the deadline it is not yet expired; one millisecond later it is", () => {
    expect(transition(sent(NOW), "accept", fp, NOW).ok).toBe(true);
    const later = new Date(NOW.getTime() + 1);
    expect(transition(sent(NOW), "accept", fp, later)).toEqual({ ok: false, error: "wrong_state" });
    expect(transition(sent(NOW), "expire", SYSTEM_ACTOR, later)).toEqual({
      ok: true,
      from: "sent",
      to: "expired",
      event: "expire",
    });
  });

  it("past the deadline a sent referral is treated as expired: no accept or decline, but the supervisor may close it", () => {
    expect(transition(sent(PAST), "accept", fp, NOW)).toEqual({ ok: false, error: "wrong_state" });
    expect(transition(sent(PAST), "decline", fp, NOW)).toEqual({ ok: false, error: "wrong_state" });
    expect(transition(sent(PAST), "close", ACTORS.officeSupervisor, NOW)).toMatchObject({
      ok: true,
      to: "closed",
    });
  });

  it("a deadline passed before sending does not expire a submitted referral (it is only overdue)", () => {
    const submitted: ReferralFacts = { state: "submitted", recipientKind: "internal", dueAt: PAST };
    expect(transition(submitted, "approve", ACTORS.officeSupervisor, NOW).ok).toBe(true);
    expect(transition(submitted, "expire", SYSTEM_ACTOR, NOW)).toEqual({ ok: false, error: "wrong_state" });
  });

  it("rejects an unknown event", () => {
    expect(transition(sent(FUTURE), "teleport", fp, NOW)).toEqual({ ok: false, error: "unknown_event" });
  });
});

describe("availableEvents", () => {
  const facts = (state: ReferralState, kind: RecipientKind = "internal"): ReferralFacts => ({
    state,
    recipientKind: kind,
    dueAt: FUTURE,
  });

  it("offers the referrer submit and withdraw on a draft", () => {
    expect(availableEvents(facts("draft"), ACTORS.referrerCaseworker, NOW)).toEqual(["submit", "withdraw"]);
  });

  it("offers the office supervisor approve, return and withdraw on a submitted referral", () => {
    expect(availableEvents(facts("submitted"), ACTORS.officeSupervisor, NOW)).toEqual([
      "approve",
      "return",
      "withdraw",
    ]);
  });

  it("offers the service's focal point accept and decline on a sent internal referral, and nothing to others", () => {
    expect(availableEvents(facts("sent"), ACTORS.serviceFocalPoint, NOW)).toEqual(["accept", "decline"]);
    expect(availableEvents(facts("sent"), ACTORS.otherFocalPoint, NOW)).toEqual([]);
    expect(availableEvents(facts("sent"), ACTORS.referrerCaseworker, NOW)).toEqual(["withdraw"]);
  });

  it("lets the referrer record a partner organisation's reply", () => {
    expect(availableEvents(facts("sent", "external"), ACTORS.referrerCaseworker, NOW)).toEqual([
      "accept",
      "decline",
      "withdraw",
    ]);
    expect(availableEvents(facts("accepted", "external"), ACTORS.referrerCaseworker, NOW)).toEqual([
      "complete",
      "not_complete",
      "withdraw",
    ]);
  });

  it("never offers anything on a finished referral", () => {
    for (const state of ["completed", "withdrawn", "closed"] as const) {
      for (const actor of Object.values(ACTORS)) {
        expect(availableEvents(facts(state), actor, NOW)).toEqual([]);
      }
    }
  });
});
