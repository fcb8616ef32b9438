import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { roleEnum, users } from "./users";

/**
 * Sign-in attempts per key ("ip:…" or "email:…") in fixed windows, in the database so that every
 * application instance sees the same counts.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [index("sign_in_attempts_window_idx").on(t.windowStart)],
);

/** A user's TOTP secret, encrypted (AES-256-GCM, key derived from AUTH_SECRET). */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEnc: text("secret_enc").notNull(),
  /** Null until the user proved they can generate codes. */
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /** The last accepted time step, so a code cannot be replayed. */
  lastStep: integer("last_step"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Per-role security settings chosen by the administrator. */
export const roleSecurityPolicies = pgTable("role_security_policies", {
  role: roleEnum("role").primaryKey(),
  requireTotp: boolean("require_totp").notNull().default(false),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One-time recovery codes for a user's TOTP, stored as keyed hashes (HMAC-SHA256 with a key derived
 * from AUTH_SECRET): the codes are random (80 bits), so a slow hash adds nothing, and without the
 * key a copy of the table cannot be searched offline. `used_at` makes each code single use.
 */
export const userTotpRecoveryCodes = pgTable(
  "user_totp_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_totp_recovery_codes_hash_idx").on(t.userId, t.codeHash)],
);
