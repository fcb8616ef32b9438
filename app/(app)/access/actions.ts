"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { breakGlass } from "@/lib/dal/access/break-glass";
import { reviewBreakGlass } from "@/lib/dal/access/review-break-glass";
import { setCategoryGrant } from "@/lib/dal/access/set-category-grant";
import { type ConsentChange, updateConsent } from "@/lib/dal/consent/update-consent";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import type { CategoryGrantInput } from "@/lib/validation/access";
import type { ActionResult } from "@/lib/validation/common";
import type { UpdateConsentInput } from "@/lib/validation/consent";

// Public endpoints: the DAL checks the actor, the case's scope and the input.

export async function breakGlassAction(input: {
  beneficiaryId: string;
  category: SensitiveCategory;
  reason: string;
}): Promise<ActionResult<{ expiresAt: string }>> {
  const result = await runAction((ctx) => breakGlass(ctx, input.beneficiaryId, input.category, input.reason));
  if (result.ok) revalidatePath(`/cases/${input.beneficiaryId}`, "layout");
  return result.ok ? { ok: true, data: { expiresAt: result.data.expiresAt } } : result;
}

export async function reviewBreakGlassAction(grantId: string): Promise<ActionResult<void>> {
  const result = await runAction((ctx) => reviewBreakGlass(ctx, grantId));
  if (result.ok) revalidatePath("/break-glass");
  return result;
}

export async function setCategoryGrantAction(
  input: CategoryGrantInput,
): Promise<ActionResult<SensitiveCategory[]>> {
  const result = await runAction((ctx) => setCategoryGrant(ctx, input));
  if (result.ok) revalidatePath(`/admin/users/${input.userId}`);
  return result;
}

export async function updateConsentAction(input: UpdateConsentInput): Promise<ActionResult<ConsentChange>> {
  const result = await runAction((ctx) => updateConsent(ctx, input));
  if (result.ok) revalidatePath(`/cases/${input.beneficiaryId}`);
  return result;
}
