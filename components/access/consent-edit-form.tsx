"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { updateConsentAction } from "@/app/(app)/access/actions";
import { validationMessageKey } from "@/components/forms/field-error";
import { CONSENT_GIVERS, CONSENT_PURPOSES, type ConsentPurpose } from "@/lib/domain/beneficiary";

/** Records a new consent state for one purpose; withdrawing stops the referrals that relied on it. */
export function ConsentEditForm({
  beneficiaryId,
  current,
}: {
  beneficiaryId: string;
  current: Partial<Record<ConsentPurpose, boolean>>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [purpose, setPurpose] = useState<ConsentPurpose>("sharing");
  const [granted, setGranted] = useState(!current.sharing);
  const [givenBy, setGivenBy] = useState("");
  const [givenOn, setGivenOn] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const msg = (key: string) => {
    const full = validationMessageKey(key);
    return t.has(full as "validation.required") ? t(full as "validation.required") : t("validation.invalid");
  };
  return (
    <form
      method="post"
      aria-label={t("consentEdit.title")}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await updateConsentAction({
            beneficiaryId,
            purpose,
            granted,
            givenBy: givenBy as "",
            givenOn,
          });
          if (result.ok) {
            setErrors({});
            setMessage({
              kind: "ok",
              text: result.data.withdrawn
                ? t("consentEdit.withdrawn", { count: result.data.referralsWithdrawn })
                : t("consentEdit.saved"),
            });
            router.refresh();
          } else {
            setErrors(
              Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0] ?? ""])),
            );
            setMessage({ kind: "error", text: t(`errors.${result.code as "generic"}`) });
          }
        });
      }}
    >
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      <div className="grid-4">
        <div className="field">
          <label htmlFor="consent-purpose">{t("consentEdit.purpose")}</label>
          <select
            id="consent-purpose"
            value={purpose}
            onChange={(e) => {
              const next = e.target.value as ConsentPurpose;
              setPurpose(next);
              setGranted(!current[next]);
            }}
          >
            {CONSENT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`enums.consentPurpose.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="consent-state">{t("consentEdit.state")}</label>
          <select
            id="consent-state"
            value={granted ? "yes" : "no"}
            onChange={(e) => setGranted(e.target.value === "yes")}
          >
            <option value="yes">{t("consentEdit.give")}</option>
            <option value="no">{t("consentEdit.withdraw")}</option>
          </select>
        </div>
        {granted ? (
          <>
            <div className="field">
              <label htmlFor="consent-given-by">{t("consentEdit.givenBy")}</label>
              <select id="consent-given-by" value={givenBy} onChange={(e) => setGivenBy(e.target.value)}>
                <option value="" />
                {CONSENT_GIVERS.map((g) => (
                  <option key={g} value={g}>
                    {t(`enums.consentGiver.${g}`)}
                  </option>
                ))}
              </select>
              {errors.givenBy ? <p className="error">{msg(errors.givenBy)}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="consent-given-on">{t("consentEdit.givenOn")}</label>
              <input
                id="consent-given-on"
                type="date"
                value={givenOn}
                onChange={(e) => setGivenOn(e.target.value)}
              />
              {errors.givenOn ? <p className="error">{msg(errors.givenOn)}</p> : null}
            </div>
          </>
        ) : null}
      </div>
      {!granted ? <p className="muted">{t("consentEdit.withdrawHelp")}</p> : null}
      <button type="submit" disabled={pending}>
        {t("consentEdit.submit")}
      </button>
    </form>
  );
}
