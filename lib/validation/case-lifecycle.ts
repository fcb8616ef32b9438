import { z } from "zod";
import { PLAN_GOAL_STATUSES } from "../domain/case-plan";
import { CLOSURE_REASONS, MIN_REASON_LENGTH } from "../domain/case-status";
import { isoDate, optionalText, requiredText, uuid } from "./common";

const version = z.coerce.number().int().positive();

/** A written justification: at least MIN_REASON_LENGTH characters once trimmed. */
const reason = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .min(MIN_REASON_LENGTH, "reasonTooShort")
    .max(max, "tooLong");

export const addGoalSchema = z.object({ beneficiaryId: uuid, goal: requiredText(500) });
export type AddGoalInput = z.input<typeof addGoalSchema>;

export const updateGoalSchema = z.object({
  id: uuid,
  version,
  goal: requiredText(500),
  status: z.enum(PLAN_GOAL_STATUSES, { error: "required" }),
});
export type UpdateGoalInput = z.input<typeof updateGoalSchema>;

export const addPlanActionSchema = z.object({
  goalId: uuid,
  description: requiredText(500),
  ownerId: z.uuid({ error: "required" }),
  dueDate: isoDate,
});
export type AddPlanActionInput = z.input<typeof addPlanActionSchema>;

/** Marks a plan action or a task done, or open again. */
export const setDoneSchema = z.object({ id: uuid, version, done: z.boolean() });
export type SetDoneInput = z.input<typeof setDoneSchema>;

export const addTaskSchema = z.object({
  beneficiaryId: uuid,
  title: requiredText(300),
  dueDate: isoDate,
  assigneeId: z.uuid({ error: "required" }),
});
export type AddTaskInput = z.input<typeof addTaskSchema>;

export const addNoteSchema = z.object({ beneficiaryId: uuid, body: requiredText(10_000) });
export type AddNoteInput = z.input<typeof addNoteSchema>;

export const editNoteSchema = z.object({ id: uuid, version, body: requiredText(10_000) });
export type EditNoteInput = z.input<typeof editNoteSchema>;

export const requestClosureSchema = z.object({
  beneficiaryId: uuid,
  reason: z.enum(CLOSURE_REASONS, { error: "required" }),
  note: optionalText(2000),
});
export type RequestClosureInput = z.input<typeof requestClosureSchema>;

export const decideClosureSchema = z.discriminatedUnion("decision", [
  z.object({
    requestId: uuid,
    version,
    decision: z.literal("approve"),
    /** Required by the DAL only when referrals are still open. */
    overrideReason: optionalText(2000),
  }),
  z.object({ requestId: uuid, version, decision: z.literal("reject"), note: reason(2000) }),
]);
export type DecideClosureInput = z.input<typeof decideClosureSchema>;

export const reopenSchema = z.object({ beneficiaryId: uuid, reason: reason(2000) });
export type ReopenInput = z.input<typeof reopenSchema>;
