import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { beneficiaries } from "./beneficiaries";
import { sensitiveCategoryEnum, users } from "./users";

/**
 * Break-glass: a user with access to a case but without a sensitive category's grant opened that
 * category of that one case, with a written reason. The grant lasts until expires_at (the end of
 * a session, 8 hours) and is shown to the office's supervisor until reviewed.
 */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    category: sensitiveCategoryEnum("category").notNull(),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    index("break_glass_lookup_idx").on(t.beneficiaryId, t.userId, t.category, t.expiresAt),
    index("break_glass_user_idx").on(t.userId, t.grantedAt),
  ],
);
