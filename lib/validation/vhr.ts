import { z } from "zod";
import { todayIso } from "@/lib/domain/age";
import {
  DEPARTURE_AIRPORTS,
  DEPARTURE_OUTCOMES,
  MAX_FTT_WINDOW_HOURS,
  MOVEMENT_KINDS,
  OFFLOAD_REASONS,
  TRAVEL_DOCUMENT_TYPES,
} from "@/lib/domain/vhr/constants";
import { isoDate, optionalText, requiredText, uuid } from "./common";

const version = z.number({ error: "required" }).int().min(1);
const pastDate = isoDate.refine((d) => d <= todayIso(), "futureDate");
const country = z.string({ error: "required" }).regex(/^[A-Z]{3}$/, "required");

/** Step 1: the wish to return, with the person's informed consent to it. */
export const requestReturnSchema = z.object({
  referralId: uuid,
  informedConsent: z.literal(true, { error: "vhr.validation.consentRequired" }),
  declaredOn: pastDate,
  language: requiredText(60),
  interpreter: optionalText(120),
  destinationCountry: country,
});
export type RequestReturnInput = z.input<typeof requestReturnSchema>;

const step = { vhrCaseId: uuid, version };

/** The steps after the request, each with the facts it records. */
export const vhrStepSchema = z.discriminatedUnion("event", [
  z.object({ ...step, event: z.literal("record_counselling"), on: pastDate }),
  z.object({ ...step, event: z.literal("verify_nationality"), on: pastDate }),
  z.object({ ...step, event: z.literal("record_interview"), on: pastDate }),
  z
    .object({
      ...step,
      event: z.literal("issue_travel_document"),
      documentType: z.enum(TRAVEL_DOCUMENT_TYPES, { error: "required" }),
      documentNumber: requiredText(30).regex(/^[A-Za-z0-9 -]+$/, "vhr.validation.documentNumber"),
      issuedOn: pastDate,
      expiry: isoDate,
    })
    .refine((v) => v.expiry > v.issuedOn, { path: ["expiry"], message: "vhr.validation.expiryAfterIssue" })
    .refine((v) => v.expiry >= todayIso(), { path: ["expiry"], message: "vhr.validation.documentExpired" }),
  z.object({ ...step, event: z.literal("confirm_arrival"), on: pastDate }),
  z.object({
    ...step,
    event: z.literal("withdraw"),
    reason: z
      .string({ error: "required" })
      .trim()
      .min(10, "vhr.validation.reasonTooShort")
      .max(1000, "tooLong"),
  }),
]);
export type VhrStepInput = z.input<typeof vhrStepSchema>;
export type VhrStepEvent = VhrStepInput["event"];

/** Step 8: the referral to the mission in the country of origin, with consent to share the case. */
export const handOffSchema = z.object({
  ...step,
  organisationId: uuid,
  consentToShare: z.literal(true, { error: "vhr.validation.shareConsentRequired" }),
  consentOn: pastDate,
  reason: requiredText(2000),
});
export type HandOffInput = z.input<typeof handOffSchema>;

const count = (max: number) =>
  z
    .number({ error: "vhr.validation.wholeNumber" })
    .int("vhr.validation.wholeNumber")
    .min(0, "vhr.validation.wholeNumber")
    .max(max, "tooLong");

export const createMovementSchema = z.object({
  kind: z.enum(MOVEMENT_KINDS, { error: "required" }),
  departureDate: isoDate.refine((d) => d >= todayIso(), "vhr.validation.departureInPast"),
  departureTime: z.string({ error: "required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "vhr.validation.time"),
  departureAirport: z.enum(DEPARTURE_AIRPORTS, { error: "required" }),
  destinationCountry: country,
  destinationAirport: requiredText(80),
  capacity: z
    .number({ error: "vhr.validation.capacity" })
    .int("vhr.validation.capacity")
    .min(1, "vhr.validation.capacity")
    .max(500, "vhr.validation.capacity"),
  medicalEscorts: count(50),
  operationalEscorts: count(50),
});
export type CreateMovementInput = z.input<typeof createMovementSchema>;

export const bookSchema = z.object({ movementId: uuid, vhrCaseId: uuid });
export type BookInput = z.input<typeof bookSchema>;

export const bookingRefSchema = z.object({ bookingId: uuid, version });
export type BookingRefInput = z.input<typeof bookingRefSchema>;

/** Departure confirmation, in bulk for a movement: one outcome per booked person. */
export const confirmDeparturesSchema = z
  .object({
    movementId: uuid,
    outcomes: z
      .array(
        z
          .object({
            bookingId: uuid,
            version,
            outcome: z.enum([...DEPARTURE_OUTCOMES, ""], { error: "required" }),
            offloadReason: z.enum([...OFFLOAD_REASONS, ""]).optional(),
          })
          .refine((o) => o.outcome !== "offloaded" || Boolean(o.offloadReason), {
            path: ["offloadReason"],
            message: "vhr.validation.offloadReason",
          }),
      )
      .max(500),
  })
  // One outcome per seat: a booking listed twice would count one departure twice.
  .refine((v) => new Set(v.outcomes.map((o) => o.bookingId)).size === v.outcomes.length, {
    path: ["_form"],
    message: "vhr.errors.duplicateBooking",
  });
export type ConfirmDeparturesInput = z.input<typeof confirmDeparturesSchema>;

export const movementRefSchema = z.object({ movementId: uuid, version });
export type MovementRefInput = z.input<typeof movementRefSchema>;

export const vhrSettingsSchema = z.object({
  fitToTravelWindowHours: z
    .number({ error: "vhr.validation.window" })
    .int("vhr.validation.window")
    .min(1, "vhr.validation.window")
    .max(MAX_FTT_WINDOW_HOURS, "vhr.validation.window"),
  version,
});
export type VhrSettingsInput = z.input<typeof vhrSettingsSchema>;
