"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { decideSuggestionAction } from "@/app/(app)/cases/[id]/screenings/actions";
import { validationMessageKey } from "@/components/forms/field-error";
import { ScriptButton } from "@/components/forms/script-button";
import type { SuggestionDto } from "@/lib/dal/screenings/dto";
import { MIN_DISMISS_REASON } from "@/lib/domain/screenings/types";
import { referralHref } from "./referral-link";

/** Confirm (then draft the referral) or dismiss with a reason; a decision is final. */
export function SuggestionActions({
  beneficiaryId,
  screeningId,
  suggestion,
}: {
  beneficiaryId: string;
  screeningId: string;
  suggestion: SuggestionDto;
}) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const href = referralHref(beneficiaryId, suggestion, screeningId);

  if (suggestion.status === "confirmed")
    return <Link href={href}>{t("screenings.suggestion.createReferral")}</Link>;
  if (suggestion.status === "dismissed") return null;

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await decideSuggestionAction({ suggestionId: suggestion.id, decision: "confirm" });
    setBusy(false);
    if (result.ok) router.push(href);
    else setError(`errors.${result.code}`);
  }

  async function dismiss(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    if (reason.trim().length < MIN_DISMISS_REASON) {
      setError(validationMessageKey("reasonTooShort"));
      return;
    }
    setBusy(true);
    const result = await decideSuggestionAction({ suggestionId: suggestion.id, decision: "dismiss", reason });
    setBusy(false);
    if (result.ok) router.refresh();
    else
      setError(
        result.fieldErrors?.reason?.[0]
          ? validationMessageKey(result.fieldErrors.reason[0])
          : `errors.${result.code}`,
      );
  }

  const message = error
    ? t.has(error as "errors.generic")
      ? t(error as "errors.generic")
      : t("errors.generic")
    : null;
  return (
    <div className="suggestion-actions">
      {dismissing ? (
        <form method="post" onSubmit={dismiss} noValidate>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t("screenings.suggestion.dismissReason")}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t("screenings.suggestion.dismissSubmit")}
            </button>
            <ScriptButton className="secondary" onClick={() => setDismissing(false)} disabled={busy}>
              {t("screenings.suggestion.cancel")}
            </ScriptButton>
          </div>
        </form>
      ) : (
        <div className="actions">
          <ScriptButton onClick={confirm} disabled={busy}>
            {t("screenings.suggestion.confirm")}
          </ScriptButton>
          <ScriptButton className="secondary" onClick={() => setDismissing(true)} disabled={busy}>
            {t("screenings.suggestion.dismiss")}
          </ScriptButton>
        </div>
      )}
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
