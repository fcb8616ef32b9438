import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import {
  RECIPIENT_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_STATES,
  URGENCIES,
} from "../../lib/domain/referrals/catalogue";
import { REFERRAL_EVENTS } from "../../lib/domain/referrals/state-machine";
import { beneficiaries } from "./beneficiaries";
import { screenings } from "./screenings";
import { users } from "./users";

export const referralServiceEnum = pgEnum("referral_service", REFERRAL_SERVICES);
export const referralStateEnum = pgEnum("referral_state", REFERRAL_STATES);
export const referralEventEnum = pgEnum("referral_event", REFERRAL_EVENTS);
export const urgencyEnum = pgEnum("referral_urgency", URGENCIES);
export const recipientKindEnum = pgEnum("referral_recipient_kind", RECIPIENT_KINDS);

/** The catalogue: every service has an internal unit; `active` hides it from new referrals. */
export const referralServices = pgTable("referral_services", {
  service: referralServiceEnum("service").primaryKey(),
  internalUnit: boolean("internal_unit").notNull().default(true),
  active: boolean("active").notNull().default(true),
});

/** Partner organisations receiving external referrals; configured by the administrator. */
export const partnerOrganisations = pgTable(
  "partner_organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: varchar("code", { length: 16 }).notNull(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_organisations_code_key").on(sql`upper(${t.code})`),
    check("partner_organisations_code_shape", sql`${t.code} ~ '^[A-Za-z0-9_-]{2,16}$'`),
  ],
);

/** Which services a partner organisation takes referrals for. */
export const partnerServices = pgTable(
  "partner_services",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => partnerOrganisations.id, { onDelete: "cascade" }),
    service: referralServiceEnum("service").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.service] })],
);

/** Focal points and the services whose incoming referrals they handle. */
export const userServices = pgTable(
  "user_services",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    service: referralServiceEnum("service").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.service] }), index("user_services_service_idx").on(t.service)],
);

/** One row: the deadline per urgency, in hours. */
export const referralSettings = pgTable(
  "referral_settings",
  {
    id: smallint("id").primaryKey().default(1),
    highHours: integer("high_hours").notNull().default(24),
    mediumHours: integer("medium_hours").notNull().default(72),
    lowHours: integer("low_hours").notNull().default(168),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("referral_settings_single_row", sql`${t.id} = 1`),
    check(
      "referral_settings_hours",
      sql`${t.highHours} between 1 and 2160 and ${t.mediumHours} between 1 and 2160 and ${t.lowHours} between 1 and 2160`,
    ),
  ],
);

export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    service: referralServiceEnum("service").notNull(),
    recipientKind: recipientKindEnum("recipient_kind").notNull(),
    organisationId: uuid("organisation_id").references(() => partnerOrganisations.id),
    urgency: urgencyEnum("urgency").notNull(),
    /** What the receiver needs to know: shared with the receiver, so no more than needed. */
    reason: text("reason").notNull(),
    /** Whether the receiver may see the phone number (only with sharing consent). */
    sharePhone: boolean("share_phone").notNull().default(false),
    state: referralStateEnum("state").notNull().default("draft"),
    /** The running clock: approval by the supervisor while submitted, acceptance while sent. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    /** The screening whose confirmed suggestion led here. */
    sourceScreeningId: uuid("source_screening_id").references(() => screenings.id, { onDelete: "set null" }),
    consentOverrideReason: text("consent_override_reason"),
    consentOverrideBy: uuid("consent_override_by").references(() => users.id),
    consentOverrideAt: timestamp("consent_override_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("referrals_beneficiary_idx").on(t.beneficiaryId, t.createdAt),
    index("referrals_state_due_idx").on(t.state, t.dueAt),
    index("referrals_service_state_idx").on(t.service, t.state),
    check(
      "referrals_recipient_shape",
      sql`(${t.recipientKind} = 'internal' and ${t.organisationId} is null) or (${t.recipientKind} = 'external' and ${t.organisationId} is not null)`,
    ),
    check(
      "referrals_override_shape",
      sql`(${t.consentOverrideReason} is null) = (${t.consentOverrideBy} is null) and (${t.consentOverrideBy} is null) = (${t.consentOverrideAt} is null)`,
    ),
  ],
);

/** Append-only history: every transition with who, when and the note. */
export const referralEvents = pgTable(
  "referral_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    event: referralEventEnum("event"),
    fromState: referralStateEnum("from_state"),
    toState: referralStateEnum("to_state").notNull(),
    /** Null for the application itself (deadline expiry). */
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: text("actor_role").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    note: text("note"),
  },
  (t) => [index("referral_events_referral_idx").on(t.referralId, t.at)],
);
