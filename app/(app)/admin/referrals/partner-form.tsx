"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { validationMessageKey } from "@/components/forms/field-error";
import type { PartnerOrganisationDto } from "@/lib/dal/referrals/referral-config";
import { REFERRAL_SERVICES, type ReferralService } from "@/lib/domain/referrals/catalogue";
import { savePartnerAction } from "../../referrals/actions";

export function PartnerForm({ organisation }: { organisation?: PartnerOrganisationDto }) {
  const t = useTranslations();
  const router = useRouter();
  const uid = useId();
  const [code, setCode] = useState(organisation?.code ?? "");
  const [name, setName] = useState(organisation?.name ?? "");
  const [active, setActive] = useState(organisation?.active ?? true);
  const [services, setServices] = useState<ReferralService[]>(organisation?.services ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const err = (field: string) =>
    errors[field] ? (
      <p className="error" role="alert">
        {t(validationMessageKey(errors[field] as string) as "validation.required")}
      </p>
    ) : null;
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await savePartnerAction({
            id: organisation?.id,
            version: organisation?.version,
            code,
            name,
            active,
            services,
          });
          if (result.ok) {
            setErrors({});
            setMessage({ kind: "ok", text: t("referrals.admin.saved") });
            if (!organisation) {
              setCode("");
              setName("");
              setServices([]);
            }
            router.refresh();
          } else {
            const next: Record<string, string> = {};
            for (const [k, v] of Object.entries(result.fieldErrors ?? {})) if (v?.[0]) next[k] = v[0];
            setErrors(next);
            setMessage({
              kind: "error",
              text:
                result.code === "conflict"
                  ? t("referrals.conflict")
                  : t(`errors.${result.code as "generic"}`),
            });
          }
        });
      }}
    >
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${uid}-code`}>{t("referrals.admin.code")}</label>
          <input id={`${uid}-code`} value={code} onChange={(e) => setCode(e.target.value)} dir="ltr" />
          {err("code")}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t("referrals.admin.name")}</label>
          <input id={`${uid}-name`} value={name} onChange={(e) => setName(e.target.value)} />
          {err("name")}
        </div>
      </div>
      <fieldset className="field">
        <legend>{t("referrals.admin.services")}</legend>
        {REFERRAL_SERVICES.map((s) => (
          <label key={s} style={{ display: "inline-block", marginInlineEnd: "1rem" }}>
            <input
              type="checkbox"
              checked={services.includes(s)}
              onChange={(e) =>
                setServices(e.target.checked ? [...services, s] : services.filter((x) => x !== s))
              }
            />{" "}
            {t(`referrals.services.${s}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{" "}
        {t("referrals.admin.active")}
      </label>
      <button type="submit" disabled={pending}>
        {organisation ? t("referrals.admin.save") : t("referrals.admin.add")}
      </button>
    </form>
  );
}
