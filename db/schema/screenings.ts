import { sql } from "drizzle-orm";
import {
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
} from "drizzle-orm/pg-core";
import { INSTRUMENTS, SERVICES, SUGGESTION_STATUSES, URGENCIES } from "../../lib/domain/screenings/types";
import { beneficiaries } from "./beneficiaries";
import { sensitiveCategoryEnum, users } from "./users";

export const screeningInstrumentEnum = pgEnum("screening_instrument", INSTRUMENTS);
export const suggestionServiceEnum = pgEnum("suggestion_service", SERVICES);
export const suggestionUrgencyEnum = pgEnum("suggestion_urgency", URGENCIES);
export const suggestionStatusEnum = pgEnum("suggestion_status", SUGGESTION_STATUSES);

/**
 * One completed screening, read forever with the definition of its own instrument version
 * (lib/domain/screenings). Never updated: a correction is a new screening (a trigger refuses updates).
 */
export const screenings = pgTable(
  "screenings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    instrument: screeningInstrumentEnum("instrument").notNull(),
    version: integer("version").notNull(),
    answers: jsonb("answers").notNull(),
    /** Computed on the server by the version's rules. */
    outcome: text("outcome").notNull(),
    /** { reasons, flags, conditions?, recheckDate? } as computed with the outcome. */
    outcomeDetail: jsonb("outcome_detail").notNull(),
    sensitiveCategory: sensitiveCategoryEnum("sensitive_category"),
    screenedOn: date("screened_on", { mode: "string" }).notNull(),
    /** Fit-to-travel clearances lapse. */
    validUntil: timestamp("valid_until", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("screenings_beneficiary_idx").on(t.beneficiaryId, t.screenedOn.desc(), t.createdAt.desc()),
    check("screenings_version_positive", sql`${t.version} > 0`),
  ],
);

/** A service a screening's outcome points to; the caseworker confirms or dismisses it, once. */
export const screeningSuggestions = pgTable(
  "screening_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    screeningId: uuid("screening_id")
      .notNull()
      .references(() => screenings.id),
    service: suggestionServiceEnum("service").notNull(),
    urgency: suggestionUrgencyEnum("urgency").notNull(),
    reasonKey: text("reason_key").notNull(),
    status: suggestionStatusEnum("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    dismissReason: text("dismiss_reason"),
  },
  (t) => [
    uniqueIndex("screening_suggestions_service_key").on(t.screeningId, t.service),
    check(
      "screening_suggestions_decision_shape",
      sql`(${t.status} = 'pending' and ${t.decidedBy} is null and ${t.decidedAt} is null and ${t.dismissReason} is null)
        or (${t.status} = 'confirmed' and ${t.decidedBy} is not null and ${t.decidedAt} is not null and ${t.dismissReason} is null)
        or (${t.status} = 'dismissed' and ${t.decidedBy} is not null and ${t.decidedAt} is not null and ${t.dismissReason} is not null)`,
    ),
  ],
);
