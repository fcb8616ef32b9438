"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText, validationMessageKey } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { UserDetailDto } from "@/lib/dal/users/dto";
import type { ResetTwoFactorInput } from "@/lib/validation/user";
import { resetTwoFactorAction } from "../actions";

const resetResolver = lazyZodResolver(() =>
  import("@/lib/validation/user").then((m) => m.resetTwoFactorSchema),
);

/**
 * The user's two-factor status and, when they have it, the administrator's reset with a reason.
 * The outcome stays above the form, which the refresh after a reset takes away.
 */
export function ResetTwoFactorSection({ user }: { user: UserDetailDto }) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const form = useForm<ResetTwoFactorInput>({
    resolver: resetResolver,
    defaultValues: { id: user.id, version: user.version, reason: "" },
  });
  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await resetTwoFactorAction({ ...values, version: user.version });
    if (result.ok) {
      setMessage({ kind: "ok", text: t("users.twoFactor.done") });
      form.reset({ id: user.id, version: result.data.version, reason: "" });
      router.refresh();
      return;
    }
    const code = applyFieldErrors(result, form.setError);
    if (code === "invalid") return;
    setMessage({
      kind: "error",
      text: result.fieldErrors?._form?.[0]
        ? t(validationMessageKey(code) as "validation.required")
        : t(`errors.${code as "generic"}`),
    });
  });
  return (
    <section className="card" aria-labelledby="two-factor" style={{ maxWidth: "32rem" }}>
      <h2 id="two-factor" style={{ marginBlockStart: 0 }}>
        {t("users.twoFactor.title")}
      </h2>
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      <p>
        {t("users.twoFactor.status")}:{" "}
        <strong data-testid="user-two-factor">{t(`users.twoFactor.${user.twoFactor}`)}</strong>
      </p>
      {user.twoFactor === "off" ? null : (
        <form method="post" onSubmit={submit} noValidate>
          <p className="muted">{t("users.twoFactor.resetIntro")}</p>
          <div className="field">
            <label htmlFor="reset-reason">{t("users.twoFactor.reason")}</label>
            <textarea
              id="reset-reason"
              rows={2}
              {...form.register("reason")}
              aria-describedby="reset-reason-hint reset-reason-error"
              aria-invalid={form.formState.errors.reason ? true : undefined}
            />
            <p className="muted" id="reset-reason-hint">
              {t("users.twoFactor.reasonHint")}
            </p>
            <FieldErrorText id="reset-reason-error" error={form.formState.errors.reason} />
          </div>
          <button type="submit" className="danger" disabled={form.formState.isSubmitting}>
            {t("users.twoFactor.reset")}
          </button>
        </form>
      )}
    </section>
  );
}
