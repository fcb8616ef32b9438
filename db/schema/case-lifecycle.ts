import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { PLAN_ACTION_STATUSES, PLAN_GOAL_STATUSES } from "../../lib/domain/case-plan";
import { CLOSURE_REASONS } from "../../lib/domain/case-status";
import { beneficiaries, caseStatusEnum } from "./beneficiaries";
import { users } from "./users";

export const closureReasonEnum = pgEnum("closure_reason", CLOSURE_REASONS);
export const closureDecisionEnum = pgEnum("closure_decision", ["approved", "rejected"]);
export const planGoalStatusEnum = pgEnum("plan_goal_status", PLAN_GOAL_STATUSES);
export const planActionStatusEnum = pgEnum("plan_action_status", PLAN_ACTION_STATUSES);

// Casework rows keep their case: a case is anonymised at the end of retention, never deleted,
// so none of these cascade from beneficiaries.

/** What the case plan aims at, agreed with the person. */
export const casePlanGoals = pgTable(
  "case_plan_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    goal: text("goal").notNull(),
    status: planGoalStatusEnum("status").notNull().default("open"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("case_plan_goals_beneficiary_idx").on(t.beneficiaryId, t.createdAt)],
);

/** A step towards a goal, with who does it and by when. */
export const casePlanActions = pgTable(
  "case_plan_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => casePlanGoals.id),
    description: text("description").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: planActionStatusEnum("status").notNull().default("open"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("case_plan_actions_goal_idx").on(t.goalId, t.dueDate),
    check("case_plan_actions_done_shape", sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
  ],
);

/** A follow-up to do on the case (call back, home visit, check a referral). */
export const caseTasks = pgTable(
  "case_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => users.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("case_tasks_beneficiary_idx").on(t.beneficiaryId, t.dueDate),
    index("case_tasks_assignee_open_idx").on(t.assigneeId, t.dueDate).where(sql`${t.doneAt} is null`),
    check("case_tasks_done_shape", sql`(${t.doneAt} is null) = (${t.doneBy} is null)`),
  ],
);

/**
 * Case notes: never deleted (a trigger refuses DELETE and TRUNCATE, and forbids changing who wrote
 * a note, on which case and when); the author may edit the body within a short window.
 */
export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("case_notes_beneficiary_idx").on(t.beneficiaryId, t.createdAt)],
);

/** A caseworker's (or supervisor's) request to close a case, and the supervisor's decision on it. */
export const closureRequests = pgTable(
  "closure_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    reason: closureReasonEnum("reason").notNull(),
    note: text("note"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    /** Open referrals when the request was made: what the requester was warned about. */
    openReferralsAtRequest: integer("open_referrals_at_request").notNull().default(0),
    decision: closureDecisionEnum("decision"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    /** Why the supervisor closed despite open referrals; set only when there were some. */
    overrideReason: text("override_reason"),
    openReferralsAtDecision: integer("open_referrals_at_decision"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("closure_requests_one_pending_key").on(t.beneficiaryId).where(sql`${t.decision} is null`),
    index("closure_requests_beneficiary_idx").on(t.beneficiaryId, t.requestedAt),
    check(
      "closure_requests_decision_shape",
      sql`(${t.decision} is null) = (${t.decidedBy} is null) and (${t.decision} is null) = (${t.decidedAt} is null)`,
    ),
  ],
);

/** Every status change of a case, with who made it and why: the case's history. */
export const caseStatusChanges = pgTable(
  "case_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    fromStatus: caseStatusEnum("from_status").notNull(),
    toStatus: caseStatusEnum("to_status").notNull(),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    closureRequestId: uuid("closure_request_id").references(() => closureRequests.id),
    note: text("note"),
  },
  (t) => [index("case_status_changes_beneficiary_idx").on(t.beneficiaryId, t.changedAt)],
);
