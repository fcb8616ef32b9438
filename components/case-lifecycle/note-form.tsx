"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addNoteAction } from "@/app/(app)/cases/lifecycle-actions";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { AddNoteInput } from "@/lib/validation/case-lifecycle";
import { failureText } from "./failure";

const addNoteResolver = lazyZodResolver(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.addNoteSchema),
);

export function NoteForm({ beneficiaryId }: { beneficiaryId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<AddNoteInput>({
    resolver: addNoteResolver,
    defaultValues: { beneficiaryId, body: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await addNoteAction(values);
    if (result.ok) {
      reset({ beneficiaryId, body: "" });
      return router.refresh();
    }
    applyFieldErrors(result, setError);
    if (!result.fieldErrors?.body) setFormError(failureText(t, result));
  });
  return (
    <form method="post" onSubmit={submit} noValidate>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="note-body">{t("lifecycle.notes.new")}</label>
        <textarea
          id="note-body"
          rows={4}
          {...register("body")}
          aria-describedby="note-body-hint note-body-error"
        />
        <p className="muted" id="note-body-hint">
          {t("lifecycle.notes.hint")}
        </p>
        <FieldErrorText id="note-body-error" error={formState.errors.body} />
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        {t("lifecycle.notes.save")}
      </button>
    </form>
  );
}
