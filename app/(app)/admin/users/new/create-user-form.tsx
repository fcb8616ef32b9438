"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { CreateUserInput } from "@/lib/validation/user";
import { createUserAction } from "../actions";
import { RoleOfficeFields } from "../user-fields";

const createUserResolver = lazyZodResolver(() =>
  import("@/lib/validation/user").then((m) => m.createUserSchema),
);

export function CreateUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateUserInput>({
    resolver: createUserResolver,
    defaultValues: { name: "", email: "", role: undefined, officeCode: undefined, temporaryPassword: "" },
  });
  const { register, formState } = form;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await createUserAction(values);
    if (result.ok) {
      router.push("/admin/users?created=1");
      return;
    }
    setFormError(applyFieldErrors(result, form.setError));
  });
  return (
    <form method="post" onSubmit={submit} noValidate className="card" style={{ maxWidth: "32rem" }}>
      {formError && formError !== "invalid" ? (
        <div className="alert error" role="alert">
          {t(`errors.${formError as "generic"}`)}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="name">{t("users.name")}</label>
        <input
          id="name"
          type="text"
          aria-invalid={formState.errors.name ? true : undefined}
          {...register("name")}
        />
        <FieldErrorText id="name-error" error={formState.errors.name} />
      </div>
      <div className="field">
        <label htmlFor="email">{t("users.email")}</label>
        <input
          id="email"
          type="email"
          dir="ltr"
          aria-invalid={formState.errors.email ? true : undefined}
          {...register("email")}
        />
        <FieldErrorText id="email-error" error={formState.errors.email} />
      </div>
      <RoleOfficeFields form={form} />
      <div className="field">
        <label htmlFor="temporaryPassword">{t("users.temporaryPassword")}</label>
        <input
          id="temporaryPassword"
          type="text"
          dir="ltr"
          autoComplete="off"
          aria-invalid={formState.errors.temporaryPassword ? true : undefined}
          {...register("temporaryPassword")}
        />
        <p className="hint">{t("users.temporaryPasswordHint")}</p>
        <FieldErrorText id="temporaryPassword-error" error={formState.errors.temporaryPassword} />
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        {t("users.submit")}
      </button>
    </form>
  );
}
