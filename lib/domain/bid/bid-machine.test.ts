import { describe, expect, it } from "vitest";
import { type BidActor, type BidActorKind, type BidEvent, nextBidStatus } from "./bid-machine";
import { BID_STATUSES, type BidStatus } from "./constants";

// Written out by hand so that a change to the machine must be mirrored here on purpose.
const VALID_EVENT: Record<BidEvent["type"], BidEvent> = {
  save_draft: { type: "save_draft" },
  submit: { type: "submit", blockers: 0 },
  return: { type: "return", reason: "Tracing section is incomplete" },
  submit_to_panel: { type: "submit_to_panel" },
  add_to_agenda: { type: "add_to_agenda" },
  decide: { type: "decide", outcome: "approved", quorumMet: true, majorityOutcome: "approved" },
  record_informed: { type: "record_informed" },
  request_review: { type: "request_review" },
  reopen: { type: "reopen" },
  decline_review: { type: "decline_review", reason: "No new information was given", informed: true },
};

// event → [statuses it may start from, kinds allowed, resulting status]
const EXPECTED: Record<BidEvent["type"], [BidStatus[], BidActorKind[], BidStatus]> = {
  save_draft: [["required", "drafting", "returned"], ["drafter"], "drafting"],
  submit: [["required", "drafting", "returned"], ["drafter"], "submitted"],
  return: [["submitted"], ["supervisor"], "returned"],
  submit_to_panel: [["submitted"], ["supervisor"], "ready_for_panel"],
  add_to_agenda: [["ready_for_panel"], ["chair"], "on_agenda"],
  decide: [["on_agenda"], ["chair"], "decided"],
  record_informed: [["decided"], ["drafter", "supervisor"], "implementation"],
  request_review: [["decided", "implementation"], ["drafter", "supervisor"], "review_requested"],
  reopen: [["review_requested"], ["chair"], "drafting"],
  decline_review: [["review_requested"], ["chair"], "implementation"],
};

const KINDS: BidActorKind[] = ["drafter", "supervisor", "chair"];
const actor = (kind: BidActorKind, isAuthor = false): BidActor => ({ kinds: [kind], isAuthor });

describe("BID state machine: every status × event × capacity", () => {
  const cells = BID_STATUSES.flatMap((status) =>
    (Object.keys(EXPECTED) as Array<BidEvent["type"]>).flatMap((event) =>
      KINDS.map((kind) => [status, event, kind] as const),
    ),
  );
  it.each(cells)("%s + %s by %s", (status, event, kind) => {
    const [from, by, to] = EXPECTED[event];
    const result = nextBidStatus(status, VALID_EVENT[event], actor(kind));
    if (!from.includes(status)) expect(result).toEqual({ ok: false, error: "state" });
    else if (!by.includes(kind)) expect(result).toEqual({ ok: false, error: "role" });
    else expect(result).toEqual({ ok: true, status: to });
  });
});

describe("BID guards", () => {
  const drafter = actor("drafter");
  const supervisor = actor("supervisor");
  const chair = actor("chair");

  it("a report with blockers cannot be submitted", () => {
    expect(nextBidStatus("drafting", { type: "submit", blockers: 1 }, drafter)).toEqual({
      ok: false,
      error: "guard",
      guard: "incomplete",
    });
  });

  it("a return needs a reason of at least 10 characters", () => {
    expect(nextBidStatus("submitted", { type: "return", reason: " too short " }, supervisor)).toMatchObject({
      guard: "reason",
    });
  });

  it("a supervisor cannot pass their own report to the panel", () => {
    expect(nextBidStatus("submitted", { type: "submit_to_panel" }, actor("supervisor", true))).toMatchObject({
      guard: "ownWork",
    });
  });

  it("no decision without quorum, without a majority, or against the majority", () => {
    const base = { type: "decide", outcome: "approved" } as const;
    expect(
      nextBidStatus("on_agenda", { ...base, quorumMet: false, majorityOutcome: "approved" }, chair),
    ).toMatchObject({ guard: "quorum" });
    expect(
      nextBidStatus("on_agenda", { ...base, quorumMet: true, majorityOutcome: null }, chair),
    ).toMatchObject({
      guard: "noMajority",
    });
    expect(
      nextBidStatus("on_agenda", { ...base, quorumMet: true, majorityOutcome: "not_approved" }, chair),
    ).toMatchObject({ guard: "notMajority" });
  });

  it("a deferral sends the case back to drafting; other outcomes are decisions", () => {
    for (const outcome of ["approved", "approved_with_conditions", "not_approved"] as const) {
      expect(
        nextBidStatus(
          "on_agenda",
          { type: "decide", outcome, quorumMet: true, majorityOutcome: outcome },
          chair,
        ),
      ).toEqual({ ok: true, status: "decided" });
    }
    expect(
      nextBidStatus(
        "on_agenda",
        { type: "decide", outcome: "deferred", quorumMet: true, majorityOutcome: "deferred" },
        chair,
      ),
    ).toEqual({ ok: true, status: "drafting" });
  });

  it("a declined review returns to where the case was", () => {
    const decline = { type: "decline_review", reason: "Circumstances are unchanged" } as const;
    expect(nextBidStatus("review_requested", { ...decline, informed: true }, chair)).toEqual({
      ok: true,
      status: "implementation",
    });
    expect(nextBidStatus("review_requested", { ...decline, informed: false }, chair)).toEqual({
      ok: true,
      status: "decided",
    });
    expect(
      nextBidStatus("review_requested", { ...decline, reason: "no", informed: true }, chair),
    ).toMatchObject({
      guard: "reason",
    });
  });

  it("an actor holding several capacities may act in any of them", () => {
    expect(
      nextBidStatus(
        "ready_for_panel",
        { type: "add_to_agenda" },
        { kinds: ["drafter", "chair"], isAuthor: false },
      ),
    ).toEqual({ ok: true, status: "on_agenda" });
  });
});
