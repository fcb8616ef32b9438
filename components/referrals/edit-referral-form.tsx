"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { updateReferralAction } from "@/app/(app)/referrals/actions";
import { validationMessageKey } from "@/components/forms/field-error";
import { URGENCIES, type Urgency } from "@/lib/domain/referrals/catalogue";

/** Correcting a draft or a returned referral before (re)submitting it. */
export function EditReferralForm({
  id,
  version,
  urgency,
  reason,
  sharePhone,
}: {
  id: string;
  version: number;
  urgency: Urgency;
  reason: string;
  sharePhone: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const uid = useId();
  const [values, setValues] = useState({ urgency, reason, sharePhone });
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await updateReferralAction({ id, version, ...values });
          if (result.ok) setMessage({ kind: "ok", text: t("referrals.admin.saved") });
          else {
            const field = result.fieldErrors?.reason?.[0];
            setMessage({
              kind: "error",
              text: field
                ? t(validationMessageKey(field) as "validation.required")
                : result.code === "conflict"
                  ? t("referrals.conflict")
                  : t(`errors.${result.code as "generic"}`),
            });
          }
          router.refresh();
        });
      }}
    >
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${uid}-urgency`}>{t("referrals.urgency")}</label>
        <select
          id={`${uid}-urgency`}
          value={values.urgency}
          onChange={(e) => setValues({ ...values, urgency: e.target.value as Urgency })}
        >
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(`referrals.urgencies.${u}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-reason`}>{t("referrals.reason")}</label>
        <textarea
          id={`${uid}-reason`}
          rows={4}
          value={values.reason}
          onChange={(e) => setValues({ ...values, reason: e.target.value })}
        />
      </div>
      <label className="field">
        <input
          type="checkbox"
          checked={values.sharePhone}
          onChange={(e) => setValues({ ...values, sharePhone: e.target.checked })}
        />{" "}
        {t("referrals.sharePhone")}
      </label>
      <button type="submit" disabled={pending}>
        {t("referrals.admin.save")}
      </button>
    </form>
  );
}
