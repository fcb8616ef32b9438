"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setCategoryGrantAction } from "@/app/(app)/access/actions";
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from "@/lib/domain/sensitive";

/** The administrator grants or revokes each sensitive category for this user, one at a time. */
export function CategoryGrantsForm({ userId, initial }: { userId: string; initial: SensitiveCategory[] }) {
  const t = useTranslations();
  const [granted, setGranted] = useState<SensitiveCategory[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <fieldset disabled={pending}>
      <legend>{t("access.grants.legend")}</legend>
      {error ? (
        <div className="alert error" role="alert">
          {t(`errors.${error as "generic"}`)}
        </div>
      ) : null}
      {SENSITIVE_CATEGORIES.map((category) => (
        <label key={category} className="checkbox">
          <input
            type="checkbox"
            name={`grant-${category}`}
            checked={granted.includes(category)}
            onChange={(e) => {
              const want = e.target.checked;
              startTransition(async () => {
                const result = await setCategoryGrantAction({ userId, category, granted: want });
                if (result.ok) {
                  setGranted(result.data);
                  setError(null);
                } else setError(result.code);
              });
            }}
          />{" "}
          {t(`access.categories.${category}`)}
        </label>
      ))}
      <p className="muted">{t("access.grants.help")}</p>
    </fieldset>
  );
}
