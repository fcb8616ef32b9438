"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { transitionReferralAction } from "@/app/(app)/referrals/actions";
import { useAnnounce } from "@/components/forms/action-announcer";
import { validationMessageKey } from "@/components/forms/field-error";
import { ScriptButton } from "@/components/forms/script-button";
import { type ReferralEvent, transitionOf } from "@/lib/domain/referrals/state-machine";
import type { UserEvent } from "@/lib/validation/referral";

/**
 * The buttons for what this user may do now (from the state machine, computed on the server).
 * Events that need a written note open a text box first. A conflict — someone acted first —
 * is reported and the page refreshed to show the current state; nothing is overwritten.
 * On a list page with an announcer, the outcome is shown there, named by `subject`, since the
 * refresh may take the item off the list; a message about the note stays by the note.
 */
export function ReferralActions({
  id,
  version,
  actions,
  label,
  subject,
}: {
  id: string;
  version: number;
  actions: ReferralEvent[];
  label: string;
  subject?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const announce = useAnnounce();
  const noteId = useId();
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState<UserEvent | null>(null);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const events = actions.filter((a): a is UserEvent => a !== "expire" && a !== "withdraw_consent");
  if (events.length === 0 && !message) return null;

  const fire = (event: UserEvent, text?: string) =>
    startTransition(async () => {
      const result = await transitionReferralAction({ id, version, event, note: text });
      const field = result.ok
        ? undefined
        : (result.fieldErrors?.note?.[0] ?? result.fieldErrors?.consent?.[0]);
      const outcome = result.ok
        ? { kind: "ok" as const, text: t(`referrals.done.${event}`) }
        : {
            kind: "error" as const,
            text: field
              ? t(validationMessageKey(field) as "validation.required")
              : result.code === "conflict"
                ? t("referrals.conflict")
                : t(`errors.${result.code as "generic"}`),
          };
      if (result.ok) {
        setOpen(null);
        setNote("");
      }
      if (announce && !field) {
        setMessage(null);
        announce(
          subject
            ? { ...outcome, text: t("referrals.doneFor", { subject, message: outcome.text }) }
            : outcome,
        );
      } else {
        setMessage(outcome);
      }
      router.refresh();
    });

  return (
    <div className="referral-actions">
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      {open ? (
        <form
          method="post"
          onSubmit={(e) => {
            e.preventDefault();
            fire(open, note);
          }}
        >
          <div className="field">
            <label htmlFor={noteId}>{t(`referrals.noteLabel.${open}`)}</label>
            <textarea id={noteId} rows={3} value={note} onChange={(e) => setNote(e.target.value)} required />
          </div>
          <div className="actions">
            <button type="submit" disabled={pending}>
              {t(`referrals.events.${open}`)}
            </button>
            <ScriptButton className="secondary" onClick={() => setOpen(null)} disabled={pending}>
              {t("referrals.cancel")}
            </ScriptButton>
          </div>
        </form>
      ) : (
        <fieldset className="actions referral-buttons" aria-label={label}>
          {events.map((event) => (
            <ScriptButton
              key={event}
              className={
                event === "withdraw" || event === "decline" || event === "return" ? "secondary" : undefined
              }
              disabled={pending}
              onClick={() => (transitionOf(event).noteRequired ? setOpen(event) : fire(event))}
            >
              {t(`referrals.events.${event}`)}
            </ScriptButton>
          ))}
        </fieldset>
      )}
    </div>
  );
}
