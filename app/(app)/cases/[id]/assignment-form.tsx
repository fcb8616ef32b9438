"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ScriptButton } from "@/components/forms/script-button";
import { setAssignmentAction } from "../actions";

/** Who else works on the case: a supervisor adds or removes caseworkers of the office. */
export function AssignmentForm({
  id,
  ownerId,
  assignees,
  candidates,
}: {
  id: string;
  ownerId: string;
  assignees: Array<{ id: string; name: string }>;
  candidates: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const available = candidates.filter((c) => c.id !== ownerId && !assignees.some((a) => a.id === c.id));
  const [selected, setSelected] = useState("");
  const act = (userId: string, assigned: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await setAssignmentAction({ id, userId, assigned });
      if (result.ok) {
        setSelected("");
        router.refresh();
      } else {
        const field = result.fieldErrors?.userId?.[0];
        setError(field ? t(`validation.${field as "required"}`) : t(`errors.${result.code as "generic"}`));
      }
    });
  return (
    <div data-testid="assignments">
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <ul>
        {assignees.length === 0 ? <li className="muted">{t("case.none")}</li> : null}
        {assignees.map((a) => (
          <li key={a.id}>
            {a.name}{" "}
            <ScriptButton className="link" disabled={pending} onClick={() => act(a.id, false)}>
              {t("case.unassign")}
            </ScriptButton>
          </li>
        ))}
      </ul>
      {available.length > 0 ? (
        <div className="actions">
          <label htmlFor="assignee" className="label">
            {t("case.assignLabel")}
          </label>
          <select id="assignee" value={selected} onChange={(e) => setSelected(e.target.value)}>
            <option value="">{t("fields.choose")}</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <ScriptButton disabled={pending || !selected} onClick={() => act(selected, true)}>
            {t("case.assign")}
          </ScriptButton>
        </div>
      ) : null}
    </div>
  );
}
