"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { validationMessageKey } from "@/components/forms/field-error";
import { ScriptButton } from "@/components/forms/script-button";
import type { ActionResult } from "@/lib/validation/common";

type T = ReturnType<typeof useTranslations>;
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export interface FormMessage {
  kind: "ok" | "error";
  text: string;
  /** Someone changed the return first: the form offers to reload the current version. */
  reload?: boolean;
}

/**
 * Puts a failed action's messages where they belong: each message for one of the form's own
 * fields on that field, anything else as one sentence for the form. A stale version (a conflict
 * with no message of its own) asks the user to reload; nothing was overwritten.
 */
export function failureMessage<V extends FieldValues>(
  t: T,
  result: Failure,
  setError: UseFormSetError<V>,
  fields: readonly Path<V>[],
  /** False where reloading cannot help (opening a return: its referral leaves the waiting list). */
  offerReload = true,
): FormMessage | null {
  let formKey: string | undefined;
  let onField = false;
  for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    if ((fields as readonly string[]).includes(name)) {
      setError(name as Path<V>, { type: "server", message });
      onField = true;
    } else {
      formKey ??= message;
    }
  }
  const reload = offerReload && result.code === "conflict";
  if (formKey) {
    const full = validationMessageKey(formKey);
    return { kind: "error", reload, text: t.has(full) ? t(full) : t("validation.invalid") };
  }
  if (result.code === "conflict") return { kind: "error", reload, text: t("returns.conflict") };
  if (onField) return null;
  return {
    kind: "error",
    text: t.has(`errors.${result.code}`) ? t(`errors.${result.code}`) : t("errors.generic"),
  };
}

/** The form's outcome: saved, or what went wrong, with a reload button after a conflict. */
export function FormAlert({ message, onReload }: { message: FormMessage | null; onReload?: () => void }) {
  const t = useTranslations("returns");
  const router = useRouter();
  if (!message) return null;
  return (
    <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
      {message.text}
      {message.reload ? (
        <>
          {" "}
          <ScriptButton
            className="secondary"
            onClick={() => {
              onReload?.();
              router.refresh();
            }}
          >
            {t("reload")}
          </ScriptButton>
        </>
      ) : null}
    </div>
  );
}
