"use client";

import { useTranslations } from "next-intl";

function messageOf(error: unknown): string | undefined {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string")
    return error.message;
  return undefined;
}

/**
 * Validation messages are message keys: a plain key (`required`) lives under `validation.*`; a
 * dotted key (`referrals.validation.deadline`) names a feature's own message. Unknown keys fall
 * back to a generic message rather than showing a key to the user.
 */
export function validationMessageKey(key: string): string {
  return key.includes(".") ? key : `validation.${key}`;
}

export function FieldErrorText({ id, error }: { id: string; error?: unknown }) {
  const t = useTranslations();
  const key = messageOf(error);
  if (!key) return null;
  const full = validationMessageKey(key);
  return (
    <p className="error" id={id} role="alert">
      {t.has(full as "validation.required") ? t(full as "validation.required") : t("validation.invalid")}
    </p>
  );
}
