import { describe, expect, it } from "vitest";
import { VHR_EVENTS, VHR_STAGES, type VhrStage } from "./constants";
import { nextEvents, transition, VHR_TRANSITIONS, type VhrTransition } from "./pipeline";

type Event = VhrTransition["event"];

const EVENTS = VHR_EVENTS.filter((e): e is Event => e !== "request");

const BEFORE_DEPARTURE: readonly VhrStage[] = [
  "requested",
  "counselled",
  "nationality_verified",
  "interviewed",
  "documented",
  "booked",
];

/**
 * The whole pipeline written out by hand, independently of VHR_TRANSITIONS: for each stage, the
 * events it accepts (in pipeline order) and the stage each one leads to. Anything not listed is refused.
 */
const EXPECTED: Record<VhrStage, Partial<Record<Event, VhrStage>>> = {
  requested: { record_counselling: "counselled", withdraw: "withdrawn" },
  counselled: { verify_nationality: "nationality_verified", withdraw: "withdrawn" },
  nationality_verified: { record_interview: "interviewed", withdraw: "withdrawn" },
  interviewed: { issue_travel_document: "documented", withdraw: "withdrawn" },
  documented: { issue_travel_document: "documented", book: "booked", withdraw: "withdrawn" },
  booked: {
    cancel_booking: "documented",
    depart: "departed",
    no_show: "documented",
    offload: "documented",
    withdraw: "withdrawn",
  },
  departed: { confirm_arrival: "arrived" },
  arrived: { hand_off: "handed_off" },
  handed_off: {},
  withdrawn: {},
};

function run(from: VhrStage, events: readonly Event[]): VhrStage {
  let stage = from;
  for (const event of events) {
    const result = transition(stage, event);
    if (!result.ok) throw new Error(`${event} refused from ${stage}`);
    stage = result.to;
  }
  return stage;
}

describe("VHR pipeline: the happy path", () => {
  it("a case moves from request to hand-off one step at a time", () => {
    const steps: Array<[Event, VhrStage]> = [
      ["record_counselling", "counselled"],
      ["verify_nationality", "nationality_verified"],
      ["record_interview", "interviewed"],
      ["issue_travel_document", "documented"],
      ["book", "booked"],
      ["depart", "departed"],
      ["confirm_arrival", "arrived"],
      ["hand_off", "handed_off"],
    ];
    let stage: VhrStage = "requested";
    for (const [event, to] of steps) {
      expect(transition(stage, event), `${event} from ${stage}`).toEqual({ ok: true, to });
      stage = to;
    }
    expect(stage).toBe("handed_off");
  });

  it("a handed-off case accepts no further event", () => {
    for (const event of EVENTS) {
      expect(transition("handed_off", event), event).toEqual({ ok: false, reason: "not_allowed" });
    }
  });
});

describe("VHR pipeline: every event from every stage", () => {
  const cells = VHR_STAGES.flatMap((stage) => EVENTS.map((event) => [event, stage] as const));

  it.each(cells)("%s from %s", (event, stage) => {
    const to = EXPECTED[stage][event];
    expect(transition(stage, event)).toEqual(
      to === undefined ? { ok: false, reason: "not_allowed" } : { ok: true, to },
    );
  });
});

describe("VHR pipeline: steps cannot be skipped", () => {
  it.each([
    ["book", "requested"],
    ["book", "counselled"],
    ["book", "nationality_verified"],
    ["book", "interviewed"],
    ["issue_travel_document", "requested"],
    ["issue_travel_document", "counselled"],
    ["issue_travel_document", "nationality_verified"],
    ["record_interview", "requested"],
    ["record_interview", "counselled"],
    ["verify_nationality", "requested"],
    ["depart", "requested"],
    ["depart", "documented"],
    ["confirm_arrival", "booked"],
    ["hand_off", "departed"],
  ] as const)("%s is refused from %s", (event, stage) => {
    expect(transition(stage, event)).toEqual({ ok: false, reason: "not_allowed" });
  });

  it("a step already taken cannot be taken again", () => {
    expect(transition("counselled", "record_counselling").ok).toBe(false);
    expect(transition("nationality_verified", "verify_nationality").ok).toBe(false);
    expect(transition("interviewed", "record_interview").ok).toBe(false);
    expect(transition("booked", "book").ok).toBe(false);
    expect(transition("departed", "depart").ok).toBe(false);
    expect(transition("arrived", "confirm_arrival").ok).toBe(false);
  });

  it("a case cannot go back to an earlier step after departing", () => {
    for (const stage of ["departed", "arrived", "handed_off"] as const) {
      for (const event of [
        "cancel_booking",
        "no_show",
        "offload",
        "book",
        "issue_travel_document",
      ] as const) {
        expect(transition(stage, event), `${event} from ${stage}`).toEqual({
          ok: false,
          reason: "not_allowed",
        });
      }
    }
  });
});

describe("VHR pipeline: a booking that does not fly", () => {
  it.each(["no_show", "offload", "cancel_booking"] as const)(
    "%s sends a booked case back to documented",
    (event) => {
      expect(transition("booked", event)).toEqual({ ok: true, to: "documented" });
    },
  );

  it.each(["no_show", "offload", "cancel_booking"] as const)(
    "%s is refused when the case is not booked",
    (event) => {
      for (const stage of VHR_STAGES.filter((s) => s !== "booked")) {
        expect(transition(stage, event), stage).toEqual({ ok: false, reason: "not_allowed" });
      }
    },
  );

  it("a case sent back to documented can be booked on another movement and fly", () => {
    expect(run("booked", ["no_show", "book", "offload", "book", "cancel_booking", "book", "depart"])).toBe(
      "departed",
    );
  });
});

describe("VHR pipeline: a replacement travel document", () => {
  it("issuing a new document to a documented case keeps it documented", () => {
    expect(transition("documented", "issue_travel_document")).toEqual({ ok: true, to: "documented" });
  });

  it("a booked case must cancel its booking before a new document is issued", () => {
    expect(transition("booked", "issue_travel_document")).toEqual({ ok: false, reason: "not_allowed" });
    expect(run("booked", ["cancel_booking", "issue_travel_document", "book"])).toBe("booked");
  });
});

describe("VHR pipeline: withdrawal", () => {
  it.each(VHR_STAGES)("withdraw from %s", (stage) => {
    const allowed = BEFORE_DEPARTURE.includes(stage);
    expect(transition(stage, "withdraw")).toEqual(
      allowed ? { ok: true, to: "withdrawn" } : { ok: false, reason: "not_allowed" },
    );
  });

  it("withdrawal is refused once the person has departed, arrived or been handed off, or already withdrew", () => {
    for (const stage of ["departed", "arrived", "handed_off", "withdrawn"] as const) {
      expect(transition(stage, "withdraw"), stage).toEqual({ ok: false, reason: "not_allowed" });
    }
  });

  it("a withdrawn case is closed: no event moves it on", () => {
    for (const event of EVENTS) {
      expect(transition("withdrawn", event), event).toEqual({ ok: false, reason: "not_allowed" });
    }
  });
});

describe("VHR pipeline: nextEvents", () => {
  it.each(VHR_STAGES)("lists the events open from %s, in pipeline order", (stage) => {
    expect(nextEvents(stage)).toEqual(Object.keys(EXPECTED[stage]));
  });

  it.each(VHR_STAGES)("from %s, lists exactly the events that transition accepts", (stage) => {
    const accepted = EVENTS.filter((event) => transition(stage, event).ok);
    expect([...nextEvents(stage)].sort()).toEqual([...accepted].sort());
  });

  it("a finished or withdrawn case has nothing left to do", () => {
    expect(nextEvents("handed_off")).toEqual([]);
    expect(nextEvents("withdrawn")).toEqual([]);
  });
});

describe("VHR pipeline: the transition table itself", () => {
  it("creating a case is not a transition, and every other event moves some case", () => {
    const used = new Set(VHR_TRANSITIONS.map((t) => t.event));
    expect(used.has("request" as Event)).toBe(false);
    expect([...used].sort()).toEqual([...EVENTS].sort());
  });

  it("no event leads from the same stage to two different stages", () => {
    for (const stage of VHR_STAGES) {
      for (const event of EVENTS) {
        const targets = VHR_TRANSITIONS.filter((t) => t.event === event && t.from.includes(stage));
        expect(targets.length, `${event} from ${stage}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("every stage except 'requested' can be reached, and 'requested' cannot be returned to", () => {
    const reached = new Set(VHR_TRANSITIONS.map((t) => t.to));
    expect([...reached].sort()).toEqual(VHR_STAGES.filter((s) => s !== "requested").sort());
  });
});
