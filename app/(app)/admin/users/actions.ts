"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createUser } from "@/lib/dal/users/create-user";
import { resetTwoFactor } from "@/lib/dal/users/reset-two-factor";
import { setUserActive, updateUser } from "@/lib/dal/users/update-user";
import type { ActionResult } from "@/lib/validation/common";
import type { CreateUserInput, ResetTwoFactorInput, UpdateUserInput } from "@/lib/validation/user";

export async function createUserAction(input: CreateUserInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction((ctx) => createUser(ctx, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAction(input: UpdateUserInput): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((ctx) => updateUser(ctx, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setUserActiveAction(input: {
  id: string;
  version: number;
  active: boolean;
}): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((ctx) => setUserActive(ctx, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function resetTwoFactorAction(
  input: ResetTwoFactorInput,
): Promise<ActionResult<{ version: number }>> {
  const result = await runAction((ctx) => resetTwoFactor(ctx, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
