"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { type SignInState, signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { failed: false });
  const [, startTransition] = useTransition();
  const askCode = state.totp !== undefined;
  return (
    <form
      action={action}
      // Submitted by hand so the browser keeps the email and password for the code step (a form
      // action resets the fields); without JavaScript the plain action still signs in.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate
    >
      {state.failed ? (
        <div className="alert error" role="alert">
          {t("signIn.failed")}
        </div>
      ) : null}
      {state.totp === "invalid" ? (
        <div className="alert error" role="alert">
          {t("twoFactor.signIn.invalid")}
        </div>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">{t("signIn.email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required readOnly={askCode} />
      </div>
      <div className="field">
        <label htmlFor="password">{t("signIn.password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          readOnly={askCode}
        />
      </div>
      {askCode ? (
        <div className="field">
          <label htmlFor="code">{t("twoFactor.signIn.code")}</label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            // biome-ignore lint/a11y/noAutofocus: the code is the only thing left to type
            autoFocus
            required
            aria-describedby="code-help"
          />
          <p id="code-help" className="muted">
            {t("twoFactor.signIn.help")}
          </p>
        </div>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? t("signIn.submitting") : t("signIn.submit")}
      </button>
    </form>
  );
}
