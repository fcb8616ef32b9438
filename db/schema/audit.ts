import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Who read or changed what. Written in the same transaction as the use case it records.
 * Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, and the application role holds only
 * INSERT and SELECT. Each row is linked to the previous one (hash = sha256(prev_hash || canonical
 * row)), in chain_seq order, after its transaction commits (migration 0027): a row is written
 * "pending" (chain_seq null; the insert trigger forces it), and the database's linker,
 * audit_chain_link_pending(), serialised on audit_chain_head, fills the three chain columns. That
 * one change, and only inside the linker, is what the append-only trigger lets through.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    ip: text("ip"),
    /** Field names, counts and reasons; changed values live in audit_event_values. */
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
    /** Raised for reads an overseer must review (break-glass). */
    flagged: boolean("flagged").notNull().default(false),
    /** Null until the row is linked into the chain. */
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entity, t.entityId, t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
    index("audit_events_at_idx").on(t.at),
    // The linker's work list.
    index("audit_events_unlinked_idx").on(t.id).where(sql`${t.chainSeq} is null`),
  ],
);

/** The end of the chain: one row, moved by the linker, so tail truncation is detectable too. */
export const auditChainHead = pgTable("audit_chain_head", {
  id: integer("id").primaryKey().default(1),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
  lastHash: text("last_hash").notNull(),
});

/**
 * Before/after values of the fields a write changed. Kept apart from the chained row so that
 * retention can erase personal values without breaking the chain: the row keeps a sha256 digest
 * of these values (detail.valuesDigest), which verification checks while the values exist.
 */
export const auditEventValues = pgTable("audit_event_values", {
  eventId: bigint("event_id", { mode: "number" })
    .primaryKey()
    .references(() => auditEvents.id),
  changes: jsonb("changes").notNull(),
});
