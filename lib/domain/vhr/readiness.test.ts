import { describe, expect, it } from "vitest";
import type { FttCondition, FttOutcome } from "../screenings/fit-to-travel/v1";
import {
  DEFAULT_FTT_WINDOW_HOURS,
  MISSION_UTC_OFFSET,
  missionInstant,
  missionLocal,
  VHR_STAGES,
  type VhrStage,
} from "./constants";
import {
  type Blocker,
  BOOKING_BLOCKERS,
  bookingBlockers,
  DEPARTURE_BLOCKERS,
  departureBlockers,
  type FitToTravelFacts,
  fitToTravelBlockers,
  isReady,
  type ReadinessFacts,
} from "./readiness";

const HOUR = 3_600_000;

// A movement leaving Mitiga at 09:30 mission time on 24 November 2026 (07:30 UTC).
const departureDate = "2026-11-24";
const departsAt = missionInstant(departureDate, "09:30");

const hoursBefore = (hours: number) => new Date(departsAt.getTime() - hours * HOUR);

/** An examination recorded `screenedHoursBefore` departure, clearing for `validityHours` after it. */
function ftt(
  screenedHoursBefore: number,
  overrides: Partial<FitToTravelFacts> & { validityHours?: number } = {},
): FitToTravelFacts {
  const { validityHours = 72, ...rest } = overrides;
  const screenedAt = hoursBefore(screenedHoursBefore);
  return {
    outcome: "fit",
    conditions: [],
    screenedAt,
    validUntil: new Date(screenedAt.getTime() + validityHours * HOUR),
    ...rest,
  };
}

/** A booked adult with everything in order: a fit examination the day before, a valid passport, the kit. */
function ready(overrides: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    stage: "booked",
    departsAt,
    departureDate,
    travelDocumentExpiry: "2027-05-01",
    fitToTravel: ftt(24),
    fitToTravelWindowHours: DEFAULT_FTT_WINDOW_HOURS,
    unaccompaniedChild: false,
    bidApprovesReturn: false,
    familyLocated: false,
    kitGiven: true,
    escorts: { medical: 0, operational: 0 },
    ...overrides,
  };
}

const DEPARTURE_ONLY = DEPARTURE_BLOCKERS.filter(
  (b) => !(BOOKING_BLOCKERS as readonly Blocker[]).includes(b),
);

describe("mission time", () => {
  it("09:30 in Tripoli on 24 November 2026 is 07:30 UTC", () => {
    expect(missionInstant("2026-11-24", "09:30").toISOString()).toBe("2026-11-24T07:30:00.000Z");
  });

  it("reads an instant back as the mission-time date and time", () => {
    expect(missionLocal(new Date("2026-11-24T07:30:00Z"))).toEqual({ date: "2026-11-24", time: "09:30" });
  });

  it.each([
    ["2026-11-24", "09:30"],
    ["2026-11-24", "00:00"],
    ["2026-11-24", "23:59"],
    // Before 02:00 mission time the UTC instant falls on the previous day.
    ["2026-11-25", "01:30"],
    ["2027-01-01", "00:15"],
    ["2028-03-01", "01:00"],
  ])("%s %s survives the round trip to an instant and back", (date, time) => {
    expect(missionLocal(missionInstant(date, time))).toEqual({ date, time });
  });

  it("an early-morning departure is on the previous day in UTC but on its own day in mission time", () => {
    const at = missionInstant("2026-11-25", "01:30");
    expect(at.toISOString()).toBe("2026-11-24T23:30:00.000Z");
    expect(missionLocal(at)).toEqual({ date: "2026-11-25", time: "01:30" });
  });

  it("a late-evening UTC instant is already the next day in mission time", () => {
    expect(missionLocal(new Date("2026-12-31T22:45:00Z"))).toEqual({ date: "2027-01-01", time: "00:45" });
  });

  it("no daylight-saving shift: the offset is two hours in summer and in winter", () => {
    expect(missionInstant("2026-07-15", "12:00").toISOString()).toBe("2026-07-15T10:00:00.000Z");
    expect(missionInstant("2026-01-15", "12:00").toISOString()).toBe("2026-01-15T10:00:00.000Z");
    expect(missionLocal(new Date("2026-07-15T10:00:00Z"))).toEqual({ date: "2026-07-15", time: "12:00" });
  });

  it("reading and writing use the same offset", () => {
    expect(MISSION_UTC_OFFSET).toBe("+02:00");
    const at = new Date("2026-11-24T07:30:00Z");
    const { date, time } = missionLocal(at);
    expect(missionInstant(date, time).getTime()).toBe(at.getTime());
  });
});

describe("readiness: a person with everything in order", () => {
  it("is ready, with no booking and no departure blocker", () => {
    const facts = ready();
    expect(bookingBlockers(facts)).toEqual([]);
    expect(departureBlockers(facts)).toEqual([]);
    expect(isReady(facts)).toBe(true);
  });

  it("a documented person not yet booked may be booked", () => {
    expect(bookingBlockers(ready({ stage: "documented" }))).toEqual([]);
  });
});

describe("readiness: fit-to-travel", () => {
  it("a missing examination blocks departure", () => {
    const facts = ready({ fitToTravel: null });
    expect(departureBlockers(facts)).toEqual(["fit_to_travel_missing"]);
    expect(isReady(facts)).toBe(false);
  });

  it.each(["temporarily_unfit", "unfit"] as const)(
    "a person found %s cannot depart, and is not also told the examination expired",
    (outcome) => {
      const facts = ready({ fitToTravel: ftt(24, { outcome, validUntil: null }) });
      expect(departureBlockers(facts)).toEqual(["fit_to_travel_not_fit"]);
      expect(isReady(facts)).toBe(false);
    },
  );

  it.each(["fit", "fit_with_conditions"] as const)("a person found %s may depart", (outcome: FttOutcome) => {
    expect(departureBlockers(ready({ fitToTravel: ftt(24, { outcome }) }))).toEqual([]);
  });

  it("a clearance that lapses before the flight blocks departure", () => {
    // Examined 24 hours before, but cleared for only 12 hours.
    const facts = ready({ fitToTravel: ftt(24, { validityHours: 12 }) });
    expect(facts.fitToTravel?.validUntil?.getTime()).toBeLessThan(departsAt.getTime());
    expect(departureBlockers(facts)).toEqual(["fit_to_travel_expired"]);
  });

  it("a clearance that lapses one millisecond before the flight blocks departure", () => {
    const facts = ready({ fitToTravel: ftt(24, { validUntil: new Date(departsAt.getTime() - 1) }) });
    expect(departureBlockers(facts)).toEqual(["fit_to_travel_expired"]);
  });

  it("a clearance that lapses exactly at departure still covers the flight", () => {
    const facts = ready({ fitToTravel: ftt(24, { validUntil: departsAt }) });
    expect(departureBlockers(facts)).toEqual([]);
  });

  it("a fit outcome without a validity date clears nobody", () => {
    expect(departureBlockers(ready({ fitToTravel: ftt(24, { validUntil: null }) }))).toEqual([
      "fit_to_travel_expired",
    ]);
  });

  it("an examination more than 72 hours before departure is blocked: its 72-hour clearance has lapsed", () => {
    const facts = ready({ fitToTravel: ftt(73) });
    expect(departureBlockers(facts)).toEqual(["fit_to_travel_expired"]);
    expect(isReady(facts)).toBe(false);
  });

  it("an examination exactly 72 hours before departure is allowed", () => {
    const facts = ready({ fitToTravel: ftt(72) });
    expect(facts.fitToTravel?.screenedAt.getTime()).toBe(departsAt.getTime() - 72 * HOUR);
    expect(departureBlockers(facts)).toEqual([]);
    expect(isReady(facts)).toBe(true);
  });

  it("one millisecond before the 72-hour window is already too long before departure", () => {
    const facts = ready({
      fitToTravel: { ...ftt(72), screenedAt: new Date(departsAt.getTime() - 72 * HOUR - 1) },
    });
    expect(departureBlockers(facts)).toHaveLength(1);
    expect(isReady(facts)).toBe(false);
  });

  it("an examination before the window is too early even if its clearance would still cover the flight", () => {
    const facts = ready({ fitToTravel: ftt(80, { validityHours: 120 }) });
    expect(departureBlockers(facts)).toEqual(["fit_to_travel_too_early"]);
  });

  it("with a 48-hour window, a 72-hour clearance examined 60 hours before is too early", () => {
    const facts = ready({ fitToTravel: ftt(60), fitToTravelWindowHours: 48 });
    // The clearance itself still runs 12 hours past departure: only the window refuses it.
    expect(facts.fitToTravel?.validUntil?.getTime()).toBe(departsAt.getTime() + 12 * HOUR);
    expect(departureBlockers(facts)).toEqual(["fit_to_travel_too_early"]);
    expect(isReady(facts)).toBe(false);
  });

  it("with a 48-hour window, examinations 48 and 47 hours before are allowed", () => {
    expect(departureBlockers(ready({ fitToTravel: ftt(48), fitToTravelWindowHours: 48 }))).toEqual([]);
    expect(departureBlockers(ready({ fitToTravel: ftt(47), fitToTravelWindowHours: 48 }))).toEqual([]);
  });

  it("the same 60-hour-old examination is fine under the default 72-hour window", () => {
    expect(departureBlockers(ready({ fitToTravel: ftt(60) }))).toEqual([]);
  });

  it("fitToTravelBlockers gives at most one fit-to-travel blocker", () => {
    const cases: Array<FitToTravelFacts | null> = [
      null,
      ftt(24, { outcome: "unfit", validUntil: null }),
      ftt(100),
      ftt(100, { validityHours: 200 }),
      ftt(24, { validityHours: 1 }),
      ftt(24),
    ];
    for (const c of cases) {
      expect(fitToTravelBlockers(c, departsAt, 72).length).toBeLessThanOrEqual(1);
    }
  });
});

describe("readiness: travel document", () => {
  it("a document that expires the day before departure blocks booking", () => {
    const facts = ready({ travelDocumentExpiry: "2026-11-23" });
    expect(bookingBlockers(facts)).toEqual(["travel_document_expires"]);
    expect(departureBlockers(facts)).toEqual(["travel_document_expires"]);
    expect(isReady(facts)).toBe(false);
  });

  it("a document that expires on the departure date does not block", () => {
    const facts = ready({ travelDocumentExpiry: "2026-11-24" });
    expect(bookingBlockers(facts)).toEqual([]);
    expect(isReady(facts)).toBe(true);
  });

  it("a document that expired long ago, in an earlier year, blocks booking", () => {
    expect(bookingBlockers(ready({ travelDocumentExpiry: "2025-12-31" }))).toEqual([
      "travel_document_expires",
    ]);
  });

  it("the comparison uses the mission-time departure date, not the UTC date", () => {
    // Leaves at 01:30 on the 25th in Tripoli, which is still the 24th in UTC.
    const at = missionInstant("2026-11-25", "01:30");
    const facts = ready({
      departsAt: at,
      departureDate: missionLocal(at).date,
      travelDocumentExpiry: "2026-11-24",
      fitToTravel: { ...ftt(0), screenedAt: new Date(at.getTime() - 24 * HOUR), validUntil: at },
    });
    expect(facts.departureDate).toBe("2026-11-25");
    expect(bookingBlockers(facts)).toEqual(["travel_document_expires"]);
  });
});

describe("readiness: stage of the case", () => {
  const BEFORE_DOCUMENTED: readonly VhrStage[] = [
    "requested",
    "counselled",
    "nationality_verified",
    "interviewed",
  ];

  it.each(BEFORE_DOCUMENTED)("a case still %s cannot be booked: not documented", (stage) => {
    const facts = ready({ stage });
    expect(bookingBlockers(facts)).toEqual(["not_documented"]);
    expect(departureBlockers(facts)).toEqual(["not_documented"]);
    expect(isReady(facts)).toBe(false);
  });

  it("a withdrawn case is blocked as withdrawn, not as undocumented", () => {
    const facts = ready({ stage: "withdrawn" });
    expect(bookingBlockers(facts)).toEqual(["withdrawn"]);
    expect(departureBlockers(facts)).toContain("withdrawn");
    expect(departureBlockers(facts)).not.toContain("not_documented");
    expect(isReady(facts)).toBe(false);
  });

  it("a withdrawn case is not also told to renew its travel document", () => {
    const facts = ready({ stage: "withdrawn", travelDocumentExpiry: "2026-01-01" });
    expect(bookingBlockers(facts)).toEqual(["withdrawn"]);
  });

  it.each(VHR_STAGES)("a case in %s has the stage blocker it should", (stage) => {
    const stageBlockers = bookingBlockers(ready({ stage })).filter(
      (b) => b === "withdrawn" || b === "not_documented",
    );
    if (stage === "documented" || stage === "booked") expect(stageBlockers).toEqual([]);
    else if (stage === "withdrawn") expect(stageBlockers).toEqual(["withdrawn"]);
    else expect(stageBlockers).toHaveLength(1);
  });

  it.each(["departed", "arrived", "handed_off"] as const)(
    "a person already %s cannot be booked again",
    (stage) => {
      expect(bookingBlockers(ready({ stage })).length).toBeGreaterThan(0);
    },
  );
});

describe("readiness: unaccompanied and separated children", () => {
  it("a child without an approved BID and without located family cannot be booked", () => {
    const facts = ready({ unaccompaniedChild: true, bidApprovesReturn: false, familyLocated: false });
    expect(bookingBlockers(facts)).toEqual(["child_bid_not_approved", "child_family_not_located"]);
    expect(isReady(facts)).toBe(false);
  });

  it("a child whose family was located but whose BID has not approved return cannot be booked", () => {
    const facts = ready({ unaccompaniedChild: true, bidApprovesReturn: false, familyLocated: true });
    expect(bookingBlockers(facts)).toEqual(["child_bid_not_approved"]);
  });

  it("a child whose BID approved return but whose family is not located cannot be booked", () => {
    const facts = ready({ unaccompaniedChild: true, bidApprovesReturn: true, familyLocated: false });
    expect(bookingBlockers(facts)).toEqual(["child_family_not_located"]);
  });

  it("a child with an approved BID and located family is not blocked", () => {
    const facts = ready({ unaccompaniedChild: true, bidApprovesReturn: true, familyLocated: true });
    expect(bookingBlockers(facts)).toEqual([]);
    expect(departureBlockers(facts)).toEqual([]);
    expect(isReady(facts)).toBe(true);
  });

  it("an adult or accompanied child needs no BID", () => {
    const facts = ready({ unaccompaniedChild: false, bidApprovesReturn: false, familyLocated: false });
    expect(bookingBlockers(facts)).toEqual([]);
  });
});

describe("readiness: escorts", () => {
  const withConditions = (conditions: FttCondition[]) =>
    ftt(24, { outcome: "fit_with_conditions", conditions });

  it("a person who must travel escorted cannot depart without any escort", () => {
    const facts = ready({ fitToTravel: withConditions(["escort"]) });
    expect(departureBlockers(facts)).toEqual(["escort_unavailable"]);
    expect(isReady(facts)).toBe(false);
  });

  it("an operational or a medical escort satisfies the escort condition", () => {
    const fitToTravel = withConditions(["escort"]);
    expect(departureBlockers(ready({ fitToTravel, escorts: { medical: 0, operational: 1 } }))).toEqual([]);
    expect(departureBlockers(ready({ fitToTravel, escorts: { medical: 1, operational: 0 } }))).toEqual([]);
  });

  it("a person on oxygen cannot depart without a medical escort", () => {
    const fitToTravel = withConditions(["oxygen"]);
    expect(departureBlockers(ready({ fitToTravel }))).toEqual(["medical_escort_unavailable"]);
    expect(departureBlockers(ready({ fitToTravel, escorts: { medical: 0, operational: 2 } }))).toEqual([
      "medical_escort_unavailable",
    ]);
    expect(departureBlockers(ready({ fitToTravel, escorts: { medical: 1, operational: 0 } }))).toEqual([]);
  });

  it("escort and oxygen together with no escort give both blockers", () => {
    const facts = ready({ fitToTravel: withConditions(["escort", "oxygen"]) });
    expect(departureBlockers(facts)).toEqual(["escort_unavailable", "medical_escort_unavailable"]);
  });

  it("escort and oxygen together are both satisfied by one medical escort", () => {
    const facts = ready({
      fitToTravel: withConditions(["escort", "oxygen"]),
      escorts: { medical: 1, operational: 0 },
    });
    expect(departureBlockers(facts)).toEqual([]);
  });

  it("a wheelchair or a medical form needs no escort", () => {
    expect(departureBlockers(ready({ fitToTravel: withConditions(["wheelchair", "medical_form"]) }))).toEqual(
      [],
    );
  });
});

describe("readiness: pre-departure kit", () => {
  it("a person who has not received the kit cannot depart, but may be booked", () => {
    const facts = ready({ kitGiven: false });
    expect(bookingBlockers(facts)).toEqual([]);
    expect(departureBlockers(facts)).toEqual(["kit_not_given"]);
    expect(isReady(facts)).toBe(false);
  });
});

describe("readiness: booking versus departure blockers", () => {
  // Every departure-only problem at once: an escorted person on oxygen whose clearance lapsed, no escort, no kit.
  const everythingMissingAtDeparture = ready({
    fitToTravel: ftt(24, {
      outcome: "fit_with_conditions",
      conditions: ["escort", "oxygen"],
      validityHours: 1,
    }),
    kitGiven: false,
  });

  it("fit-to-travel, escort and kit problems never refuse a seat", () => {
    expect(bookingBlockers(everythingMissingAtDeparture)).toEqual([]);
    expect(departureBlockers(everythingMissingAtDeparture)).toEqual([
      "fit_to_travel_expired",
      "escort_unavailable",
      "medical_escort_unavailable",
      "kit_not_given",
    ]);
  });

  it.each([
    ["missing", null],
    ["not fit", ftt(24, { outcome: "unfit", validUntil: null })],
    ["expired", ftt(24, { validityHours: 1 })],
    ["too early", ftt(60)],
  ] as const)("a fit-to-travel that is %s does not refuse a seat", (_label, fitToTravel) => {
    const facts = ready({ fitToTravel, fitToTravelWindowHours: 48 });
    expect(bookingBlockers(facts)).toEqual([]);
    expect(departureBlockers(facts)).toHaveLength(1);
  });

  it("booking blockers only ever come from the booking list, and always also block departure", () => {
    const variants: ReadinessFacts[] = [
      everythingMissingAtDeparture,
      ...VHR_STAGES.map((stage) => ({ ...everythingMissingAtDeparture, stage })),
      ready({
        unaccompaniedChild: true,
        fitToTravel: null,
        kitGiven: false,
        travelDocumentExpiry: "2026-01-01",
      }),
      ready({ stage: "requested", fitToTravel: ftt(24, { outcome: "unfit", validUntil: null }) }),
    ];
    for (const facts of variants) {
      const booking = bookingBlockers(facts);
      for (const b of booking) expect(BOOKING_BLOCKERS).toContain(b);
      for (const b of DEPARTURE_ONLY) expect(booking).not.toContain(b);
      expect(departureBlockers(facts).slice(0, booking.length)).toEqual(booking);
    }
  });

  it("all blockers are shown at once, in the declared order, without repeats", () => {
    const facts = ready({
      stage: "interviewed",
      travelDocumentExpiry: "2026-11-01",
      unaccompaniedChild: true,
      fitToTravel: ftt(24, {
        outcome: "fit_with_conditions",
        conditions: ["escort", "oxygen"],
        validityHours: 1,
      }),
      kitGiven: false,
    });
    const blockers = departureBlockers(facts);
    expect(blockers).toEqual([
      "not_documented",
      "travel_document_expires",
      "child_bid_not_approved",
      "child_family_not_located",
      "fit_to_travel_expired",
      "escort_unavailable",
      "medical_escort_unavailable",
      "kit_not_given",
    ]);
    expect(blockers).toEqual(DEPARTURE_BLOCKERS.filter((b) => blockers.includes(b)));
    expect(isReady(facts)).toBe(false);
  });

  it("the declared lists: departure blockers extend booking blockers with fit-to-travel, escorts and kit", () => {
    expect(DEPARTURE_BLOCKERS.slice(0, BOOKING_BLOCKERS.length)).toEqual([...BOOKING_BLOCKERS]);
    expect(DEPARTURE_ONLY).toEqual([
      "fit_to_travel_missing",
      "fit_to_travel_not_fit",
      "fit_to_travel_expired",
      "fit_to_travel_too_early",
      "escort_unavailable",
      "medical_escort_unavailable",
      "kit_not_given",
    ]);
    expect(new Set(DEPARTURE_BLOCKERS).size).toBe(DEPARTURE_BLOCKERS.length);
  });

  it("isReady is true exactly when there are no departure blockers", () => {
    const variants = [
      ready(),
      ready({ kitGiven: false }),
      ready({ fitToTravel: null }),
      ready({ stage: "documented" }),
      ready({ stage: "withdrawn" }),
    ];
    for (const facts of variants) {
      expect(isReady(facts)).toBe(departureBlockers(facts).length === 0);
    }
  });
});
