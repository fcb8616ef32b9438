"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { Role } from "@/lib/authz";
import { setRoleSecurityPolicyAction } from "./actions";

export function RolePolicyForm({
  role,
  requireTotp,
  label,
}: {
  role: Role;
  requireTotp: boolean;
  label: string;
}) {
  const t = useTranslations();
  const [checked, setChecked] = useState(requireTotp);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `require-totp-${role}`;
  return (
    <div className="actions">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={pending}
        aria-label={t("twoFactor.admin.requireFor", { role: label })}
        onChange={(e) => {
          const next = e.target.checked;
          setChecked(next);
          startTransition(async () => {
            const result = await setRoleSecurityPolicyAction({ role, requireTotp: next });
            if (result.ok) setMessage({ kind: "ok", text: t("twoFactor.admin.saved") });
            else {
              setChecked(!next);
              setMessage({
                kind: "error",
                text: t.has(`errors.${result.code}` as "errors.generic")
                  ? t(`errors.${result.code}` as "errors.generic")
                  : t("errors.generic"),
              });
            }
          });
        }}
      />
      {message ? (
        <span
          className={message.kind === "error" ? "error" : "muted"}
          role={message.kind === "error" ? "alert" : "status"}
        >
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
