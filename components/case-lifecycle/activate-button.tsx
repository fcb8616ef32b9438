"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { activateCaseAction } from "@/app/(app)/cases/lifecycle-actions";
import { ScriptButton } from "@/components/forms/script-button";
import { failureText } from "./failure";

export function ActivateButton({ beneficiaryId }: { beneficiaryId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <ScriptButton
        className="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await activateCaseAction(beneficiaryId);
            if (result.ok) router.refresh();
            else setError(failureText(t, result));
          })
        }
      >
        {t("lifecycle.status.activate")}
      </ScriptButton>
    </>
  );
}
