"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { setRetentionPolicy } from "@/lib/dal/retention/retention-policies";
import type { ActionResult } from "@/lib/validation/common";
import type { RetentionPolicyInput } from "@/lib/validation/retention";

export async function setRetentionPolicyAction(input: RetentionPolicyInput): Promise<ActionResult<void>> {
  const result = await runAction((ctx) => setRetentionPolicy(ctx, input));
  if (result.ok) revalidatePath("/admin/retention");
  return result;
}
