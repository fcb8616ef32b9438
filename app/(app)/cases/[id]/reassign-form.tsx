"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { reassignAction } from "../actions";

export function ReassignForm({
  id,
  version,
  ownerId,
  owners,
}: {
  id: string;
  version: number;
  ownerId: string;
  owners: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [selected, setSelected] = useState(ownerId);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await reassignAction({ id, version, ownerId: selected });
          if (result.ok) {
            const name = owners.find((o) => o.id === selected)?.name ?? "";
            setMessage({ kind: "ok", text: t("case.reassigned", { name }) });
            router.refresh();
          } else {
            const field = result.fieldErrors?.ownerId?.[0];
            setMessage({
              kind: "error",
              text: field ? t(`validation.${field as "required"}`) : t(`errors.${result.code as "generic"}`),
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
      <div className="field" style={{ maxWidth: "24rem" }}>
        <label htmlFor="newOwner">{t("case.newOwner")}</label>
        <select id="newOwner" value={selected} onChange={(e) => setSelected(e.target.value)}>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending || selected === ownerId}>
        {t("case.reassignSubmit")}
      </button>
    </form>
  );
}
