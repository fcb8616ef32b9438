import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import {
  BOOKING_STATUSES,
  DEPARTURE_AIRPORTS,
  MOVEMENT_KINDS,
  MOVEMENT_STATUSES,
  OFFLOAD_REASONS,
  TRAVEL_DOCUMENT_TYPES,
  VHR_EVENTS,
  VHR_STAGES,
} from "../../lib/domain/vhr/constants";
import { assistanceRecords } from "./assistance";
import { beneficiaries } from "./beneficiaries";
import { countries, offices } from "./reference";
import { referrals } from "./referrals";
import { users } from "./users";

export const vhrStageEnum = pgEnum("vhr_stage", VHR_STAGES);
export const vhrEventEnum = pgEnum("vhr_event", VHR_EVENTS);
export const travelDocumentTypeEnum = pgEnum("travel_document_type", TRAVEL_DOCUMENT_TYPES);
export const movementKindEnum = pgEnum("movement_kind", MOVEMENT_KINDS);
export const departureAirportEnum = pgEnum("departure_airport", DEPARTURE_AIRPORTS);
export const movementStatusEnum = pgEnum("movement_status", MOVEMENT_STATUSES);
export const bookingStatusEnum = pgEnum("booking_status", BOOKING_STATUSES);
export const offloadReasonEnum = pgEnum("offload_reason", OFFLOAD_REASONS);

/**
 * One person's return, from the recorded wish to return to the reintegration hand-off. It starts
 * from a VHR referral the unit accepted. Each stage keeps its facts and who recorded them; the
 * history of every step is in vhr_events.
 */
export const vhrCases = pgTable(
  "vhr_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    stage: vhrStageEnum("stage").notNull().default("requested"),
    /** Where the person returns to: the country of the embassy that documents them. */
    destinationCountry: char("destination_country", { length: 3 })
      .notNull()
      .references(() => countries.code),
    // 1. Return requested: voluntariness confirmed.
    informedConsent: boolean("informed_consent").notNull(),
    declaredOn: date("declared_on", { mode: "string" }).notNull(),
    language: text("language").notNull(),
    /** Null when no interpreter was needed. */
    interpreter: text("interpreter"),
    // 2. Counselling.
    counselledOn: date("counselled_on", { mode: "string" }),
    // 3. Consular processing.
    nationalityVerifiedOn: date("nationality_verified_on", { mode: "string" }),
    interviewedOn: date("interviewed_on", { mode: "string" }),
    travelDocumentType: travelDocumentTypeEnum("travel_document_type"),
    travelDocumentNumber: text("travel_document_number"),
    travelDocumentIssuedOn: date("travel_document_issued_on", { mode: "string" }),
    travelDocumentExpiry: date("travel_document_expiry", { mode: "string" }),
    // 7. Arrival.
    arrivedOn: date("arrived_on", { mode: "string" }),
    // 8. Reintegration hand-off: a referral to the mission in the country of origin.
    handoffReferralId: uuid("handoff_referral_id").references(() => referrals.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawalReason: text("withdrawal_reason"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("vhr_cases_referral_key").on(t.referralId),
    // One return in progress per person at a time.
    uniqueIndex("vhr_cases_active_key")
      .on(t.beneficiaryId)
      .where(sql`${t.stage} not in ('withdrawn', 'arrived', 'handed_off')`),
    index("vhr_cases_stage_idx").on(t.stage, t.destinationCountry),
    check(
      "vhr_cases_document_shape",
      sql`(${t.travelDocumentType} is null) = (${t.travelDocumentNumber} is null)
        and (${t.travelDocumentType} is null) = (${t.travelDocumentExpiry} is null)
        and (${t.travelDocumentType} is null) = (${t.travelDocumentIssuedOn} is null)`,
    ),
    check(
      "vhr_cases_withdrawal_shape",
      sql`(${t.stage} = 'withdrawn') = (${t.withdrawnAt} is not null) and (${t.withdrawnAt} is null) = (${t.withdrawalReason} is null)`,
    ),
  ],
);

/** Append-only: every step of a return with who took it and when. Detail holds no personal data. */
export const vhrEvents = pgTable(
  "vhr_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    vhrCaseId: uuid("vhr_case_id")
      .notNull()
      .references(() => vhrCases.id),
    event: vhrEventEnum("event").notNull(),
    fromStage: vhrStageEnum("from_stage"),
    toStage: vhrStageEnum("to_stage").notNull(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    movementId: uuid("movement_id").references(() => movements.id),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index("vhr_events_case_idx").on(t.vhrCaseId, t.at)],
);

/** A charter or commercial flight the unit books returning people on. */
export const movements = pgTable(
  "movements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A short reference the unit and airlines use, e.g. VHR-261124-MJI-NIM. */
    reference: varchar("reference", { length: 40 }).notNull(),
    kind: movementKindEnum("kind").notNull(),
    /** Departure instant, and its date in mission time (the date a departure is counted on). */
    departsAt: timestamp("departs_at", { withTimezone: true }).notNull(),
    departureDate: date("departure_date", { mode: "string" }).notNull(),
    departureAirport: departureAirportEnum("departure_airport").notNull(),
    destinationCountry: char("destination_country", { length: 3 })
      .notNull()
      .references(() => countries.code),
    destinationAirport: text("destination_airport").notNull(),
    capacity: integer("capacity").notNull(),
    medicalEscorts: integer("medical_escorts").notNull().default(0),
    operationalEscorts: integer("operational_escorts").notNull().default(0),
    /** The office that operates the movement. */
    officeCode: varchar("office_code", { length: 3 })
      .notNull()
      .references(() => offices.code),
    status: movementStatusEnum("status").notNull().default("planned"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid("closed_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("movements_reference_key").on(t.reference),
    index("movements_departure_idx").on(t.status, t.departsAt),
    check("movements_capacity", sql`${t.capacity} between 1 and 500`),
    check("movements_escorts", sql`${t.medicalEscorts} >= 0 and ${t.operationalEscorts} >= 0`),
    check(
      "movements_closed_shape",
      sql`(${t.status} = 'planned') = (${t.closedAt} is null) and (${t.closedAt} is null) = (${t.closedBy} is null)`,
    ),
  ],
);

/** A seat on a movement for one return case, and what became of it. */
export const movementBookings = pgTable(
  "movement_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    movementId: uuid("movement_id")
      .notNull()
      .references(() => movements.id),
    vhrCaseId: uuid("vhr_case_id")
      .notNull()
      .references(() => vhrCases.id),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    status: bookingStatusEnum("status").notNull().default("booked"),
    offloadReason: offloadReasonEnum("offload_reason"),
    /** The pre-departure kit, logged as assistance. */
    kitAssistanceId: uuid("kit_assistance_id").references(() => assistanceRecords.id),
    /** The one "VHR departure" service a confirmed departure creates. */
    departureAssistanceId: uuid("departure_assistance_id").references(() => assistanceRecords.id),
    bookedBy: uuid("booked_by")
      .notNull()
      .references(() => users.id),
    bookedAt: timestamp("booked_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("movement_bookings_movement_idx").on(t.movementId, t.status),
    // A case holds at most one live seat, and departs at most once.
    uniqueIndex("movement_bookings_live_key").on(t.vhrCaseId).where(sql`${t.status} = 'booked'`),
    uniqueIndex("movement_bookings_departed_key").on(t.vhrCaseId).where(sql`${t.status} = 'departed'`),
    uniqueIndex("movement_bookings_departure_assistance_key")
      .on(t.departureAssistanceId)
      .where(sql`${t.departureAssistanceId} is not null`),
    check(
      "movement_bookings_outcome_shape",
      sql`(${t.status} = 'departed') = (${t.departureAssistanceId} is not null)
        and (${t.status} = 'offloaded') = (${t.offloadReason} is not null)
        and (${t.status} = 'booked') = (${t.resolvedAt} is null)
        and (${t.resolvedAt} is null) = (${t.resolvedBy} is null)`,
    ),
  ],
);

/** Mission-wide VHR settings: one row. */
export const vhrSettings = pgTable(
  "vhr_settings",
  {
    id: boolean("id").primaryKey().default(true),
    fitToTravelWindowHours: integer("fit_to_travel_window_hours").notNull().default(72),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("vhr_settings_single_row", sql`${t.id}`),
    check("vhr_settings_window", sql`${t.fitToTravelWindowHours} between 1 and 240`),
  ],
);
