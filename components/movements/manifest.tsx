"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import {
  cancelBookingAction,
  closeMovementAction,
  confirmDeparturesAction,
  recordKitAction,
} from "@/app/(app)/movements/actions";
import { failureText } from "@/components/case-lifecycle/failure";
import { validationMessageKey } from "@/components/forms/field-error";
import { ScriptButton } from "@/components/forms/script-button";
import type { ManifestEntry } from "@/lib/dal/vhr/get-movement";
import {
  DEPARTURE_OUTCOMES,
  type DepartureOutcome,
  OFFLOAD_REASONS,
  type OffloadReason,
} from "@/lib/domain/vhr/constants";

type Choice = { outcome: DepartureOutcome | ""; offloadReason: OffloadReason | "" };

/**
 * The manifest with each person's readiness, and the bulk departure confirmation: one outcome per
 * booked person, saved together. Blocked people cannot be marked departed: the server refuses it
 * too, and says why, person by person.
 */
export function Manifest({
  movementId,
  movementVersion,
  entries,
  planned,
  canConfirm,
  canClose,
}: {
  movementId: string;
  movementVersion: number;
  entries: ManifestEntry[];
  planned: boolean;
  canConfirm: boolean;
  canClose: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const booked = entries.filter((e) => e.status === "booked");

  const choose = (bookingId: string, patch: Partial<Choice>) =>
    setChoices((c) => ({ ...c, [bookingId]: { outcome: "", offloadReason: "", ...c[bookingId], ...patch } }));

  const rowAction = async (run: () => Promise<{ ok: boolean } & Record<string, unknown>>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = (await run()) as Parameters<typeof failureText>[1] | { ok: true };
    setBusy(false);
    if (result.ok) return router.refresh();
    setError(failureText(t, result));
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setRowErrors({});
    const outcomes = booked.map((e) => ({
      bookingId: e.bookingId,
      version: e.version,
      outcome: choices[e.bookingId]?.outcome ?? "",
      offloadReason: choices[e.bookingId]?.offloadReason ?? "",
    }));
    const result = await confirmDeparturesAction({ movementId, outcomes });
    setBusy(false);
    if (result.ok) {
      setChoices({});
      setNotice(
        t("movements.confirm.done", {
          departed: result.data.departed,
          noShow: result.data.noShow,
          offloaded: result.data.offloaded,
        }),
      );
      return router.refresh();
    }
    const perRow: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      const m = /^outcomes\.(\d+)\./.exec(field);
      const entry = m ? outcomes[Number(m[1])] : undefined;
      if (entry && messages) perRow[entry.bookingId] = [...(perRow[entry.bookingId] ?? []), ...messages];
    }
    setRowErrors(perRow);
    setError(Object.keys(perRow).length > 0 ? t("movements.confirm.rowsRefused") : failureText(t, result));
  };

  if (entries.length === 0) return <p className="muted">{t("movements.manifest.empty")}</p>;
  return (
    <>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {notice ? <output className="alert ok">{notice}</output> : null}
      <table className="table" data-testid="manifest">
        <thead>
          <tr>
            <th scope="col">{t("movements.fields.person")}</th>
            <th scope="col">{t("movements.fields.travelDocument")}</th>
            <th scope="col">{t("movements.fields.fitToTravel")}</th>
            <th scope="col">{t("movements.fields.kit")}</th>
            <th scope="col">{t("movements.fields.readiness")}</th>
            <th scope="col">{t("movements.fields.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const choice = choices[e.bookingId] ?? { outcome: "", offloadReason: "" };
            const errors = rowErrors[e.bookingId] ?? [];
            return (
              <tr key={e.bookingId} data-testid="manifest-row" data-name={e.person.name}>
                <td>
                  <span dir="ltr">{e.person.caseNumber}</span> · {e.person.name}
                  <br />
                  <span className="muted">
                    {t("movements.manifest.bio", {
                      sex: t(`enums.sex.${e.person.sex}`),
                      dob: e.person.dateOfBirth,
                      nationality: e.person.nationality,
                    })}
                  </span>
                </td>
                <td>
                  {e.travelDocument ? (
                    <>
                      {t(`vhr.documentTypes.${e.travelDocument.type}`)}{" "}
                      <span dir="ltr">{e.travelDocument.number}</span>
                      <br />
                      <span className="muted">
                        {t("movements.manifest.expires", { date: e.travelDocument.expiry })}
                      </span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {e.fitToTravel ? (
                    <>
                      {t(`vhr.fttOutcomes.${e.fitToTravel.outcome as "fit"}`)}
                      {e.fitToTravel.conditions.length > 0
                        ? ` · ${e.fitToTravel.conditions.map((c) => t(`vhr.conditions.${c}`)).join(", ")}`
                        : null}
                      {e.fitToTravel.validUntil ? (
                        <>
                          <br />
                          <span className="muted">
                            {t("movements.manifest.validUntil", {
                              at: format.dateTime(new Date(e.fitToTravel.validUntil), {
                                dateStyle: "medium",
                                timeStyle: "short",
                                timeZone: "Africa/Tripoli",
                              }),
                            })}
                          </span>
                        </>
                      ) : null}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {e.kitGiven ? (
                    t("movements.manifest.kitGiven")
                  ) : e.status === "booked" && planned ? (
                    <ScriptButton
                      className="secondary no-print"
                      disabled={busy}
                      onClick={() =>
                        rowAction(() => recordKitAction({ bookingId: e.bookingId, version: e.version }))
                      }
                      aria-label={t("movements.manifest.giveKitTo", { name: e.person.name })}
                    >
                      {t("movements.manifest.giveKit")}
                    </ScriptButton>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {e.status !== "booked" ? (
                    "—"
                  ) : e.blockers.length === 0 ? (
                    <span className="badge ok">{t("movements.ready")}</span>
                  ) : (
                    <>
                      <span className="badge warn">{t("movements.blocked")}</span>
                      <ul className="blockers">
                        {e.blockers.map((b) => (
                          <li key={b}>{t(`vhr.blockers.${b}`)}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </td>
                <td>
                  {e.status !== "booked" ? (
                    <span className="badge" data-testid="booking-status">
                      {t(`vhr.bookingStatuses.${e.status}`)}
                      {e.offloadReason ? ` · ${t(`vhr.offloadReasons.${e.offloadReason}`)}` : null}
                    </span>
                  ) : canConfirm ? (
                    <div className="no-print">
                      <label className="visually-hidden" htmlFor={`outcome-${e.bookingId}`}>
                        {t("movements.confirm.outcomeFor", { name: e.person.name })}
                      </label>
                      <select
                        id={`outcome-${e.bookingId}`}
                        value={choice.outcome}
                        onChange={(ev) =>
                          choose(e.bookingId, { outcome: ev.target.value as DepartureOutcome | "" })
                        }
                        aria-invalid={errors.length > 0 || undefined}
                      >
                        <option value="">{t("movements.confirm.stillBooked")}</option>
                        {DEPARTURE_OUTCOMES.map((o) => (
                          <option key={o} value={o}>
                            {t(`vhr.bookingStatuses.${o}`)}
                          </option>
                        ))}
                      </select>
                      {choice.outcome === "offloaded" ? (
                        <>
                          <label className="visually-hidden" htmlFor={`reason-${e.bookingId}`}>
                            {t("movements.confirm.offloadReasonFor", { name: e.person.name })}
                          </label>
                          <select
                            id={`reason-${e.bookingId}`}
                            value={choice.offloadReason}
                            onChange={(ev) =>
                              choose(e.bookingId, { offloadReason: ev.target.value as OffloadReason | "" })
                            }
                          >
                            <option value="">{t("movements.confirm.chooseReason")}</option>
                            {OFFLOAD_REASONS.map((r) => (
                              <option key={r} value={r}>
                                {t(`vhr.offloadReasons.${r}`)}
                              </option>
                            ))}
                          </select>
                        </>
                      ) : null}
                      {errors.map((m) => (
                        <p key={m} className="error" role="alert">
                          {t(validationMessageKey(m) as "validation.required")}
                        </p>
                      ))}
                    </div>
                  ) : (
                    <div className="no-print">
                      <span className="badge">{t("vhr.bookingStatuses.booked")}</span>{" "}
                      {planned ? (
                        <ScriptButton
                          className="link"
                          disabled={busy}
                          onClick={() =>
                            rowAction(() =>
                              cancelBookingAction({ bookingId: e.bookingId, version: e.version }),
                            )
                          }
                          aria-label={t("movements.manifest.cancelFor", { name: e.person.name })}
                        >
                          {t("movements.manifest.cancel")}
                        </ScriptButton>
                      ) : null}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {planned && canConfirm && booked.length > 0 ? (
        <div className="actions no-print">
          <ScriptButton disabled={busy} onClick={confirm}>
            {t("movements.confirm.submit")}
          </ScriptButton>
        </div>
      ) : null}
      {planned ? (
        <div className="actions no-print">
          <ScriptButton
            className="secondary"
            disabled={busy || !canClose}
            onClick={() => rowAction(() => closeMovementAction({ movementId, version: movementVersion }))}
          >
            {t("movements.close")}
          </ScriptButton>
          {!canClose ? <span className="muted">{t("movements.closeBlocked")}</span> : null}
        </div>
      ) : null}
    </>
  );
}
