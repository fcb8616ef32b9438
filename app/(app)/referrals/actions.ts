"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { overrideConsent } from "@/lib/dal/referrals/override-consent";
import { savePartnerOrganisation } from "@/lib/dal/referrals/save-partner-organisation";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { updateDeadlineSettings } from "@/lib/dal/referrals/update-deadline-settings";
import { updateReferral } from "@/lib/dal/referrals/update-referral";
import type { ActionResult } from "@/lib/validation/common";
import type {
  ConsentOverrideInput,
  CreateReferralInput,
  DeadlineSettingsInput,
  PartnerOrganisationInput,
  TransitionReferralInput,
  UpdateReferralInput,
} from "@/lib/validation/referral";

// Each action is a public endpoint: the DAL parses the input and decides who may do what.

export async function createReferralAction(
  input: CreateReferralInput,
): Promise<ActionResult<{ id: string; state: string; version: number }>> {
  const result = await runAction((ctx) => createReferral(ctx, input));
  if (result.ok) revalidatePath(`/cases/${input.beneficiaryId}/referrals`);
  return result;
}

export async function transitionReferralAction(
  input: TransitionReferralInput,
): Promise<ActionResult<{ state: string; version: number }>> {
  const result = await runAction((ctx) => transitionReferral(ctx, input));
  if (result.ok) {
    revalidatePath("/queue");
    revalidatePath("/referrals/incoming");
  }
  return result;
}

export async function overrideConsentAction(
  input: ConsentOverrideInput,
): Promise<ActionResult<{ version: number }>> {
  return runAction((ctx) => overrideConsent(ctx, input));
}

export async function savePartnerAction(
  input: PartnerOrganisationInput,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction((ctx) => savePartnerOrganisation(ctx, input));
  if (result.ok) revalidatePath("/admin/referrals");
  return result;
}

export async function updateDeadlinesAction(
  input: DeadlineSettingsInput,
): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((ctx) => updateDeadlineSettings(ctx, input));
  if (result.ok) revalidatePath("/admin/referrals");
  return result;
}

export async function updateReferralAction(
  input: UpdateReferralInput,
): Promise<ActionResult<{ version: number }>> {
  return runAction((ctx) => updateReferral(ctx, input));
}
