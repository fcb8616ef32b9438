"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { correctAssistance } from "@/lib/dal/assistance/correct-assistance";
import { recordAssistance } from "@/lib/dal/assistance/record-assistance";
import type { CorrectAssistanceInput, RecordAssistanceInput } from "@/lib/validation/assistance";
import type { ActionResult } from "@/lib/validation/common";

// Public endpoints: the DAL parses the input and checks the actor and the case's scope.

export async function recordAssistanceAction(
  input: RecordAssistanceInput,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction((ctx) => recordAssistance(ctx, input));
  if (result.ok) revalidatePath(`/cases/${input.beneficiaryId}/assistance`);
  return result;
}

export async function correctAssistanceAction(
  beneficiaryId: string,
  input: CorrectAssistanceInput,
): Promise<ActionResult<{ voidedId: string; replacementId: string | null }>> {
  const result = await runAction((ctx) => correctAssistance(ctx, input));
  if (result.ok) revalidatePath(`/cases/${beneficiaryId}/assistance`);
  return result;
}
