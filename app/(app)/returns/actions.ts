"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { handOff } from "@/lib/dal/vhr/hand-off";
import { recordVhrStep } from "@/lib/dal/vhr/record-vhr-step";
import { requestReturn } from "@/lib/dal/vhr/request-return";
import { updateVhrSettings, type VhrSettingsDto } from "@/lib/dal/vhr/settings";
import type { VhrStage } from "@/lib/domain/vhr/constants";
import type { ActionResult } from "@/lib/validation/common";
import type { HandOffInput, RequestReturnInput, VhrSettingsInput, VhrStepInput } from "@/lib/validation/vhr";

// Each action is a public endpoint: the DAL parses the input and decides who may do what.

export async function requestReturnAction(input: RequestReturnInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction((ctx) => requestReturn(ctx, input));
  if (result.ok) revalidatePath("/returns");
  return result;
}

export async function recordVhrStepAction(input: VhrStepInput): Promise<ActionResult<{ stage: VhrStage }>> {
  const result = await runAction((ctx) => recordVhrStep(ctx, input));
  if (result.ok) revalidatePath("/returns");
  return result;
}

export async function handOffAction(input: HandOffInput): Promise<ActionResult<{ referralId: string }>> {
  const result = await runAction((ctx) => handOff(ctx, input));
  if (result.ok) revalidatePath("/returns");
  return result;
}

export async function updateVhrSettingsAction(
  input: VhrSettingsInput,
): Promise<ActionResult<VhrSettingsDto>> {
  const result = await runAction((ctx) => updateVhrSettings(ctx, input));
  if (result.ok) revalidatePath("/admin/returns");
  return result;
}
