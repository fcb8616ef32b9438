import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/bid/action-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listMySessions } from "@/lib/dal/bid/list-sessions";
import { listReviewRequests } from "@/lib/dal/bid/resolve-review";
import { resolveReviewAction, scheduleSessionAction } from "../bid/actions";

export const metadata: Metadata = { robots: { index: false } };

/** The panel's home: the sessions the member is invited to; for the chair, scheduling and reviews. */
export default async function PanelPage() {
  const ctx = await requireContext();
  const mine = await orNotFound(listMySessions(ctx));
  const reviews = mine.isChair ? await orNotFound(listReviewRequests(ctx)) : [];
  const t = await getTranslations("panel");
  const tb = await getTranslations("bid");
  return (
    <>
      <h1>{t("title")}</h1>
      {!mine.agency ? <p className="alert warn">{t("notSeated")}</p> : null}
      <section className="card" aria-labelledby="sessions">
        <h2 id="sessions">{t("sessions")}</h2>
        {mine.sessions.length === 0 ? (
          <p className="muted">{t("noSessions")}</p>
        ) : (
          <ul data-testid="sessions">
            {mine.sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/panel/sessions/${s.id}`}>
                  {s.title} · <span dir="ltr">{s.sessionDate}</span>
                </Link>{" "}
                {s.chairing ? <span className="badge">{t("chairing")}</span> : null}{" "}
                {!s.undertakingAccepted ? (
                  <span className="badge warn">{t("undertakingPending")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mine.isChair ? (
        <section className="card" aria-labelledby="schedule">
          <h2 id="schedule">{t("schedule.title")}</h2>
          <ActionForm
            action={scheduleSessionAction}
            success="panel.schedule.done"
            label={t("schedule.title")}
          >
            <div className="grid-2">
              <Field name="title" type="text" label={t("schedule.sessionTitle")} />
              <Field name="sessionDate" type="date" label={t("schedule.date")} />
            </div>
            <button type="submit">{t("schedule.submit")}</button>
          </ActionForm>
        </section>
      ) : null}
      {reviews.length ? (
        <section className="card" aria-labelledby="reviews">
          <h2 id="reviews">{t("reviews.title")}</h2>
          {reviews.map((r) => (
            <div key={r.bidId} className="card">
              <p>
                {r.child.name} · {tb("childAge", { age: r.child.age })} · {r.child.nationality}
                {r.lastOutcome ? ` · ${tb(`outcome.${r.lastOutcome}`)}` : ""}
              </p>
              <p>
                {r.reason ? tb(`reviewReason.${r.reason}`) : ""}: {r.detail}
              </p>
              <ActionForm action={resolveReviewAction} fixed={{ bidId: r.bidId, version: r.version }}>
                <Field name="reason" label={t("reviews.resolution")} />
                <div className="actions">
                  <button type="submit" name="intent" value="reopen">
                    {t("reviews.reopen")}
                  </button>
                  <button type="submit" name="intent" value="decline" className="secondary">
                    {t("reviews.decline")}
                  </button>
                </div>
              </ActionForm>
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
