import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { beneficiaries, populationTypeEnum, sexEnum } from "./beneficiaries";
import { assistanceTypeEnum, donorProjects, programmes } from "./programmes";
import { baladiyas, offices } from "./reference";
import { users } from "./users";

/**
 * A service delivered to a person: the event the roll-up counts. Rows are immutable (a trigger
 * refuses updates and deletes); a correction voids the row with a reason and may add a replacement
 * that points back at it. Eligibility facts are snapshots taken at the date of service.
 */
export const assistanceRecords = pgTable(
  "assistance_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    assistanceType: assistanceTypeEnum("assistance_type").notNull(),
    programmeCode: varchar("programme_code", { length: 12 })
      .notNull()
      .references(() => programmes.code),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    baladiyaPcode: varchar("baladiya_pcode", { length: 8 })
      .notNull()
      .references(() => baladiyas.pcode),
    officeCode: varchar("office_code", { length: 3 })
      .notNull()
      .references(() => offices.code),
    quantity: integer("quantity").notNull().default(1),
    donorProjectId: uuid("donor_project_id").references(() => donorProjects.id),
    providedBy: uuid("provided_by")
      .notNull()
      .references(() => users.id),
    /** The referral this service came from, when recorded from a completed referral. */
    referralId: uuid("referral_id"),
    populationType: populationTypeEnum("population_type").notNull(),
    detainedAtService: boolean("detained_at_service").notNull(),
    ageAtService: integer("age_at_service").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedBy: uuid("voided_by").references(() => users.id),
    voidReason: text("void_reason"),
    /** Set on a replacement: the voided record it corrects. */
    replacesId: uuid("replaces_id"),
  },
  (t) => [
    index("assistance_records_beneficiary_idx").on(t.beneficiaryId, t.serviceDate.desc()),
    index("assistance_records_service_date_idx").on(t.serviceDate).where(sql`${t.voidedAt} is null`),
    index("assistance_records_referral_idx").on(t.referralId).where(sql`${t.referralId} is not null`),
    uniqueIndex("assistance_records_replaces_key").on(t.replacesId).where(sql`${t.replacesId} is not null`),
    check("assistance_records_quantity", sql`${t.quantity} between 1 and 100000`),
    check("assistance_records_age", sql`${t.ageAtService} between 0 and 130`),
    check(
      "assistance_records_void_shape",
      sql`(${t.voidedAt} is null and ${t.voidedBy} is null and ${t.voidReason} is null) or (${t.voidedAt} is not null and ${t.voidedBy} is not null and length(${t.voidReason}) >= 10)`,
    ),
  ],
);

/**
 * Maintained counting facts: one row per indicator, person, month and place/office/project, with
 * the first qualifying service in that group and who the person was on that date. Kept exact by
 * triggers in the same transaction as every change of assistance, of a person's biodata or of an
 * indicator definition, so the dashboard reads people reached rather than every event.
 */
export const rollupFacts = pgTable(
  "rollup_facts",
  {
    indicatorCode: varchar("indicator_code", { length: 40 }).notNull(),
    beneficiaryId: uuid("beneficiary_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    firstDate: date("first_date", { mode: "string" }).notNull(),
    baladiyaPcode: varchar("baladiya_pcode", { length: 8 }).notNull(),
    mantikaPcode: varchar("mantika_pcode", { length: 6 }).notNull(),
    regionPcode: varchar("region_pcode", { length: 4 }).notNull(),
    officeCode: varchar("office_code", { length: 3 }).notNull(),
    donorProjectId: uuid("donor_project_id"),
    sex: sexEnum("sex").notNull(),
    nationality: char("nationality", { length: 3 }).notNull(),
    populationType: populationTypeEnum("population_type").notNull(),
    ageAt: integer("age_at").notNull(),
    detained: boolean("detained").notNull(),
  },
  (t) => [
    index("rollup_facts_indicator_month_idx").on(t.indicatorCode, t.month),
    index("rollup_facts_mantika_month_idx").on(t.mantikaPcode, t.month),
    index("rollup_facts_office_month_idx").on(t.officeCode, t.month),
    index("rollup_facts_beneficiary_idx").on(t.beneficiaryId),
  ],
);

export type AssistanceRecordRow = typeof assistanceRecords.$inferSelect;

/**
 * The ranges whose distinct counts are maintained in `rollup_cells`: every whole-month reporting
 * period (the plan among them) and every calendar year they touch. Other views are counted live.
 */
export const rollupCellRanges = pgTable(
  "rollup_cell_ranges",
  {
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.startDate, t.endDate] })],
);

/**
 * Maintained distinct counts: how many people one cell of the dashboard counts, for a maintained
 * range and a scope: all offices and places (''), one office (its code, three letters) or one
 * mantika, all offices (its P-code, LY and four digits; the reference tables' checks keep the two
 * apart). `dim` is 'mission', 'programme' (subject = programme),
 * 'indicator' (subject = indicator, the total) or one of an indicator's breakdowns. Each person's
 * contribution to a cell is 0 or 1 and depends only on their own facts, so the triggers keep the
 * counts exact by subtracting a person's contributions before their facts change and adding them
 * after, in the same transaction.
 */
export const rollupCells = pgTable(
  "rollup_cells",
  {
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    scope: varchar("scope", { length: 6 }).notNull(),
    dim: varchar("dim", { length: 16 }).notNull(),
    subject: varchar("subject", { length: 40 }).notNull(),
    key: varchar("key", { length: 40 }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.startDate, t.endDate, t.scope, t.dim, t.subject, t.key] })],
);
