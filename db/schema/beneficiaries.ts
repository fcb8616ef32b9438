import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
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
  CASE_STATUSES,
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  POPULATION_TYPES,
  SEXES,
  UASC_STATUSES,
} from "../../lib/domain/beneficiary";
import { baladiyas, countries, offices } from "./reference";
import { users } from "./users";

export const sexEnum = pgEnum("sex", SEXES);
export const populationTypeEnum = pgEnum("population_type", POPULATION_TYPES);
export const uascStatusEnum = pgEnum("uasc_status", UASC_STATUSES);
export const caseStatusEnum = pgEnum("case_status", CASE_STATUSES);
export const consentPurposeEnum = pgEnum("consent_purpose", CONSENT_PURPOSES);
export const consentGiverEnum = pgEnum("consent_giver", CONSENT_GIVERS);

export const beneficiaries = pgTable(
  "beneficiaries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * Registration order as a number: with the name's trigram distance it gives the case search a
     * total order that the GiST index can return nearest-first (ties in distance by this column).
     */
    searchSeq: bigint("search_seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    caseNumber: varchar("case_number", { length: 13 }).notNull(),
    familyName: text("family_name").notNull(),
    givenNames: text("given_names").notNull(),
    nameAr: text("name_ar"),
    /** Spelling-variant key (lib/domain/names.ts) compared by trigram similarity. */
    nameKey: text("name_key").notNull(),
    /**
     * The name key's trigrams folded into 64 bits, and how many there are: the duplicate check rules
     * out most candidates with these before it scores their names (lib/dal/beneficiaries/find-duplicates.ts).
     */
    nameSignature: bigint("name_signature", { mode: "bigint" })
      .notNull()
      .generatedAlwaysAs(sql`name_trigram_signature(name_key)`),
    nameTrigrams: smallint("name_trigrams")
      .notNull()
      .generatedAlwaysAs(sql`cardinality(public.show_trgm(name_key))::smallint`),
    sex: sexEnum("sex").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    dobEstimated: boolean("dob_estimated").notNull().default(false),
    nationality: char("nationality", { length: 3 })
      .notNull()
      .references(() => countries.code),
    populationType: populationTypeEnum("population_type").notNull(),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    phone: text("phone"),
    baladiyaPcode: varchar("baladiya_pcode", { length: 8 })
      .notNull()
      .references(() => baladiyas.pcode),
    detained: boolean("detained").notNull().default(false),
    detentionCentre: text("detention_centre"),
    detainedSince: date("detained_since", { mode: "string" }),
    uascStatus: uascStatusEnum("uasc_status"),
    vulnerabilities: text("vulnerabilities").array().notNull().default(sql`'{}'::text[]`),
    officeCode: varchar("office_code", { length: 3 })
      .notNull()
      .references(() => offices.code),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    status: caseStatusEnum("status").notNull().default("open"),
    /** Why the caseworker registered despite likely duplicates, with the case numbers they saw. */
    duplicateOverrideReason: text("duplicate_override_reason"),
    duplicateCandidates: text("duplicate_candidates").array(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("beneficiaries_case_number_key").on(t.caseNumber),
    // Nearest names first within an office, ties in registration order: a name search reads a
    // page's worth in its final order, not every match.
    index("beneficiaries_office_name_knn").using(
      "gist",
      t.officeCode,
      sql`${t.nameKey} gist_trgm_ops`,
      t.searchSeq,
    ),
    // The case list's order exactly (newest first, ties by id; DESC is NULLS FIRST in SQL), so a
    // filtered page walks the newest cases instead of sorting every match.
    index("beneficiaries_office_created_idx").on(
      t.officeCode,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("beneficiaries_owner_created_idx").on(
      t.ownerId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // A caseworker's name search compares signatures and scores the names of their own cases from
    // this index alone, and sorts the matches by distance and search_seq before it reads any:
    // nearest-first through the office's GiST index would pass over everyone else's cases of that
    // name first.
    index("beneficiaries_owner_name_idx").on(
      t.ownerId,
      t.nameKey,
      t.id,
      t.nameSignature,
      t.nameTrigrams,
      t.searchSeq,
    ),
    // The duplicate check reads candidates of one nationality, sex and birth window, compares their
    // signatures and scores the names that pass, from the index alone (an index-only scan).
    index("beneficiaries_dup_idx").on(
      t.nationality,
      t.sex,
      t.dateOfBirth,
      t.nameKey,
      t.id,
      t.nameSignature,
      t.nameTrigrams,
    ),
    index("beneficiaries_baladiya_idx").on(t.baladiyaPcode),
    check(
      "beneficiaries_detention_shape",
      sql`(${t.detained} and ${t.detentionCentre} is not null and ${t.detainedSince} is not null) or (not ${t.detained} and ${t.detentionCentre} is null and ${t.detainedSince} is null)`,
    ),
  ],
);

/** Other caseworkers assigned to a case besides its owner. */
export const caseAssignments = pgTable(
  "case_assignments",
  {
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    assignedBy: uuid("assigned_by")
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.beneficiaryId, t.userId] }),
    index("case_assignments_user_idx").on(t.userId),
  ],
);

/**
 * Consent per purpose. One row per purpose and beneficiary holds the current state; a change
 * writes a new row and marks the previous one superseded, so the history of who consented when is kept.
 */
export const consents = pgTable(
  "consents",
  {
    // Time-ordered (migration 0037): an import adds four consents a person to the right edge of
    // this key, not to a random leaf each.
    id: uuid("id").primaryKey().default(sql`uuid_v7()`),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    purpose: consentPurposeEnum("purpose").notNull(),
    granted: boolean("granted").notNull(),
    givenBy: consentGiverEnum("given_by"),
    givenOn: date("given_on", { mode: "string" }),
    /** Set when consent could not be obtained and vital interest is the legal basis. */
    vitalInterestReason: text("vital_interest_reason"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("consents_current_key").on(t.beneficiaryId, t.purpose).where(sql`${t.supersededAt} is null`),
    check(
      "consents_basis",
      sql`(${t.granted} and ${t.givenBy} is not null and ${t.givenOn} is not null) or (not ${t.granted})`,
    ),
  ],
);
