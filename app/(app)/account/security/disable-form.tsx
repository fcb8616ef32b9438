"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { validationMessageKey } from "@/components/forms/field-error";
import { disableTwoFactorAction } from "./actions";

/** Turning TOTP off takes a current code or an unused recovery code. */
export function DisableForm() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setError(null);
          const result = await disableTwoFactorAction({ code });
          if (result.ok) {
            setCode("");
            router.refresh();
            return;
          }
          const key = result.fieldErrors?.code?.[0];
          const full = key ? validationMessageKey(key) : `twoFactor.errors.${result.code}`;
          setError(t.has(full as "errors.generic") ? t(full as "errors.generic") : t("errors.generic"));
        });
      }}
      noValidate
    >
      <h2>{t("twoFactor.disable.title")}</h2>
      <div className="field">
        <label htmlFor="disable-code">{t("twoFactor.disable.codeLabel")}</label>
        <input
          id="disable-code"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby="disable-code-error"
        />
        {error ? (
          <p id="disable-code-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="danger" disabled={pending}>
        {t("twoFactor.disable.submit")}
      </button>
    </form>
  );
}
