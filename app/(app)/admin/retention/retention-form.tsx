"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { validationMessageKey } from "@/components/forms/field-error";
import type { RetentionCategory } from "@/lib/domain/retention";
import { setRetentionPolicyAction } from "./actions";

export function RetentionForm({ category, days }: { category: RetentionCategory; days: number }) {
  const t = useTranslations();
  const [value, setValue] = useState(String(days));
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `retention-${category}`;
  return (
    <form
      method="post"
      className="actions"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await setRetentionPolicyAction({ category, days: value });
          if (result.ok) setMessage({ kind: "ok", text: t("retention.saved") });
          else {
            const key = result.fieldErrors?.days?.[0];
            const full = key ? validationMessageKey(key) : `errors.${result.code}`;
            setMessage({
              kind: "error",
              text: t.has(full as "errors.generic") ? t(full as "errors.generic") : t("errors.generic"),
            });
          }
        });
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t(`retention.categories.${category}`)}</label>
        <input
          id={id}
          type="number"
          min={30}
          max={36500}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" disabled={pending}>
        {t("retention.save")}
      </button>
      {message ? (
        <span
          className={message.kind === "error" ? "error" : "muted"}
          role={message.kind === "error" ? "alert" : "status"}
        >
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
