"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { runAction } from "@/lib/auth/action";
import { signIn } from "@/lib/auth/config";
import { changePassword } from "@/lib/dal/auth/change-password";
import type { ActionResult } from "@/lib/validation/common";
import type { ChangePasswordInput } from "@/lib/validation/user";

/**
 * Changing the password ends every session (the session version moves on); this browser gets a
 * fresh session with the new password so the person carries on where they were.
 */
export async function changePasswordAction(input: ChangePasswordInput): Promise<ActionResult<null>> {
  let email = "";
  const result = await runAction(
    async (ctx) => {
      email = ctx.actor.email;
      await changePassword(ctx, input);
      return null;
    },
    { allowPasswordChange: true },
  );
  if (!result.ok) return result;
  try {
    await signIn("credentials", { email, password: input.newPassword, redirectTo: "/?passwordChanged=1" });
  } catch (error) {
    // An account with TOTP needs a code to sign in again: send the person to the sign-in form.
    if (error instanceof AuthError) redirect("/sign-in");
    throw error;
  }
  return result;
}
