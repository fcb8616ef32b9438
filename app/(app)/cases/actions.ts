"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { reassignBeneficiary } from "@/lib/dal/beneficiaries/reassign-beneficiary";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { setCaseAssignment } from "@/lib/dal/beneficiaries/set-case-assignment";
import { updateBeneficiary } from "@/lib/dal/beneficiaries/update-beneficiary";
import type { AssignmentInput } from "@/lib/validation/assignment";
import type { RegistrationInput, UpdateBeneficiaryInput } from "@/lib/validation/beneficiary";
import type { ActionResult } from "@/lib/validation/common";

// Each action is a public endpoint: the DAL parses the input and checks the actor and scope.

export async function registerAction(
  input: RegistrationInput,
): Promise<ActionResult<{ id: string; caseNumber: string }>> {
  return runAction((ctx) => registerBeneficiary(ctx, input));
}

export async function updateAction(
  input: UpdateBeneficiaryInput,
): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((ctx) => updateBeneficiary(ctx, input));
  if (result.ok) revalidatePath(`/cases/${input.id}`);
  return result;
}

export async function reassignAction(input: {
  id: string;
  version: number;
  ownerId: string;
}): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((ctx) => reassignBeneficiary(ctx, input));
  if (result.ok) revalidatePath(`/cases/${input.id}`);
  return result;
}

export async function setAssignmentAction(
  input: AssignmentInput,
): Promise<ActionResult<{ assigned: boolean }>> {
  const result = await runAction((ctx) => setCaseAssignment(ctx, input));
  if (result.ok) revalidatePath(`/cases/${input.id}`);
  return result;
}
