"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { activateCase } from "@/lib/dal/case-lifecycle/activate-case";
import { addGoal } from "@/lib/dal/case-lifecycle/add-goal";
import { addNote } from "@/lib/dal/case-lifecycle/add-note";
import { addPlanAction } from "@/lib/dal/case-lifecycle/add-plan-action";
import { addTask } from "@/lib/dal/case-lifecycle/add-task";
import { decideClosure } from "@/lib/dal/case-lifecycle/decide-closure";
import { editNote } from "@/lib/dal/case-lifecycle/edit-note";
import { reopenCase } from "@/lib/dal/case-lifecycle/reopen-case";
import { requestClosure } from "@/lib/dal/case-lifecycle/request-closure";
import { setPlanActionDone } from "@/lib/dal/case-lifecycle/set-plan-action-done";
import { setTaskDone } from "@/lib/dal/case-lifecycle/set-task-done";
import { updateGoal } from "@/lib/dal/case-lifecycle/update-goal";
import type {
  AddGoalInput,
  AddNoteInput,
  AddPlanActionInput,
  AddTaskInput,
  DecideClosureInput,
  EditNoteInput,
  ReopenInput,
  RequestClosureInput,
  SetDoneInput,
  UpdateGoalInput,
} from "@/lib/validation/case-lifecycle";
import type { ActionResult } from "@/lib/validation/common";

// Each action is a public endpoint: the DAL parses the input and checks the actor and scope.

async function refreshed<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  // A status change shows on the case, the case list, the home page and the queue alike.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addGoalAction(input: AddGoalInput) {
  return refreshed(await runAction((ctx) => addGoal(ctx, input)));
}

export async function updateGoalAction(input: UpdateGoalInput) {
  return refreshed(await runAction((ctx) => updateGoal(ctx, input)));
}

export async function addPlanActionAction(input: AddPlanActionInput) {
  return refreshed(await runAction((ctx) => addPlanAction(ctx, input)));
}

export async function setPlanActionDoneAction(input: SetDoneInput) {
  return refreshed(await runAction((ctx) => setPlanActionDone(ctx, input)));
}

export async function addTaskAction(input: AddTaskInput) {
  return refreshed(await runAction((ctx) => addTask(ctx, input)));
}

export async function setTaskDoneAction(input: SetDoneInput) {
  return refreshed(await runAction((ctx) => setTaskDone(ctx, input)));
}

export async function addNoteAction(input: AddNoteInput) {
  return refreshed(await runAction((ctx) => addNote(ctx, input)));
}

export async function editNoteAction(input: EditNoteInput) {
  return refreshed(await runAction((ctx) => editNote(ctx, input)));
}

export async function activateCaseAction(beneficiaryId: string) {
  return refreshed(await runAction((ctx) => activateCase(ctx, beneficiaryId)));
}

export async function requestClosureAction(input: RequestClosureInput) {
  return refreshed(await runAction((ctx) => requestClosure(ctx, input)));
}

export async function decideClosureAction(input: DecideClosureInput) {
  return refreshed(await runAction((ctx) => decideClosure(ctx, input)));
}

export async function reopenCaseAction(input: ReopenInput) {
  return refreshed(await runAction((ctx) => reopenCase(ctx, input)));
}
