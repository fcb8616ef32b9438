/** Value sets for referrals, shared by the schema, validation, the state machine and the UI. */
import type { SensitiveCategory } from "../sensitive";

export const REFERRAL_SERVICES = [
  "vhr",
  "reintegration",
  "mhpss",
  "child_protection",
  "bid",
  "health",
  "direct_assistance",
  "atd",
  "counter_trafficking",
  "legal",
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export function isReferralService(value: unknown): value is ReferralService {
  return typeof value === "string" && (REFERRAL_SERVICES as readonly string[]).includes(value);
}

export const REFERRAL_STATES = [
  "draft",
  "submitted",
  "approved",
  "returned",
  "sent",
  "accepted",
  "declined",
  "expired",
  "completed",
  "not_completed",
  "withdrawn",
  "closed",
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/**
 * A referral is finished when nothing more is expected of anyone: completed, withdrawn, or closed by
 * the supervisor after a decline, an expiry or a "not completed". Declined, expired and not completed
 * referrals stay open until the supervisor decides, because the person still has an unmet need.
 */
export const FINAL_STATES = ["completed", "withdrawn", "closed"] as const satisfies readonly ReferralState[];
export const OPEN_STATES = REFERRAL_STATES.filter(
  (s) => !(FINAL_STATES as readonly string[]).includes(s),
) as readonly ReferralState[];

/** Outcomes that go back to the supervisor for a decision. */
export const AWAITING_DECISION_STATES = [
  "declined",
  "expired",
  "not_completed",
] as const satisfies readonly ReferralState[];

/** States the receiving service sees: from the moment it was sent. */
export const RECEIVED_STATES = [
  "sent",
  "accepted",
  "declined",
  "expired",
  "completed",
  "not_completed",
  "withdrawn",
  "closed",
] as const satisfies readonly ReferralState[];

/** Referrals withdrawn when the consent they rely on is withdrawn. */
export const CONSENT_DEPENDENT_STATES = [
  "submitted",
  "approved",
  "sent",
  "accepted",
] as const satisfies readonly ReferralState[];

/** States in which a clock runs: the supervisor must approve, or the receiver must accept, by `dueAt`. */
export const CLOCKED_STATES = ["submitted", "approved", "sent"] as const satisfies readonly ReferralState[];

export const URGENCIES = ["high", "medium", "low"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Act within 24 hours, 3 days, 7 days; the administrator may change them (referral_settings). */
export const DEFAULT_DEADLINE_HOURS: Readonly<Record<Urgency, number>> = { high: 24, medium: 72, low: 168 };

export const RECIPIENT_KINDS = ["internal", "external"] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Internal units work under the "services" consent; a partner organisation needs "sharing". */
export function consentPurposeFor(kind: RecipientKind): "services" | "sharing" {
  return kind === "internal" ? "services" : "sharing";
}

export function dueAt(from: Date, urgency: Urgency, hours: Readonly<Record<Urgency, number>>): Date {
  return new Date(from.getTime() + hours[urgency] * 3_600_000);
}

/** Overdue: a clock is running and its deadline has passed. */
export function isOverdue(referral: { state: ReferralState; dueAt: Date | null }, now: Date): boolean {
  return (
    referral.dueAt !== null &&
    (CLOCKED_STATES as readonly string[]).includes(referral.state) &&
    referral.dueAt.getTime() < now.getTime()
  );
}

/** A sent referral whose deadline passed without acceptance is expired, whether or not it is stored yet. */
export function effectiveState(
  referral: { state: ReferralState; dueAt: Date | null },
  now: Date,
): ReferralState {
  return referral.state === "sent" && isOverdue(referral, now) ? "expired" : referral.state;
}

/** The sensitive category a referral's reason reveals by its very service (lib/domain/sensitive.ts). */
export const SERVICE_CATEGORY: Readonly<Partial<Record<ReferralService, SensitiveCategory>>> = {
  counter_trafficking: "trafficking",
  mhpss: "health",
  health: "health",
  bid: "bid",
  atd: "detention",
};
