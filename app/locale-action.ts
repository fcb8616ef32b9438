"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Choosing a language needs no sign-in and touches no data: it only sets a cookie. */
export async function setLocaleAction(form: FormData): Promise<void> {
  // A server action can be called with any arguments, not only the switcher's form.
  if (!(form instanceof FormData)) return;
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
