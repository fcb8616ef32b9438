"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { decideClosureAction } from "@/app/(app)/cases/lifecycle-actions";
import { useAnnounce } from "@/components/forms/action-announcer";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazySchema } from "@/components/forms/lazy-resolver";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { failureText } from "./failure";

const decideClosureSchema = lazySchema(() =>
  import("@/lib/validation/case-lifecycle").then((m) => m.decideClosureSchema),
);

/**
 * Approve or reject a pending closure. With open referrals the approval needs an override reason,
 * checked again on the server against the referrals open at that moment.
 */
export function DecisionForm({
  requestId,
  version,
  openReferrals,
  subject,
}: {
  requestId: string;
  version: number;
  openReferrals: number;
  /** The case number, naming the case in the page's announcement of the decision. */
  subject?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const announce = useAnnounce();
  const id = useId();
  const [overrideReason, setOverride] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const decide = (decision: "approve" | "reject") =>
    startTransition(async () => {
      setFormError(null);
      const input =
        decision === "approve"
          ? { requestId, version, decision, overrideReason }
          : { requestId, version, decision, note };
      const parsed = (await decideClosureSchema()).safeParse(input);
      if (!parsed.success) {
        const fields = fieldErrorsOf(parsed.error);
        return setErrors({ note: fields.note?.[0], overrideReason: fields.overrideReason?.[0] });
      }
      const result = await decideClosureAction(input);
      if (result.ok) {
        if (announce && subject)
          announce({
            kind: "ok",
            text: t(decision === "approve" ? "lifecycle.decision.approved" : "lifecycle.decision.rejected", {
              subject,
            }),
          });
        return router.refresh();
      }
      setErrors({
        note: result.fieldErrors?.note?.[0],
        overrideReason: result.fieldErrors?.overrideReason?.[0],
      });
      if (!result.fieldErrors?.overrideReason && !result.fieldErrors?.note)
        setFormError(failureText(t, result));
    });

  return (
    <div className="closure-decision">
      {formError ? (
        <div className="alert error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="grid-2">
        <form
          method="post"
          onSubmit={(e) => {
            e.preventDefault();
            decide("approve");
          }}
          noValidate
        >
          {openReferrals > 0 || errors.overrideReason ? (
            <div className="field">
              <label htmlFor={`${id}-override`}>{t("lifecycle.decision.overrideReason")}</label>
              <textarea
                id={`${id}-override`}
                rows={2}
                value={overrideReason}
                onChange={(e) => setOverride(e.target.value)}
                aria-describedby={`${id}-override-error`}
              />
              <FieldErrorText
                id={`${id}-override-error`}
                error={errors.overrideReason ? { message: errors.overrideReason } : undefined}
              />
            </div>
          ) : null}
          <button type="submit" disabled={pending}>
            {openReferrals > 0 ? t("lifecycle.decision.approveOverride") : t("lifecycle.decision.approve")}
          </button>
        </form>
        <form
          method="post"
          onSubmit={(e) => {
            e.preventDefault();
            decide("reject");
          }}
          noValidate
        >
          <div className="field">
            <label htmlFor={`${id}-note`}>{t("lifecycle.decision.rejectNote")}</label>
            <textarea
              id={`${id}-note`}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby={`${id}-note-error`}
            />
            <FieldErrorText
              id={`${id}-note-error`}
              error={errors.note ? { message: errors.note } : undefined}
            />
          </div>
          <button type="submit" className="secondary" disabled={pending}>
            {t("lifecycle.decision.reject")}
          </button>
        </form>
      </div>
    </div>
  );
}
