import type { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/validation/common";

type T = ReturnType<typeof useTranslations>;

/**
 * The sentence for a failed action's form-level problem: a feature key (dotted), a shared
 * validation key, or the error code's generic message.
 */
export function failureText(
  t: T,
  result: Extract<ActionResult<unknown>, { ok: false }>,
  formKey?: string,
): string {
  const key = formKey ?? result.fieldErrors?._form?.[0];
  if (key?.includes(".")) return t(key as "errors.generic");
  if (key && key !== result.code && t.has(`validation.${key}` as "validation.required"))
    return t(`validation.${key}` as "validation.required");
  return t.has(`errors.${result.code}` as "errors.generic")
    ? t(`errors.${result.code}` as "errors.generic")
    : t("errors.generic");
}
