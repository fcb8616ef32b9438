import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Days a closed case of a record category is kept before anonymisation (lib/domain/retention.ts). */
export const retentionPolicies = pgTable("retention_policies", {
  category: text("category").primaryKey(),
  days: integer("days").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Cases anonymised by the retention run, and under which category's period. */
export const anonymisations = pgTable("anonymisations", {
  beneficiaryId: uuid("beneficiary_id").primaryKey(),
  category: text("category").notNull(),
  anonymisedAt: timestamp("anonymised_at", { withTimezone: true }).notNull().defaultNow(),
});
