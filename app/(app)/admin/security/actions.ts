"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { setRoleSecurityPolicy } from "@/lib/dal/security/set-role-security-policy";
import type { ActionResult } from "@/lib/validation/common";
import type { RoleSecurityPolicyInput } from "@/lib/validation/two-factor";

export async function setRoleSecurityPolicyAction(
  input: RoleSecurityPolicyInput,
): Promise<ActionResult<void>> {
  const result = await runAction((ctx) => setRoleSecurityPolicy(ctx, input));
  if (result.ok) revalidatePath("/admin/security");
  return result;
}
