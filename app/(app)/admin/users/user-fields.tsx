"use client";

import { useTranslations } from "next-intl";
import { type FieldValues, get, type Path, type UseFormReturn } from "react-hook-form";
import { FieldErrorText } from "@/components/forms/field-error";
import { ROLES } from "@/lib/authz/roles";
import { OFFICES } from "@/lib/domain/beneficiary";

/** Role and office selects, shared by the create and edit forms. */
export function RoleOfficeFields<T extends FieldValues & { role: string; officeCode: string }>({
  form,
}: {
  form: UseFormReturn<T>;
}) {
  const t = useTranslations();
  const err = (name: string) => get(form.formState.errors, name);
  return (
    <>
      <div className="field">
        <label htmlFor="role">{t("users.role")}</label>
        <select id="role" aria-invalid={err("role") ? true : undefined} {...form.register("role" as Path<T>)}>
          <option value="">{t("fields.choose")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <FieldErrorText id="role-error" error={err("role")} />
      </div>
      <div className="field">
        <label htmlFor="officeCode">{t("users.office")}</label>
        <select
          id="officeCode"
          aria-invalid={err("officeCode") ? true : undefined}
          {...form.register("officeCode" as Path<T>)}
        >
          <option value="">{t("fields.choose")}</option>
          {OFFICES.map((o) => (
            <option key={o} value={o}>
              {t(`offices.${o}`)}
            </option>
          ))}
        </select>
        <FieldErrorText id="officeCode-error" error={err("officeCode")} />
      </div>
    </>
  );
}
