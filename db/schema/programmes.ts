import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { ASSISTANCE_TYPES, COUNTING_RULES, DETENTION_FILTERS } from "../../lib/domain/assistance";
import { populationTypeEnum } from "./beneficiaries";
import { users } from "./users";

export const assistanceTypeEnum = pgEnum("assistance_type", ASSISTANCE_TYPES);
export const detentionFilterEnum = pgEnum("detention_filter", DETENTION_FILTERS);
export const countingRuleEnum = pgEnum("counting_rule", COUNTING_RULES);

/** The mission's programmes and their funding, seeded from the activity plan. */
export const programmes = pgTable("programmes", {
  code: varchar("code", { length: 12 }).primaryKey(),
  name: text("name").notNull(),
  fundingUsd: bigint("funding_usd", { mode: "number" }).notNull().default(0),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Reporting periods that carry targets; the plan period 2019-2021 is the first. */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: varchar("code", { length: 32 }).notNull(),
    label: text("label").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reporting_periods_code_key").on(t.code),
    check("reporting_periods_order", sql`${t.startDate} <= ${t.endDate}`),
  ],
);

/** Each catalogue type belongs to one programme. */
export const assistanceTypes = pgTable("assistance_types", {
  code: assistanceTypeEnum("code").primaryKey(),
  programmeCode: varchar("programme_code", { length: 12 })
    .notNull()
    .references(() => programmes.code),
  sortOrder: integer("sort_order").notNull().default(0),
});

/**
 * An indicator's definition is data: which types count, and which services are eligible on their
 * date (population type, age band, detention). Changing it rebuilds the indicator's facts.
 */
export const indicators = pgTable(
  "indicators",
  {
    code: varchar("code", { length: 40 }).primaryKey(),
    programmeCode: varchar("programme_code", { length: 12 })
      .notNull()
      .references(() => programmes.code),
    label: text("label").notNull(),
    /** Empty means any population type. */
    populationTypes: populationTypeEnum("population_types").array().notNull().default(sql`'{}'`),
    ageMin: integer("age_min"),
    ageMax: integer("age_max"),
    detention: detentionFilterEnum("detention").notNull().default("any"),
    countingRule: countingRuleEnum("counting_rule").notNull().default("distinct_people"),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("indicators_code_shape", sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`),
    check(
      "indicators_age_band",
      sql`(${t.ageMin} is null or ${t.ageMin} >= 0) and (${t.ageMax} is null or ${t.ageMax} >= 0) and (${t.ageMin} is null or ${t.ageMax} is null or ${t.ageMin} <= ${t.ageMax})`,
    ),
  ],
);

export const indicatorAssistanceTypes = pgTable(
  "indicator_assistance_types",
  {
    indicatorCode: varchar("indicator_code", { length: 40 })
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    assistanceType: assistanceTypeEnum("assistance_type")
      .notNull()
      .references(() => assistanceTypes.code),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.assistanceType] })],
);

export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    indicatorCode: varchar("indicator_code", { length: 40 })
      .notNull()
      .references(() => indicators.code, { onDelete: "cascade" }),
    periodId: uuid("period_id")
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: "cascade" }),
    target: integer("target").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorCode, t.periodId] }),
    check("indicator_targets_non_negative", sql`${t.target} >= 0`),
  ],
);

/** Donor projects (grants) a service can be charged to. */
export const donorProjects = pgTable(
  "donor_projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: varchar("code", { length: 16 }).notNull(),
    title: text("title").notNull(),
    donor: text("donor").notNull(),
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("donor_projects_code_key").on(t.code)],
);

/** Single-row settings of the roll-up; the small-cell threshold is configurable. */
export const rollupSettings = pgTable(
  "rollup_settings",
  {
    id: integer("id").primaryKey().default(1),
    suppressionThreshold: integer("suppression_threshold").notNull().default(5),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("rollup_settings_single_row", sql`${t.id} = 1`),
    check("rollup_settings_threshold", sql`${t.suppressionThreshold} between 1 and 100`),
  ],
);
