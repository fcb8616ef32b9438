import { sql } from "drizzle-orm";
import {
  boolean,
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
import { IMPORT_MODES, IMPORT_STATUSES } from "../../lib/domain/import/fields";
import { offices } from "./reference";
import { users } from "./users";

export const importModeEnum = pgEnum("import_mode", IMPORT_MODES);
export const importStatusEnum = pgEnum("import_status", IMPORT_STATUSES);

/** A named column mapping saved by an office for files exported from the same form. */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeCode: varchar("office_code", { length: 3 })
      .notNull()
      .references(() => offices.code),
    name: text("name").notNull(),
    /** Sanad field → source column header, and per-field value synonyms. No personal data. */
    mapping: jsonb("mapping").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("import_mappings_office_name_key").on(t.officeCode, t.name)],
);

/**
 * One import attempt. The file itself is never stored: only its name, hash, counts and a report
 * of row numbers, columns and message keys (no personal values).
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officeCode: varchar("office_code", { length: 3 })
      .notNull()
      .references(() => offices.code),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** Who owns the cases created by this import. */
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    mode: importModeEnum("mode").notNull(),
    status: importStatusEnum("status").notNull().default("running"),
    phase: text("phase").notNull().default("parsing"),
    allowDuplicates: boolean("allow_duplicates").notNull().default(false),
    duplicateReason: text("duplicate_reason"),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    duplicateCount: integer("duplicate_count").notNull().default(0),
    importedCount: integer("imported_count").notNull().default(0),
    report: jsonb("report").notNull().default(sql`'{}'::jsonb`),
    /** Refreshed by the worker between batches; a running job whose heartbeat stops has died. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("import_jobs_office_created_idx").on(t.officeCode, t.createdAt.desc())],
);
