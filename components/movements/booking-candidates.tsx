"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { bookAction } from "@/app/(app)/movements/actions";
import { failureText } from "@/components/case-lifecycle/failure";
import { ScriptButton } from "@/components/forms/script-button";
import type { BookingCandidate } from "@/lib/dal/vhr/get-movement";

/** People documented for the destination: book the ready ones; blockers are shown, not hidden. */
export function BookingCandidates({
  movementId,
  candidates,
  full,
}: {
  movementId: string;
  candidates: BookingCandidate[];
  full: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const book = async (vhrCaseId: string) => {
    setBusy(vhrCaseId);
    setError(null);
    const result = await bookAction({ movementId, vhrCaseId });
    setBusy(null);
    if (result.ok) return router.refresh();
    setError(failureText(t, result));
  };
  if (candidates.length === 0) return <p className="muted">{t("movements.candidates.empty")}</p>;
  return (
    <>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <table className="table" data-testid="candidates">
        <thead>
          <tr>
            <th scope="col">{t("movements.fields.person")}</th>
            <th scope="col">{t("movements.fields.fitToTravel")}</th>
            <th scope="col">{t("movements.fields.readiness")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("movements.candidates.book")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => {
            const blockers = [
              ...c.bookingBlockers,
              ...c.departureBlockers.filter((b) => !c.bookingBlockers.includes(b)),
            ];
            return (
              <tr key={c.vhrCaseId} data-testid="candidate">
                <td>
                  <span dir="ltr">{c.person.caseNumber}</span> · {c.person.name}
                </td>
                <td>{c.fitToTravel ? t(`vhr.fttOutcomes.${c.fitToTravel.outcome as "fit"}`) : "—"}</td>
                <td>
                  {blockers.length === 0 ? (
                    <span className="badge ok">{t("movements.ready")}</span>
                  ) : (
                    <>
                      <span className="badge warn">{t("movements.blocked")}</span>
                      <ul className="blockers">
                        {blockers.map((b) => (
                          <li key={b}>{t(`vhr.blockers.${b}`)}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </td>
                <td>
                  <ScriptButton
                    className="secondary"
                    disabled={busy !== null || full || c.bookingBlockers.length > 0}
                    onClick={() => book(c.vhrCaseId)}
                    aria-label={t("movements.candidates.bookPerson", { name: c.person.name })}
                  >
                    {t("movements.candidates.book")}
                  </ScriptButton>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
