"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/locale-action";
import { LOCALES } from "@/lib/i18n/locales";

const NATIVE_NAMES: Record<string, string> = { en: "English", ar: "العربية", fr: "Français" };

export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <label className="language">
      <span className="label">{t("language")}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const value = e.target.value;
          startTransition(() => setLocaleAction(value));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
