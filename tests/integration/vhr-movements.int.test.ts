import { beforeAll, describe, expect, it } from "vitest";
import { addNote } from "@/lib/dal/case-lifecycle/add-note";
import { listNotes } from "@/lib/dal/case-lifecycle/list-notes";
import type { DalContext } from "@/lib/dal/context";
import { DalError } from "@/lib/dal/errors";
import { getScreening } from "@/lib/dal/screenings/get-screening";
import { bookOnMovement } from "@/lib/dal/vhr/book-on-movement";
import { cancelBooking, recordKit } from "@/lib/dal/vhr/booking-actions";
import { closeMovement, confirmDepartures } from "@/lib/dal/vhr/confirm-departures";
import { getMovement } from "@/lib/dal/vhr/get-movement";
import { getVhrCase } from "@/lib/dal/vhr/get-vhr-case";
import { listMovements } from "@/lib/dal/vhr/list-movements";
import { listVhrCases } from "@/lib/dal/vhr/list-vhr-cases";
import { recordVhrStep } from "@/lib/dal/vhr/record-vhr-step";
import { AIRPORT_BALADIYA } from "@/lib/domain/vhr/constants";
import { dalError } from "./dal-assert";
import { focalPoint } from "./referrals-support";
import {
  bookingRow,
  bookingsOfCase,
  bookingsOnMovement,
  caseRow,
  countDepartures,
  type DocumentedCase,
  departuresOf,
  documentedCase,
  eventsOfCase,
  fitToTravel,
  movementFor,
  movementRow,
  type VhrActors,
  vhrActors,
} from "./vhr-support";

let a: VhrActors;
let officer: DalContext;

beforeAll(async () => {
  a = await vhrActors();
  officer = a.officer;
});

/** Books a documented person, gives the kit and, unless told otherwise, records a fit-to-travel. */
async function readyOn(movementId: string, c: DocumentedCase, options: { ftt?: boolean } = {}) {
  if (options.ftt !== false) await fitToTravel(a.caseworker, c.beneficiaryId);
  const { bookingId } = await bookOnMovement(officer, { movementId, vhrCaseId: c.vhrCaseId });
  await recordKit(officer, { bookingId, version: (await bookingRow(bookingId)).version });
  return bookingId;
}

async function outcome(bookingId: string, o: "departed" | "no_show" | "offloaded" | "", extra = {}) {
  return { bookingId, version: (await bookingRow(bookingId)).version, outcome: o, ...extra };
}

/** A use case that must be refused as out of reach: either not found or forbidden. */
async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DalError);
  expect(["not_found", "forbidden"]).toContain((error as DalError).code);
}

describe("the pipeline up to documented", () => {
  it("walks a case from the accepted referral to documented; a stale version is a conflict", async () => {
    const c = await documentedCase(a, {}, "requested");
    const requested = await caseRow(c.vhrCaseId);
    expect(requested.stage).toBe("requested");
    await recordVhrStep(officer, {
      vhrCaseId: c.vhrCaseId,
      version: requested.version,
      event: "record_counselling",
      on: requested.declaredOn,
    });
    const stale = await dalError(
      recordVhrStep(officer, {
        vhrCaseId: c.vhrCaseId,
        version: requested.version,
        event: "verify_nationality",
        on: requested.declaredOn,
      }),
      "conflict",
    );
    expect(stale.fieldErrors).toBeUndefined();
    expect((await caseRow(c.vhrCaseId)).stage).toBe("counselled");

    const done = await documentedCase(a);
    const row = await caseRow(done.vhrCaseId);
    expect(row.stage).toBe("documented");
    expect(row.travelDocumentType).toBe("laissez_passer");
    expect(row.travelDocumentNumber).toMatch(/^LP /);
    expect((await eventsOfCase(done.vhrCaseId)).map((e) => e.toStage)).toEqual([
      "requested",
      "counselled",
      "nationality_verified",
      "interviewed",
      "documented",
    ]);
  });

  it("a focal point of another service is forbidden the VHR work list and cases", async () => {
    const mhpss = await focalPoint(["mhpss"]);
    const c = await documentedCase(a);
    await dalError(listVhrCases(mhpss), "forbidden");
    await dalError(getVhrCase(mhpss, c.vhrCaseId), "forbidden");
    await dalError(listMovements(mhpss), "forbidden");
    await dalError(listVhrCases(a.caseworker), "forbidden");
    const list = await listVhrCases(officer);
    expect(list.cases.map((x) => x.id)).toContain(c.vhrCaseId);
  });
});

describe("booking", () => {
  it("an unaccompanied child without an approved BID is refused, and nothing is written", async () => {
    const child = await documentedCase(a, { dateOfBirth: "2012-05-05", uascStatus: "unaccompanied" });
    const m = await movementFor(officer);
    const before = await caseRow(child.vhrCaseId);
    const error = await dalError(
      bookOnMovement(officer, { movementId: m.id, vhrCaseId: child.vhrCaseId }),
      "invalid",
    );
    expect(error.fieldErrors?._form).toContain("vhr.blockers.child_bid_not_approved");
    expect(await bookingsOfCase(child.vhrCaseId)).toEqual([]);
    expect(await bookingsOnMovement(m.id)).toEqual([]);
    const after = await caseRow(child.vhrCaseId);
    expect(after.stage).toBe("documented");
    expect(after.version).toBe(before.version);
    expect((await eventsOfCase(child.vhrCaseId)).map((e) => e.event)).not.toContain("book");
  });

  it("capacity is enforced: one seat takes one person, the second is refused", async () => {
    const [first, second] = [await documentedCase(a), await documentedCase(a)];
    const m = await movementFor(officer, { capacity: 1 });
    await bookOnMovement(officer, { movementId: m.id, vhrCaseId: first.vhrCaseId });
    const full = await dalError(
      bookOnMovement(officer, { movementId: m.id, vhrCaseId: second.vhrCaseId }),
      "conflict",
    );
    expect(full.fieldErrors?._form).toEqual(["vhr.errors.movementFull"]);
    expect((await caseRow(second.vhrCaseId)).stage).toBe("documented");
    expect(await bookingsOfCase(second.vhrCaseId)).toEqual([]);
    expect((await getMovement(officer, m.id)).seatsTaken).toBe(1);
  });

  it("two officers booking the last seat at once: exactly one succeeds", async () => {
    const [x, y] = [await documentedCase(a), await documentedCase(a)];
    const other = await focalPoint(["vhr"]);
    const m = await movementFor(officer, { capacity: 1 });
    const results = await Promise.allSettled([
      bookOnMovement(officer, { movementId: m.id, vhrCaseId: x.vhrCaseId }),
      bookOnMovement(other, { movementId: m.id, vhrCaseId: y.vhrCaseId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason as DalError;
    expect(reason).toBeInstanceOf(DalError);
    expect(reason.code).toBe("conflict");
    expect(reason.fieldErrors?._form).toEqual(["vhr.errors.movementFull"]);
    const seats = await bookingsOnMovement(m.id);
    expect(seats).toHaveLength(1);
    const stages = [(await caseRow(x.vhrCaseId)).stage, (await caseRow(y.vhrCaseId)).stage].sort();
    expect(stages).toEqual(["booked", "documented"]);
  });

  it("withdrawal releases the seat; a cancelled booking does too", async () => {
    const [leaving, waiting, third] = [
      await documentedCase(a),
      await documentedCase(a),
      await documentedCase(a),
    ];
    const m = await movementFor(officer, { capacity: 1 });
    const { bookingId } = await bookOnMovement(officer, { movementId: m.id, vhrCaseId: leaving.vhrCaseId });
    await dalError(bookOnMovement(officer, { movementId: m.id, vhrCaseId: waiting.vhrCaseId }), "conflict");
    await recordVhrStep(officer, {
      vhrCaseId: leaving.vhrCaseId,
      version: (await caseRow(leaving.vhrCaseId)).version,
      event: "withdraw",
      reason: "Changed their mind after speaking with family.",
    });
    expect((await caseRow(leaving.vhrCaseId)).stage).toBe("withdrawn");
    expect((await bookingRow(bookingId)).status).toBe("cancelled");
    const second = await bookOnMovement(officer, { movementId: m.id, vhrCaseId: waiting.vhrCaseId });
    expect((await getMovement(officer, m.id)).seatsTaken).toBe(1);

    await cancelBooking(officer, {
      bookingId: second.bookingId,
      version: (await bookingRow(second.bookingId)).version,
    });
    expect((await caseRow(waiting.vhrCaseId)).stage).toBe("documented");
    await bookOnMovement(officer, { movementId: m.id, vhrCaseId: third.vhrCaseId });
    expect((await caseRow(third.vhrCaseId)).stage).toBe("booked");
  });
});

describe("departure confirmation", () => {
  it("confirming twice creates exactly one vhr_departure record, dated the day of departure", async () => {
    const c = await documentedCase(a);
    const m = await movementFor(officer);
    const bookingId = await readyOn(m.id, c);
    const input = { movementId: m.id, outcomes: [await outcome(bookingId, "departed")] };
    const tally = await confirmDepartures(officer, input);
    expect(tally).toEqual({ departed: 1, noShow: 0, offloaded: 0 });

    const again = await dalError(confirmDepartures(officer, input), "conflict");
    expect(again.fieldErrors?.["outcomes.0.outcome"]).toEqual(["vhr.errors.bookingChanged"]);
    // With the new version too: the seat is resolved, so nothing more is counted.
    await dalError(
      confirmDepartures(officer, { movementId: m.id, outcomes: [await outcome(bookingId, "departed")] }),
      "conflict",
    );

    const records = await departuresOf(c.beneficiaryId);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.assistanceType).toBe("vhr_departure");
    expect(record?.serviceDate).toBe(m.departureDate);
    expect(record?.serviceDate).toBe((await movementRow(m.id)).departureDate);
    expect(record?.baladiyaPcode).toBe(AIRPORT_BALADIYA.MJI);
    expect(record?.referralId).toBe(c.referralId);
    const booking = await bookingRow(bookingId);
    expect(booking.status).toBe("departed");
    expect(booking.departureAssistanceId).toBe(record?.id);
    expect((await caseRow(c.vhrCaseId)).stage).toBe("departed");
  });

  it("two officers confirming the same departure at once: one record, one conflict", async () => {
    const c = await documentedCase(a);
    const other = await focalPoint(["vhr"]);
    const m = await movementFor(officer);
    const bookingId = await readyOn(m.id, c);
    const input = { movementId: m.id, outcomes: [await outcome(bookingId, "departed")] };
    const results = await Promise.allSettled([
      confirmDepartures(officer, input),
      confirmDepartures(other, input),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as DalError).code).toBe("conflict");
    expect(await departuresOf(c.beneficiaryId)).toHaveLength(1);
  });

  it("the same seat listed twice in one confirmation is refused, and writes nothing", async () => {
    const c = await documentedCase(a);
    const m = await movementFor(officer);
    const bookingId = await readyOn(m.id, c);
    const o = await outcome(bookingId, "departed");
    const refused = await confirmDepartures(officer, { movementId: m.id, outcomes: [o, o] }).catch((e) => e);
    expect((refused as DalError).code).toBe("invalid");
    expect((refused as DalError).fieldErrors?._form).toEqual(["vhr.errors.duplicateBooking"]);
    expect(await departuresOf(c.beneficiaryId)).toHaveLength(0);
    await confirmDepartures(officer, { movementId: m.id, outcomes: [o] });
    expect(await departuresOf(c.beneficiaryId)).toHaveLength(1);
    expect((await eventsOfCase(c.vhrCaseId)).filter((e) => e.event === "depart")).toHaveLength(1);
  });

  it("a person is booked only on a movement to the country they return to", async () => {
    const c = await documentedCase(a);
    const elsewhere = await movementFor(officer, { country: "NGA" });
    const refused = await bookOnMovement(officer, { movementId: elsewhere.id, vhrCaseId: c.vhrCaseId }).catch(
      (e) => e,
    );
    expect((refused as DalError).code).toBe("invalid");
    expect((refused as DalError).fieldErrors?._form).toEqual(["vhr.errors.wrongDestination"]);
    expect((await caseRow(c.vhrCaseId)).stage).toBe("documented");
  });

  it("a no-show counts nothing, sends the case back to documented, and it can be booked again", async () => {
    const c = await documentedCase(a);
    const m = await movementFor(officer);
    const bookingId = await readyOn(m.id, c);
    const departuresBefore = await countDepartures();
    const tally = await confirmDepartures(officer, {
      movementId: m.id,
      outcomes: [await outcome(bookingId, "no_show")],
    });
    expect(tally).toEqual({ departed: 0, noShow: 1, offloaded: 0 });
    expect(await departuresOf(c.beneficiaryId)).toEqual([]);
    expect(await countDepartures()).toBe(departuresBefore);
    expect((await bookingRow(bookingId)).status).toBe("no_show");
    expect((await caseRow(c.vhrCaseId)).stage).toBe("documented");
    expect((await getMovement(officer, m.id)).seatsTaken).toBe(0);

    const next = await movementFor(officer, { hoursAhead: 3 });
    const rebooked = await bookOnMovement(officer, { movementId: next.id, vhrCaseId: c.vhrCaseId });
    expect((await caseRow(c.vhrCaseId)).stage).toBe("booked");
    expect((await bookingRow(rebooked.bookingId)).movementId).toBe(next.id);
  });

  it("a blocked person refuses the whole bulk confirmation, and nothing is written", async () => {
    const [ready, blocked] = [await documentedCase(a), await documentedCase(a)];
    const m = await movementFor(officer);
    const readyBooking = await readyOn(m.id, ready);
    // No fit-to-travel examination for the second person.
    const blockedBooking = await readyOn(m.id, blocked, { ftt: false });
    const departuresBefore = await countDepartures();
    const movementBefore = await movementRow(m.id);
    const error = await dalError(
      confirmDepartures(officer, {
        movementId: m.id,
        outcomes: [await outcome(readyBooking, "departed"), await outcome(blockedBooking, "departed")],
      }),
      "invalid",
    );
    expect(error.fieldErrors?.["outcomes.0.outcome"]).toBeUndefined();
    expect(error.fieldErrors?.["outcomes.1.outcome"]).toEqual(["vhr.blockers.fit_to_travel_missing"]);
    expect(await countDepartures()).toBe(departuresBefore);
    for (const [bookingId, c] of [
      [readyBooking, ready],
      [blockedBooking, blocked],
    ] as const) {
      expect((await bookingRow(bookingId)).status).toBe("booked");
      expect((await caseRow(c.vhrCaseId)).stage).toBe("booked");
    }
    expect((await movementRow(m.id)).version).toBe(movementBefore.version);

    // The officer records the outcome that happened: the second person was offloaded.
    const tally = await confirmDepartures(officer, {
      movementId: m.id,
      outcomes: [
        await outcome(readyBooking, "departed"),
        await outcome(blockedBooking, "offloaded", { offloadReason: "fit_to_travel" }),
      ],
    });
    expect(tally).toEqual({ departed: 1, noShow: 0, offloaded: 1 });
    expect(await countDepartures()).toBe(departuresBefore + 1);
    expect((await caseRow(blocked.vhrCaseId)).stage).toBe("documented");
    expect((await bookingRow(blockedBooking)).offloadReason).toBe("fit_to_travel");
  });

  it("closing is refused while someone is still booked, and allowed once all are resolved", async () => {
    const [goes, stays] = [await documentedCase(a), await documentedCase(a)];
    const m = await movementFor(officer);
    const goesBooking = await readyOn(m.id, goes);
    const staysBooking = await readyOn(m.id, stays);
    await confirmDepartures(officer, {
      movementId: m.id,
      outcomes: [await outcome(goesBooking, "departed")],
    });
    const open = await dalError(
      closeMovement(officer, { movementId: m.id, version: (await movementRow(m.id)).version }),
      "invalid",
    );
    expect(open.fieldErrors?._form).toEqual(["vhr.errors.unresolvedBookings"]);
    expect((await movementRow(m.id)).status).toBe("planned");
    expect((await getMovement(officer, m.id)).canClose).toBe(false);

    await confirmDepartures(officer, {
      movementId: m.id,
      outcomes: [await outcome(staysBooking, "no_show")],
    });
    expect((await getMovement(officer, m.id)).canClose).toBe(true);
    await closeMovement(officer, { movementId: m.id, version: (await movementRow(m.id)).version });
    const closed = await movementRow(m.id);
    expect(closed.status).toBe("closed");
    expect(closed.closedBy).toBe(officer.actor.id);
    // A closed movement takes no more bookings.
    const late = await dalError(
      bookOnMovement(officer, { movementId: m.id, vhrCaseId: stays.vhrCaseId }),
      "conflict",
    );
    expect(late.fieldErrors?._form).toEqual(["vhr.errors.movementClosed"]);
  });
});

describe("what a movement officer may see", () => {
  it("never a screening or a case note by id; the VHR views carry the clearance only", async () => {
    const c = await documentedCase(a);
    // Oxygen saturation 90%: fit with the "oxygen" condition.
    const screening = await fitToTravel(a.caseworker, c.beneficiaryId, {
      temperature: 36.9,
      systolic: 121,
      diastolic: 79,
      pulse: 74,
      respiratoryRate: 16,
      spo2: 90,
      pregnant: false,
      tbSymptoms: [],
      acuteIllness: "none",
      medication: "none",
      contraindication: false,
      mobility: "independent",
      escortNeeded: false,
      capacity: "yes",
      notes: "Confidential clinical remark about asthma history.",
    });
    expect(screening.outcome).toBe("fit_with_conditions");
    const note = "Confidential note: family conflict discussed in counselling.";
    await addNote(a.caseworker, { beneficiaryId: c.beneficiaryId, body: note });

    await refused(getScreening(officer, { beneficiaryId: c.beneficiaryId, screeningId: screening.id }));
    await refused(listNotes(officer, c.beneficiaryId));

    const detail = await getVhrCase(officer, c.vhrCaseId);
    expect(detail.fitToTravel).toMatchObject({ outcome: "fit_with_conditions", conditions: ["oxygen"] });
    expect(Object.keys(detail.fitToTravel ?? {}).sort()).toEqual([
      "conditions",
      "outcome",
      "screenedAt",
      "validUntil",
    ]);

    const m = await movementFor(officer, { medicalEscorts: 1 });
    const asCandidate = await getMovement(officer, m.id);
    const candidate = asCandidate.candidates.find((x) => x.vhrCaseId === c.vhrCaseId);
    expect(candidate?.fitToTravel).toMatchObject({ outcome: "fit_with_conditions", conditions: ["oxygen"] });
    await bookOnMovement(officer, { movementId: m.id, vhrCaseId: c.vhrCaseId });
    const manifest = await getMovement(officer, m.id);
    const entry = manifest.manifest.find((x) => x.vhrCaseId === c.vhrCaseId);
    expect(entry?.fitToTravel).toMatchObject({ outcome: "fit_with_conditions", conditions: ["oxygen"] });
    expect(entry?.blockers).toEqual(["kit_not_given"]);

    for (const dto of [detail, asCandidate, manifest]) {
      const json = JSON.stringify(dto);
      for (const secret of [
        '"answers"',
        '"temperature"',
        '"spo2"',
        "asthma",
        note,
        "ftt.oxygen",
        '"reasons"',
      ]) {
        expect(json).not.toContain(secret);
      }
    }
  });
});
