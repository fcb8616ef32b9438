import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/bid/action-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { type AgendaEntry, getSession } from "@/lib/dal/bid/get-session";
import {
  acceptUndertakingAction,
  addToAgendaAction,
  inviteMembersAction,
  publishAgendaAction,
} from "../../../bid/actions";

export const metadata: Metadata = { robots: { index: false } };

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const ctx = await requireContext();
  const { sessionId } = await params;
  const s = await orNotFound(getSession(ctx, sessionId));
  const t = await getTranslations("panel");
  const tb = await getTranslations("bid");
  const child = (a: AgendaEntry) => (
    <>
      {a.child.name} · {tb("childAge", { age: a.child.age })} · {tb(`sex.${a.child.sex}`)} ·{" "}
      {a.child.nationality}
      {a.child.agesOut ? (
        <>
          {" "}
          <span className="badge warn">{tb("agesOutShort")}</span>
        </>
      ) : null}
    </>
  );
  return (
    <>
      <h1>
        {s.title} · <span dir="ltr">{s.sessionDate}</span>
      </h1>
      <section className="card" aria-labelledby="members">
        <h2 id="members">{t("members")}</h2>
        <ul>
          {s.invitees.map((i) => (
            <li key={i.userId}>
              {i.name} ({i.agency ?? "—"}) · {i.accepted ? t("accepted") : t("notAccepted")}
            </li>
          ))}
        </ul>
        {s.chairing && s.invitable.length ? (
          <ActionForm action={inviteMembersAction} fixed={{ sessionId }} label={t("invite")}>
            <fieldset>
              <legend>{t("invite")}</legend>
              {s.invitable.map((m) => (
                <label key={m.userId} className="check">
                  <input type="checkbox" name="userIds[]" value={m.userId} /> {m.name} ({m.agency})
                </label>
              ))}
            </fieldset>
            <button type="submit">{t("inviteSubmit")}</button>
          </ActionForm>
        ) : null}
      </section>
      {!s.undertakingAccepted ? (
        <section className="card" aria-labelledby="undertaking">
          <h2 id="undertaking">{t("undertaking.title")}</h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{t("undertaking.text")}</p>
          <ActionForm action={acceptUndertakingAction} fixed={{ sessionId }}>
            <button type="submit">{t("undertaking.accept")}</button>
          </ActionForm>
        </section>
      ) : (
        <section className="card" aria-labelledby="agenda">
          <h2 id="agenda">{t("agenda")}</h2>
          {s.chairing && !s.published ? <p className="alert warn">{t("unpublished")}</p> : null}
          {s.agenda.length === 0 ? (
            <p className="muted">{t("emptyAgenda")}</p>
          ) : (
            <ul data-testid="agenda">
              {s.agenda.map((a) => (
                <li key={a.bidId}>
                  <Link href={`/panel/sessions/${sessionId}/cases/${a.bidId}`}>{child(a)}</Link> ·{" "}
                  {a.reasons.map((r) => tb(`reason.${r}`)).join(", ")} ·{" "}
                  {a.outcome ? tb(`outcome.${a.outcome}`) : tb(`status.${a.status}`)}
                </li>
              ))}
            </ul>
          )}
          {s.chairing && !s.published ? (
            <ActionForm action={publishAgendaAction} fixed={{ sessionId }}>
              <button type="submit">{t("publish")}</button>
            </ActionForm>
          ) : null}
          {s.chairing && s.ready.length ? (
            <>
              <h3>{t("ready")}</h3>
              <ul data-testid="ready">
                {s.ready.map((a) => (
                  <li key={a.bidId}>
                    <ActionForm action={addToAgendaAction} fixed={{ sessionId, bidId: a.bidId }}>
                      {child(a)} · {a.reasons.map((r) => tb(`reason.${r}`)).join(", ")}{" "}
                      <button type="submit" className="secondary">
                        {t("addToAgenda")}
                      </button>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}
      <Link href="/panel">{t("back")}</Link>
    </>
  );
}
