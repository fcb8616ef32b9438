"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { editNoteAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { ScriptButton } from "@/components/forms/script-button";
import type { EditNoteInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const editNoteResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.editNoteSchema),
);

/** The author's correction of a note still inside its edit window; the server checks the window again. */
export function NoteEditor({ note }: { note: { id: string; body: string; version: number } }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<EditNoteInput>({
    resolver: editNoteResolver,
    values: { id: note.id, version: note.version, body: note.body },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await editNoteAction(values);
    if (result.ok) {
      setOpen(false);
      return router.refresh();
    }
    applyFieldErrors(result, setError);
    if (!result.fieldErrors?.body) setFormError(failureText(t, result));
  });
  if (!open) {
    return (
      <ScriptButton className="secondary" onClick={() => setOpen(true)}>
        {t("lifecycle.notes.edit")}
      </ScriptButton>
    );
  }
  const base = `note-${note.id}`;
  return (
    <form method="post" onSubmit={submit} noValidate>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${base}-body`}>{t("lifecycle.notes.editLabel")}</label>
        <textarea id={`${base}-body`} rows={4} {...register("body")} aria-describedby={`${base}-error`} />
        <FieldErrorText id={`${base}-error`} error={formState.errors.body} />
      </div>
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          {t("lifecycle.notes.saveEdit")}
        </button>
        <ScriptButton className="secondary" onClick={() => setOpen(false)}>
          {t("lifecycle.cancel")}
        </ScriptButton>
      </div>
    </form>
  );
}
