/** Value sets for voluntary humanitarian return, shared by the schema, validation, rules and UI. */

/**
 * Where a return case stands. Stages follow each other in this order; "withdrawn" ends the case at
 * any point before departure. A no-show or an offload sends a booked case back to "documented".
 */
export const VHR_STAGES = [
  "requested",
  "counselled",
  "nationality_verified",
  "interviewed",
  "documented",
  "booked",
  "departed",
  "arrived",
  "handed_off",
  "withdrawn",
] as const;
export type VhrStage = (typeof VHR_STAGES)[number];

/** Stages in which the person still waits for their travel document (the usual bottleneck). */
export const AWAITING_DOCUMENT_STAGES = [
  "counselled",
  "nationality_verified",
  "interviewed",
] as const satisfies readonly VhrStage[];

export const VHR_EVENTS = [
  "request",
  "record_counselling",
  "verify_nationality",
  "record_interview",
  "issue_travel_document",
  "book",
  "cancel_booking",
  "depart",
  "no_show",
  "offload",
  "confirm_arrival",
  "hand_off",
  "withdraw",
] as const;
export type VhrEvent = (typeof VHR_EVENTS)[number];

export const TRAVEL_DOCUMENT_TYPES = [
  "passport",
  "laissez_passer",
  "emergency_travel_document",
  "consular_certificate",
] as const;
export type TravelDocumentType = (typeof TRAVEL_DOCUMENT_TYPES)[number];

export const MOVEMENT_KINDS = ["charter", "commercial"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Departure airports the mission operates from, by IATA code. */
export const DEPARTURE_AIRPORTS = ["MJI", "BEN", "MRA", "SEB"] as const;
export type DepartureAirport = (typeof DEPARTURE_AIRPORTS)[number];

/** The baladiya each airport lies in: where a departure is counted on the dashboard. */
export const AIRPORT_BALADIYA: Readonly<Record<DepartureAirport, string>> = {
  MJI: "LY021101",
  BEN: "LY010304",
  MRA: "LY021401",
  SEB: "LY031901",
};

export const MOVEMENT_STATUSES = ["planned", "closed", "cancelled"] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];

export const BOOKING_STATUSES = ["booked", "departed", "no_show", "offloaded", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Outcomes recorded at departure; "booked" is the only unresolved status. */
export const DEPARTURE_OUTCOMES = ["departed", "no_show", "offloaded"] as const;
export type DepartureOutcome = (typeof DEPARTURE_OUTCOMES)[number];

export const OFFLOAD_REASONS = [
  "fit_to_travel",
  "travel_document",
  "airline_refused",
  "immigration_refused",
  "withdrew_at_airport",
  "security",
  "other",
] as const;
export type OffloadReason = (typeof OFFLOAD_REASONS)[number];

/** How long before departure a fit-to-travel examination may be, unless configured otherwise. */
export const DEFAULT_FTT_WINDOW_HOURS = 72;
export const MAX_FTT_WINDOW_HOURS = 240;

/** From how long before departure the officer may record the outcome (boarding at the airport). */
export const BOARDING_WINDOW_HOURS = 6;

/** Libya keeps Eastern European Time (UTC+2) all year: movement times are entered in it. */
export const MISSION_UTC_OFFSET = "+02:00";

/** A local date and time ("2026-11-24", "09:30") in mission time, as an instant. */
export function missionInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00${MISSION_UTC_OFFSET}`);
}

/** The mission-time date and time of an instant. */
export function missionLocal(at: Date): { date: string; time: string } {
  const shifted = new Date(at.getTime() + 2 * 3_600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}
