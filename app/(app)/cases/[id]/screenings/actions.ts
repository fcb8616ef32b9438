"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { type DecidedSuggestion, decideSuggestion } from "@/lib/dal/screenings/decide-suggestion";
import { type RecordedScreening, recordScreening } from "@/lib/dal/screenings/record-screening";
import type { ActionResult } from "@/lib/validation/common";
import type { DecideSuggestionInput, RecordScreeningInput } from "@/lib/validation/screening";

// Public endpoints: the DAL validates the answers with the instrument's schema and computes the outcome.

export async function recordScreeningAction(
  input: RecordScreeningInput,
): Promise<ActionResult<RecordedScreening>> {
  const result = await runAction((ctx) => recordScreening(ctx, input));
  if (result.ok) revalidatePath(`/cases/${result.data.beneficiaryId}/screenings`);
  return result;
}

export async function decideSuggestionAction(
  input: DecideSuggestionInput,
): Promise<ActionResult<DecidedSuggestion>> {
  const result = await runAction((ctx) => decideSuggestion(ctx, input));
  if (result.ok) revalidatePath(`/cases/${result.data.beneficiaryId}/screenings`);
  return result;
}
