import type { VhrEvent, VhrStage } from "./constants";

/**
 * The return pipeline as data: which event moves a case from which stages to which. Creating a
 * case ("request") is not a transition; everything after it is.
 */
export interface VhrTransition {
  event: Exclude<VhrEvent, "request">;
  from: readonly VhrStage[];
  to: VhrStage;
}

const BEFORE_DEPARTURE = [
  "requested",
  "counselled",
  "nationality_verified",
  "interviewed",
  "documented",
  "booked",
] as const satisfies readonly VhrStage[];

export const VHR_TRANSITIONS: readonly VhrTransition[] = [
  { event: "record_counselling", from: ["requested"], to: "counselled" },
  { event: "verify_nationality", from: ["counselled"], to: "nationality_verified" },
  { event: "record_interview", from: ["nationality_verified"], to: "interviewed" },
  // A replacement document (the first one expired or was lost) keeps the case ready to book.
  { event: "issue_travel_document", from: ["interviewed", "documented"], to: "documented" },
  { event: "book", from: ["documented"], to: "booked" },
  { event: "cancel_booking", from: ["booked"], to: "documented" },
  { event: "depart", from: ["booked"], to: "departed" },
  { event: "no_show", from: ["booked"], to: "documented" },
  { event: "offload", from: ["booked"], to: "documented" },
  { event: "confirm_arrival", from: ["departed"], to: "arrived" },
  { event: "hand_off", from: ["arrived"], to: "handed_off" },
  // The person may change their mind at any stage before departure; nothing after it counts.
  { event: "withdraw", from: BEFORE_DEPARTURE, to: "withdrawn" },
];

export type TransitionResult = { ok: true; to: VhrStage } | { ok: false; reason: "not_allowed" };

export function transition(stage: VhrStage, event: VhrTransition["event"]): TransitionResult {
  const t = VHR_TRANSITIONS.find((x) => x.event === event && x.from.includes(stage));
  return t ? { ok: true, to: t.to } : { ok: false, reason: "not_allowed" };
}

/** The events that can move a case on from its stage, in pipeline order. */
export function nextEvents(stage: VhrStage): Array<VhrTransition["event"]> {
  return VHR_TRANSITIONS.filter((t) => t.from.includes(stage)).map((t) => t.event);
}
