import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  AGENCIES,
  BIA_STATUSES,
  BID_OPTIONS,
  BID_REASONS,
  BID_STATUSES,
  OUTCOMES,
  POSITIONS,
  REVIEW_REASONS,
} from "../../lib/domain/bid/constants";
import type { BidReport, MissingReasons } from "../../lib/domain/bid/report";
import { beneficiaries } from "./beneficiaries";
import { users } from "./users";

export const biaStatusEnum = pgEnum("bia_status", BIA_STATUSES);
export const bidStatusEnum = pgEnum("bid_status", BID_STATUSES);
export const bidReasonEnum = pgEnum("bid_reason", BID_REASONS);
export const bidOptionEnum = pgEnum("bid_option", BID_OPTIONS);
export const bidPositionEnum = pgEnum("bid_position", POSITIONS);
export const bidOutcomeEnum = pgEnum("bid_outcome", OUTCOMES);
export const panelAgencyEnum = pgEnum("panel_agency", AGENCIES);
export const bidReviewReasonEnum = pgEnum("bid_review_reason", REVIEW_REASONS);

/** The structured Best Interests Assessment of an unaccompanied or separated child. */
export const bias = pgTable(
  "bias",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    status: biaStatusEnum("status").notNull().default("draft"),
    situation: text("situation").notNull().default(""),
    careArrangement: text("care_arrangement").notNull().default(""),
    tracingStatus: text("tracing_status").notNull().default(""),
    childViews: text("child_views").notNull().default(""),
    howHeard: text("how_heard").notNull().default(""),
    risks: text("risks").notNull().default(""),
    immediateNeeds: text("immediate_needs").notNull().default(""),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    returnReason: text("return_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("bias_beneficiary_idx").on(t.beneficiaryId, t.createdAt)],
);

/** One Best Interests Determination of a child, from "required" to the decision and its review. */
export const bids = pgTable(
  "bids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    biaId: uuid("bia_id")
      .notNull()
      .references(() => bias.id),
    status: bidStatusEnum("status").notNull().default("required"),
    reasons: bidReasonEnum("reasons").array().notNull(),
    reasonNote: text("reason_note").notNull(),
    requiredBy: uuid("required_by")
      .notNull()
      .references(() => users.id),
    requiredAt: timestamp("required_at", { withTimezone: true }).notNull().defaultNow(),
    report: jsonb("report").$type<BidReport>().notNull(),
    missingReasons: jsonb("missing_reasons").$type<MissingReasons>().notNull().default({}),
    /** The drafter of the report: presents it to the panel, never votes on it. */
    authorId: uuid("author_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    returnReason: text("return_reason"),
    /** Questions of a deferring panel, or why the BID was reopened: what the next draft must answer. */
    panelQuestions: text("panel_questions"),
    readyForPanelAt: timestamp("ready_for_panel_at", { withTimezone: true }),
    informedOn: date("informed_on", { mode: "string" }),
    informedHow: text("informed_how"),
    implementationPlan: text("implementation_plan"),
    followUp: text("follow_up"),
    reviewDate: date("review_date", { mode: "string" }),
    reviewReason: bidReviewReasonEnum("review_reason"),
    reviewDetail: text("review_detail"),
    reviewRequestedBy: uuid("review_requested_by").references(() => users.id),
    reviewRequestedAt: timestamp("review_requested_at", { withTimezone: true }),
    reviewResolution: text("review_resolution"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("bids_beneficiary_idx").on(t.beneficiaryId, t.createdAt),
    index("bids_status_idx").on(t.status),
    check("bids_reasons_present", sql`cardinality(${t.reasons}) > 0`),
  ],
);

/** Panel configuration: one row (id = 1), edited by an administrator. */
export const panelConfig = pgTable(
  "panel_config",
  {
    id: smallint("id").primaryKey().default(1),
    quorum: integer("quorum").notNull().default(3),
    requiredAgencies: panelAgencyEnum("required_agencies").array().notNull().default(sql`'{}'`),
    accessDays: integer("access_days").notNull().default(14),
    ageOutHorizonDays: integer("age_out_horizon_days").notNull().default(90),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("panel_config_single", sql`${t.id} = 1`),
    check("panel_config_quorum", sql`${t.quorum} between 2 and 20`),
    check(
      "panel_config_days",
      sql`${t.accessDays} between 0 and 365 and ${t.ageOutHorizonDays} between 0 and 365`,
    ),
  ],
);

/** Users with the bid_panel role sitting on the panel, with their agency; the chair is flagged. */
export const panelMembers = pgTable("panel_members", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  agency: panelAgencyEnum("agency").notNull(),
  isChair: boolean("is_chair").notNull().default(false),
  active: boolean("active").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const panelSessions = pgTable(
  "panel_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    sessionDate: date("session_date", { mode: "string" }).notNull(),
    chairId: uuid("chair_id")
      .notNull()
      .references(() => users.id),
    /** Members reach the agenda's reports only from this moment. */
    agendaPublishedAt: timestamp("agenda_published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("panel_sessions_date_idx").on(t.sessionDate)],
);

/** A case on a session's agenda. `decidedAt` starts the countdown of the members' access. */
export const panelAgendaItems = pgTable(
  "panel_agenda_items",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => panelSessions.id, { onDelete: "cascade" }),
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bids.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.bidId] }), index("panel_agenda_bid_idx").on(t.bidId)],
);

/** An invited member and their confidentiality undertaking for that session. */
export const panelInvitations = pgTable(
  "panel_invitations",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => panelSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    undertakingAcceptedAt: timestamp("undertaking_accepted_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("panel_invitations_user_idx").on(t.userId)],
);

/** A member's position on one case in one session; changeable until the decision. */
export const bidVotes = pgTable(
  "bid_votes",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => panelSessions.id, { onDelete: "cascade" }),
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bids.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    agency: panelAgencyEnum("agency").notNull(),
    position: bidPositionEnum("position"),
    option: bidOptionEnum("option"),
    reasons: text("reasons"),
    /** A declared conflict of interest: the member abstains and is not counted. */
    conflictDeclared: boolean("conflict_declared").notNull().default(false),
    conflictReason: text("conflict_reason"),
    decisionId: uuid("decision_id"),
    dissent: boolean("dissent"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.bidId, t.userId] }),
    check(
      "bid_votes_shape",
      sql`(${t.conflictDeclared} and ${t.position} is null and ${t.conflictReason} is not null) or (not ${t.conflictDeclared} and ${t.position} is not null and ${t.reasons} is not null)`,
    ),
  ],
);

export const bidDecisions = pgTable(
  "bid_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bids.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => panelSessions.id),
    outcome: bidOutcomeEnum("outcome").notNull(),
    chosenOption: bidOptionEnum("chosen_option"),
    conditions: text("conditions"),
    rationale: text("rationale").notNull(),
    questions: text("questions"),
    consensus: boolean("consensus").notNull(),
    /** Members present and voting, with their agency, as they were at the decision. */
    present: jsonb("present")
      .$type<Array<{ userId: string; name: string; agency: string; isChair: boolean }>>()
      .notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bid_decisions_bid_idx").on(t.bidId, t.decidedAt),
    uniqueIndex("bid_decisions_session_bid_key").on(t.sessionId, t.bidId),
    check(
      "bid_decisions_shape",
      sql`(${t.outcome} in ('approved','approved_with_conditions') and ${t.chosenOption} is not null) or ${t.outcome} in ('deferred','not_approved')`,
    ),
    check(
      "bid_decisions_conditions",
      sql`${t.outcome} <> 'approved_with_conditions' or ${t.conditions} is not null`,
    ),
  ],
);

/** Urgent protective action on a child's case; recorded whatever the state of a BID. */
export const emergencyActions = pgTable(
  "emergency_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    takenOn: date("taken_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("emergency_actions_beneficiary_idx").on(t.beneficiaryId, t.takenOn)],
);
