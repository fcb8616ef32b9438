"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ChangePasswordInput } from "@/lib/validation/user";
import { changePasswordAction } from "./actions";

const changePasswordResolver = lazyZodResolver(() =>
  import("@/lib/validation/user").then((m) => m.changePasswordSchema),
);

export function PasswordForm() {
  const t = useTranslations();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({
    resolver: changePasswordResolver,
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await changePasswordAction(values);
    if (result && !result.ok) setFormError(applyFieldErrors(result, setError));
  });
  const field = (name: keyof ChangePasswordInput, label: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={formState.errors[name] ? true : undefined}
        aria-describedby={`${name}-error`}
        {...register(name)}
      />
      <FieldErrorText id={`${name}-error`} error={formState.errors[name]} />
    </div>
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      {formError && formError !== "invalid" ? (
        <div className="alert error" role="alert">
          {t(`errors.${formError as "generic"}`)}
        </div>
      ) : null}
      {field("currentPassword", t("account.current"), "current-password")}
      {field("newPassword", t("account.new"), "new-password")}
      {field("confirmPassword", t("account.confirm"), "new-password")}
      <p className="muted">{t("account.hint")}</p>
      <button type="submit" disabled={formState.isSubmitting}>
        {t("account.submit")}
      </button>
    </form>
  );
}
