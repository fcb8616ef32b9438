"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { signInSchema } from "@/lib/validation/user";

/** `totp`: the password was right and a second-factor code is needed ("required") or was wrong. */
export type SignInState = { failed: boolean; totp?: "required" | "invalid" };

function safeNext(next: FormDataEntryValue | null): string {
  const value = typeof next === "string" ? next : "";
  return value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { failed: true };
  const code = form.get("code");
  try {
    await signIn("credentials", {
      ...parsed.data,
      code: typeof code === "string" ? code : "",
      redirectTo: safeNext(form.get("next")),
    });
  } catch (error) {
    // Every credential failure is reported the same way, except the second-factor step, which
    // only follows a correct password; anything else (the redirect) propagates.
    if (error instanceof AuthError) {
      const reason = (error as { code?: unknown }).code;
      if (reason === "totp_required") return { failed: false, totp: "required" };
      if (reason === "totp_invalid") return { failed: false, totp: "invalid" };
      return { failed: true };
    }
    throw error;
  }
  return { failed: false };
}
