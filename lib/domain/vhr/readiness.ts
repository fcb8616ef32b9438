import type { FttCondition, FttOutcome } from "../screenings/fit-to-travel/v1";
import type { VhrStage } from "./constants";

/**
 * Whether a person is ready to fly on a movement. Each rule yields a blocker key; the manifest shows
 * every blocker, so the officer sees all that is left to do at once.
 *
 * Two levels:
 * - booking blockers refuse a seat: the person withdrew, has no usable travel document, or is an
 *   unaccompanied or separated child without an approved BID and located family;
 * - departure blockers (all of the above, plus the fit-to-travel, escorts and the pre-departure kit)
 *   refuse "departed": the officer resolves them or records a no-show or an offload.
 */
export const BOOKING_BLOCKERS = [
  "withdrawn",
  "not_documented",
  "travel_document_expires",
  "child_bid_not_approved",
  "child_family_not_located",
] as const;

export const DEPARTURE_BLOCKERS = [
  ...BOOKING_BLOCKERS,
  "fit_to_travel_missing",
  "fit_to_travel_not_fit",
  "fit_to_travel_expired",
  "fit_to_travel_too_early",
  "escort_unavailable",
  "medical_escort_unavailable",
  "kit_not_given",
] as const;
export type Blocker = (typeof DEPARTURE_BLOCKERS)[number];

export interface FitToTravelFacts {
  outcome: FttOutcome;
  conditions: readonly FttCondition[];
  /** When the examination was recorded. */
  screenedAt: Date;
  /** When its clearance lapses; absent for outcomes that clear nobody. */
  validUntil: Date | null;
}

export interface ReadinessFacts {
  stage: VhrStage;
  /** The departure instant and the mission-time date of departure. */
  departsAt: Date;
  departureDate: string;
  travelDocumentExpiry: string | null;
  /** The latest fit-to-travel examination, if any. */
  fitToTravel: FitToTravelFacts | null;
  /** How long before departure the examination may be (72 hours unless configured). */
  fitToTravelWindowHours: number;
  /** Unaccompanied or separated, and under 18 on the departure date. */
  unaccompaniedChild: boolean;
  bidApprovesReturn: boolean;
  familyLocated: boolean;
  kitGiven: boolean;
  escorts: { medical: number; operational: number };
}

/** The fit-to-travel outcome and conditions as the manifest may show them: never medical detail. */
export function fitToTravelBlockers(
  ftt: FitToTravelFacts | null,
  departsAt: Date,
  windowHours: number,
): Blocker[] {
  if (!ftt) return ["fit_to_travel_missing"];
  if (ftt.outcome !== "fit" && ftt.outcome !== "fit_with_conditions") return ["fit_to_travel_not_fit"];
  const earliest = departsAt.getTime() - windowHours * 3_600_000;
  if (ftt.screenedAt.getTime() < earliest) {
    // Examined too long before departure: an old clearance has lapsed by the flight.
    return ftt.validUntil !== null && ftt.validUntil.getTime() < departsAt.getTime()
      ? ["fit_to_travel_expired"]
      : ["fit_to_travel_too_early"];
  }
  if (ftt.validUntil === null || ftt.validUntil.getTime() < departsAt.getTime())
    return ["fit_to_travel_expired"];
  return [];
}

export function bookingBlockers(f: ReadinessFacts): Blocker[] {
  const out: Blocker[] = [];
  if (f.stage === "withdrawn") out.push("withdrawn");
  else if (f.stage !== "documented" && f.stage !== "booked") out.push("not_documented");
  if (
    f.stage !== "withdrawn" &&
    f.travelDocumentExpiry !== null &&
    f.travelDocumentExpiry < f.departureDate
  ) {
    out.push("travel_document_expires");
  }
  if (f.unaccompaniedChild) {
    if (!f.bidApprovesReturn) out.push("child_bid_not_approved");
    if (!f.familyLocated) out.push("child_family_not_located");
  }
  return out;
}

export function departureBlockers(f: ReadinessFacts): Blocker[] {
  const out = bookingBlockers(f);
  out.push(...fitToTravelBlockers(f.fitToTravel, f.departsAt, f.fitToTravelWindowHours));
  const conditions = f.fitToTravel?.conditions ?? [];
  if (conditions.includes("escort") && f.escorts.medical + f.escorts.operational === 0) {
    out.push("escort_unavailable");
  }
  if (conditions.includes("oxygen") && f.escorts.medical === 0) out.push("medical_escort_unavailable");
  if (!f.kitGiven) out.push("kit_not_given");
  return out;
}

export function isReady(f: ReadinessFacts): boolean {
  return departureBlockers(f).length === 0;
}
