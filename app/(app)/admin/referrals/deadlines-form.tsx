"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { validationMessageKey } from "@/components/forms/field-error";
import { URGENCIES, type Urgency } from "@/lib/domain/referrals/catalogue";
import { updateDeadlinesAction } from "../../referrals/actions";

export function DeadlinesForm({ version, hours }: { version: number; hours: Record<Urgency, number> }) {
  const t = useTranslations();
  const router = useRouter();
  const [values, setValues] = useState<Record<Urgency, string>>({
    high: String(hours.high),
    medium: String(hours.medium),
    low: String(hours.low),
  });
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await updateDeadlinesAction({
            version,
            highHours: values.high,
            mediumHours: values.medium,
            lowHours: values.low,
          });
          if (result.ok) {
            setMessage({ kind: "ok", text: t("referrals.admin.saved") });
            router.refresh();
          } else {
            const field = Object.values(result.fieldErrors ?? {})[0]?.[0];
            setMessage({
              kind: "error",
              text: field
                ? t(validationMessageKey(field) as "validation.required")
                : result.code === "conflict"
                  ? t("referrals.conflict")
                  : t(`errors.${result.code as "generic"}`),
            });
          }
        });
      }}
    >
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      <div className="grid-4">
        {URGENCIES.map((u) => (
          <div className="field" key={u}>
            <label htmlFor={`hours-${u}`}>
              {t("referrals.admin.hoursFor", { urgency: t(`referrals.urgencies.${u}`) })}
            </label>
            <input
              id={`hours-${u}`}
              inputMode="numeric"
              value={values[u]}
              onChange={(e) => setValues({ ...values, [u]: e.target.value })}
            />
          </div>
        ))}
      </div>
      <button type="submit" disabled={pending}>
        {t("referrals.admin.save")}
      </button>
    </form>
  );
}
