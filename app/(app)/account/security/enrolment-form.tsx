"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { validationMessageKey } from "@/components/forms/field-error";
import { ScriptButton } from "@/components/forms/script-button";
import { confirmEnrolmentAction, type EnrolmentView, startEnrolmentAction } from "./actions";

/** Start → scan the QR code (or type the secret) → confirm with a code → recovery codes, shown once. */
export function EnrolmentForm() {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [view, setView] = useState<EnrolmentView | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const message = (result: { code: string; fieldErrors?: Record<string, string[] | undefined> }) => {
    const key = result.fieldErrors?.code?.[0];
    const full = key ? validationMessageKey(key) : `twoFactor.errors.${result.code}`;
    return t.has(full as "errors.generic") ? t(full as "errors.generic") : t("errors.generic");
  };

  if (recoveryCodes) {
    return (
      <div>
        <div className="alert ok" role="status">
          {t("twoFactor.enrol.enabled")}
        </div>
        <h2>{t("twoFactor.recovery.title")}</h2>
        <p>{t("twoFactor.recovery.help")}</p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c} dir="ltr">
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <a className="button" href="/">
          {t("twoFactor.recovery.done")}
        </a>
      </div>
    );
  }

  if (!view) {
    return (
      <div>
        <p>{t("twoFactor.enrol.explain")}</p>
        {error ? (
          <div className="alert error" role="alert">
            {error}
          </div>
        ) : null}
        <ScriptButton
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(null);
              const result = await startEnrolmentAction();
              if (result.ok) setView(result.data);
              else setError(message(result));
            })
          }
        >
          {t("twoFactor.enrol.start")}
        </ScriptButton>
      </div>
    );
  }

  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setError(null);
          const result = await confirmEnrolmentAction({ code });
          if (result.ok) setRecoveryCodes(result.data.recoveryCodes);
          else setError(message(result));
        });
      }}
      noValidate
    >
      <ol className="enrol-steps">
        <li>{t("twoFactor.enrol.scan")}</li>
        <li>{t("twoFactor.enrol.confirm")}</li>
      </ol>
      {/* biome-ignore lint/performance/noImgElement: a data: URI generated on the server, not an asset */}
      <img
        className="totp-qr"
        src={view.qrDataUri}
        alt={t("twoFactor.enrol.qrAlt")}
        width={200}
        height={200}
      />
      <p>
        {t("twoFactor.enrol.manual")}{" "}
        <code dir="ltr" data-testid="totp-secret">
          {view.secret.match(/.{1,4}/g)?.join(" ")}
        </code>
      </p>
      <div className="field">
        <label htmlFor="enrol-code">{t("twoFactor.enrol.codeLabel")}</label>
        <input
          id="enrol-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby="enrol-code-error"
        />
        {error ? (
          <p id="enrol-code-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending}>
        {t("twoFactor.enrol.submit")}
      </button>
    </form>
  );
}
