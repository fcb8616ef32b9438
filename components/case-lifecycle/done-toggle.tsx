"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setPlanActionDoneAction, setTaskDoneAction } from "@/app/(app)/cases/lifecycle-actions";
import { failureText } from "./failure";

/** Ticks a plan action or a follow-up task done, or back to open. */
export function DoneToggle({
  kind,
  id,
  version,
  done,
  label,
  disabled,
}: {
  kind: "action" | "task";
  id: string;
  version: number;
  done: boolean;
  label: string;
  disabled?: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <input
        type="checkbox"
        aria-label={label}
        checked={done}
        disabled={disabled || pending}
        onChange={(e) => {
          const next = e.target.checked;
          startTransition(async () => {
            setError(null);
            const input = { id, version, done: next };
            const result =
              kind === "action" ? await setPlanActionDoneAction(input) : await setTaskDoneAction(input);
            if (result.ok) router.refresh();
            else setError(failureText(t, result));
          });
        }}
      />
      {error ? (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}
