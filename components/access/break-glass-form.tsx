"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { breakGlassAction } from "@/app/(app)/access/actions";
import { validationMessageKey } from "@/components/forms/field-error";
import { ScriptButton } from "@/components/forms/script-button";
import type { SensitiveCategory } from "@/lib/domain/sensitive";

/** Opens a restricted category of one case with a written reason (break-glass). */
export function BreakGlassForm({
  beneficiaryId,
  category,
}: {
  beneficiaryId: string;
  category: SensitiveCategory;
}) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!open) {
    return (
      <ScriptButton className="secondary" onClick={() => setOpen(true)}>
        {t("access.breakGlass.open")}
      </ScriptButton>
    );
  }
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await breakGlassAction({ beneficiaryId, category, reason });
          if (result.ok) {
            setError(null);
            router.refresh();
          } else {
            const key = result.fieldErrors?.reason?.[0] ?? result.fieldErrors?.category?.[0];
            setError(key ? validationMessageKey(key) : `errors.${result.code}`);
          }
        });
      }}
    >
      <div className="alert warn">{t("access.breakGlass.warning")}</div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("access.breakGlass.reason")}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <p className="error" id={`${id}-error`} role="alert">
            {t.has(error as "validation.required")
              ? t(error as "validation.required")
              : t("validation.invalid")}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t("access.breakGlass.confirm")}
        </button>
        <ScriptButton className="secondary" onClick={() => setOpen(false)}>
          {t("access.breakGlass.cancel")}
        </ScriptButton>
      </div>
    </form>
  );
}
