import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StageBadge } from "@/components/returns/stage-badge";
import {
  type DateStepEvent,
  DateStepForm,
  HandOffForm,
  TravelDocumentForm,
  WithdrawForm,
} from "@/components/returns/step-forms";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { can } from "@/lib/authz";
import { getVhrCase, type VhrCaseDetail } from "@/lib/dal/vhr/get-vhr-case";
import { todayIso } from "@/lib/domain/age";
import { VHR_STAGES, type VhrStage } from "@/lib/domain/vhr/constants";
import { countryName, nationalityName } from "@/lib/reference/countries";

export const metadata: Metadata = { robots: { index: false } };

/** The nine stages a return passes through, in order; "withdrawn" ends it apart. */
const PROGRESS: readonly VhrStage[] = VHR_STAGES.filter((s) => s !== "withdrawn");

const DATE_STEPS: readonly DateStepEvent[] = [
  "record_counselling",
  "verify_nationality",
  "record_interview",
  "confirm_arrival",
];

/** When the case reached a stage: the date recorded for the step, else the time of its event. */
function reachedOn(c: VhrCaseDetail, stage: VhrStage): { date: string } | { at: string } | null {
  const recorded: Partial<Record<VhrStage, string | null | undefined>> = {
    requested: c.request.declaredOn,
    counselled: c.counselledOn,
    nationality_verified: c.nationalityVerifiedOn,
    interviewed: c.interviewedOn,
    documented: c.travelDocument?.issuedOn,
    arrived: c.arrivedOn,
  };
  const date = recorded[stage];
  if (date) return { date };
  // History is newest first: the latest time the case entered the stage.
  const event = c.history.find((h) => h.toStage === stage);
  return event ? { at: event.at } : null;
}

/** The return case: travel biodata only, where it stands, and the forms for its next steps. */
export default async function ReturnCasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const c = await orNotFound(getVhrCase(ctx, id));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const today = todayIso();
  const canManage = can(ctx.actor.role, "vhr.manage");
  const canSeeMovements = can(ctx.actor.role, "movement.read");
  const date = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const instant = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const when = (r: { date: string } | { at: string }) => ("date" in r ? date(r.date) : instant(r.at));

  const withdrawn = c.stage === "withdrawn";
  const withdrawnFrom = withdrawn ? c.history.find((h) => h.event === "withdraw")?.fromStage : null;
  const reachedIndex = PROGRESS.indexOf(withdrawn ? (withdrawnFrom ?? "requested") : c.stage);

  const stepForms = c.nextEvents.filter((e) => e !== "withdraw");
  const canWithdraw = c.nextEvents.includes("withdraw");
  const { person } = c;

  return (
    <>
      <p>
        <Link href="/returns">
          <span className="back-arrow" aria-hidden="true">
            ←
          </span>{" "}
          {t("returns.case.back")}
        </Link>
      </p>
      <div className="toolbar">
        <h1>
          <span dir="ltr">{person.caseNumber}</span> · {person.name}
        </h1>
        <StageBadge stage={c.stage} />
      </div>
      {withdrawn && c.withdrawal ? (
        <div className="alert warn" role="status">
          {t("returns.case.withdrawnNotice", { date: instant(c.withdrawal.at) })}
        </div>
      ) : null}

      <div className="grid-2">
        <section className="card" aria-labelledby="person">
          <h2 id="person" style={{ marginBlockStart: 0 }}>
            {t("returns.case.person")}
          </h2>
          <dl className="facts">
            <dt>{t("returns.list.caseNumber")}</dt>
            <dd dir="ltr">{person.caseNumber}</dd>
            <dt>{t("returns.list.name")}</dt>
            <dd>{person.name}</dd>
            {person.nameAr ? (
              <>
                <dt>{t("fields.nameAr")}</dt>
                <dd dir="rtl" lang="ar">
                  {person.nameAr}
                </dd>
              </>
            ) : null}
            <dt>{t("fields.sex")}</dt>
            <dd>{t(`enums.sex.${person.sex}`)}</dd>
            <dt>{t("fields.dateOfBirth")}</dt>
            <dd>{date(person.dateOfBirth)}</dd>
            <dt>{t("case.age")}</dt>
            <dd>{t("cases.years", { age: person.age })}</dd>
            <dt>{t("fields.nationality")}</dt>
            <dd>{nationalityName(person.nationality, locale, t("enums.stateless"))}</dd>
            <dt>{t("returns.case.destination")}</dt>
            <dd>{countryName(c.destinationCountry, locale)}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="progress">
          <h2 id="progress" style={{ marginBlockStart: 0 }}>
            {t("returns.case.progress")}
          </h2>
          <p>
            {t("returns.case.stage")}: <StageBadge stage={c.stage} />
          </p>
          <ol data-testid="vhr-progress">
            {PROGRESS.map((stage, i) => {
              const reached = i <= reachedIndex;
              const current = !withdrawn && i === reachedIndex;
              const on = reached ? reachedOn(c, stage) : null;
              return (
                <li key={stage} aria-current={current ? "step" : undefined} data-reached={reached}>
                  {current ? <strong>{t(`vhr.stages.${stage}`)}</strong> : t(`vhr.stages.${stage}`)}
                  {" · "}
                  {reached ? (
                    <>
                      {current ? t("returns.case.progressCurrent") : t("returns.case.progressDone")}
                      {on ? ` · ${when(on)}` : null}
                    </>
                  ) : (
                    <span className="muted">
                      {withdrawn ? t("returns.case.progressNotReached") : t("returns.case.progressPending")}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="request">
          <h2 id="request" style={{ marginBlockStart: 0 }}>
            {t("returns.case.request")}
          </h2>
          <dl className="facts">
            <dt>{t("returns.case.informedConsent")}</dt>
            <dd>{c.request.informedConsent ? t("returns.yes") : t("returns.no")}</dd>
            <dt>{t("returns.case.declaredOn")}</dt>
            <dd>{date(c.request.declaredOn)}</dd>
            <dt>{t("returns.case.language")}</dt>
            <dd>{c.request.language}</dd>
            <dt>{t("returns.case.interpreter")}</dt>
            <dd>{c.request.interpreter ?? <span className="muted">{t("returns.case.none")}</span>}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="document">
          <h2 id="document" style={{ marginBlockStart: 0 }}>
            {t("returns.case.document")}
          </h2>
          {c.travelDocument ? (
            <dl className="facts" data-testid="travel-document">
              <dt>{t("returns.case.documentType")}</dt>
              <dd>{t(`vhr.documentTypes.${c.travelDocument.type}`)}</dd>
              <dt>{t("returns.case.documentNumber")}</dt>
              <dd dir="ltr">{c.travelDocument.number}</dd>
              <dt>{t("returns.case.issuedOn")}</dt>
              <dd>{date(c.travelDocument.issuedOn)}</dd>
              <dt>{t("returns.case.expiry")}</dt>
              <dd>
                {date(c.travelDocument.expiry)}
                {c.travelDocument.expiry < today ? (
                  <>
                    {" "}
                    <span className="badge overdue">{t("returns.list.expired")}</span>
                  </>
                ) : null}
              </dd>
            </dl>
          ) : (
            <p className="muted">{t("returns.case.documentNone")}</p>
          )}
        </section>

        <section className="card" aria-labelledby="ftt">
          <h2 id="ftt" style={{ marginBlockStart: 0 }}>
            {t("returns.case.ftt")}
          </h2>
          {c.fitToTravel ? (
            <dl className="facts" data-testid="fit-to-travel">
              <dt>{t("returns.case.fttOutcome")}</dt>
              <dd>{t(`vhr.fttOutcomes.${c.fitToTravel.outcome}`)}</dd>
              <dt>{t("returns.case.fttConditions")}</dt>
              <dd>
                {c.fitToTravel.conditions.length > 0
                  ? c.fitToTravel.conditions.map((x) => t(`vhr.conditions.${x}`)).join(", ")
                  : t("returns.case.none")}
              </dd>
              <dt>{t("returns.case.fttExamined")}</dt>
              <dd>{instant(c.fitToTravel.screenedAt)}</dd>
              <dt>{t("returns.case.fttValidUntil")}</dt>
              <dd>
                {c.fitToTravel.validUntil ? (
                  <>
                    {instant(c.fitToTravel.validUntil)}
                    {new Date(c.fitToTravel.validUntil) < new Date() ? (
                      <>
                        {" "}
                        <span className="badge overdue">{t("returns.list.expired")}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t("returns.case.fttNoClearance")}</span>
                )}
              </dd>
            </dl>
          ) : (
            <p className="muted">{t("returns.case.fttNone")}</p>
          )}
        </section>

        {c.child.unaccompaniedChild ? (
          <section className="card" aria-labelledby="child" data-testid="child-status">
            <h2 id="child" style={{ marginBlockStart: 0 }}>
              {t("returns.case.child")}
            </h2>
            <p className="muted">{t("returns.case.childIntro")}</p>
            <dl className="facts">
              <dt>{t("returns.case.bidApproval")}</dt>
              <dd>
                <span className={c.child.bidApprovesReturn ? "badge status-closed" : "badge overdue"}>
                  {c.child.bidApprovesReturn ? t("returns.yes") : t("returns.no")}
                </span>
              </dd>
              <dt>{t("returns.case.familyLocated")}</dt>
              <dd>
                <span className={c.child.familyLocated ? "badge status-closed" : "badge overdue"}>
                  {c.child.familyLocated ? t("returns.yes") : t("returns.no")}
                </span>
              </dd>
            </dl>
          </section>
        ) : null}

        <section className="card" aria-labelledby="booking">
          <h2 id="booking" style={{ marginBlockStart: 0 }}>
            {t("returns.case.booking")}
          </h2>
          {c.booking ? (
            <dl className="facts" data-testid="booking">
              <dt>{t("returns.case.movement")}</dt>
              <dd dir="ltr">
                {canSeeMovements ? (
                  <Link href={`/movements/${c.booking.movementId}`}>{c.booking.reference}</Link>
                ) : (
                  c.booking.reference
                )}
              </dd>
              <dt>{t("returns.case.departsAt")}</dt>
              <dd>{instant(c.booking.departsAt)}</dd>
            </dl>
          ) : (
            <p className="muted">{t("returns.case.bookingNone")}</p>
          )}
          {c.stage === "documented" || c.stage === "booked" ? (
            <p className="muted">
              {t("returns.case.bookingOnMovement")}
              {canSeeMovements ? (
                <>
                  {" "}
                  <Link href="/movements">{t("returns.case.movementsLink")}</Link>
                </>
              ) : null}
            </p>
          ) : null}
        </section>

        {c.handoff ? (
          <section className="card" aria-labelledby="handoff" data-testid="handoff">
            <h2 id="handoff" style={{ marginBlockStart: 0 }}>
              {t("returns.case.handoff")}
            </h2>
            <dl className="facts">
              <dt>{t("returns.case.handoffOrganisation")}</dt>
              <dd>{c.handoff.organisation}</dd>
              <dt>{t("returns.case.handoffState")}</dt>
              <dd>
                <span className="badge">
                  {t.has(`referrals.states.${c.handoff.state}`)
                    ? t(`referrals.states.${c.handoff.state}`)
                    : c.handoff.state}
                </span>
              </dd>
            </dl>
          </section>
        ) : null}

        {c.withdrawal ? (
          <section className="card" aria-labelledby="withdrawal">
            <h2 id="withdrawal" style={{ marginBlockStart: 0 }}>
              {t("returns.case.withdrawal")}
            </h2>
            <dl className="facts">
              <dt>{t("returns.case.withdrawnAt")}</dt>
              <dd>{instant(c.withdrawal.at)}</dd>
              <dt>{t("returns.case.withdrawalReason")}</dt>
              <dd className="note-body">{c.withdrawal.reason}</dd>
            </dl>
          </section>
        ) : null}
      </div>

      {canManage && stepForms.length > 0 ? (
        <section className="card" aria-labelledby="next-steps" data-testid="next-steps">
          <h2 id="next-steps" style={{ marginBlockStart: 0 }}>
            {t("returns.case.nextSteps")}
          </h2>
          {stepForms.map((event) => {
            if ((DATE_STEPS as readonly string[]).includes(event)) {
              return (
                <DateStepForm
                  key={event}
                  vhrCaseId={c.id}
                  version={c.version}
                  event={event as DateStepEvent}
                  today={today}
                />
              );
            }
            if (event === "issue_travel_document") {
              return (
                <TravelDocumentForm
                  key={event}
                  vhrCaseId={c.id}
                  version={c.version}
                  today={today}
                  replacement={c.stage === "documented"}
                />
              );
            }
            if (event === "hand_off") {
              return (
                <HandOffForm
                  key={event}
                  vhrCaseId={c.id}
                  version={c.version}
                  organisations={c.handoffOrganisations}
                  today={today}
                />
              );
            }
            return null;
          })}
        </section>
      ) : null}
      {canManage && stepForms.length === 0 && !canWithdraw ? (
        <p className="muted">{t("returns.case.noNextSteps")}</p>
      ) : null}

      {canManage && canWithdraw ? (
        <section className="card" aria-labelledby="withdraw" data-testid="withdraw-section">
          <h2 id="withdraw" style={{ marginBlockStart: 0 }}>
            {t("returns.steps.titles.withdraw")}
          </h2>
          <p className="muted">{t("returns.steps.withdrawIntro")}</p>
          <WithdrawForm vhrCaseId={c.id} version={c.version} />
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history">{t("returns.case.history")}</h2>
        <table data-testid="vhr-history">
          <thead>
            <tr>
              <th scope="col">{t("returns.case.historyEvent")}</th>
              <th scope="col">{t("returns.case.historyStages")}</th>
              <th scope="col">{t("returns.case.historyWho")}</th>
              <th scope="col">{t("returns.case.historyWhen")}</th>
            </tr>
          </thead>
          <tbody>
            {c.history.map((h) => (
              <tr key={`${h.at}-${h.event}-${h.toStage}`}>
                <td>
                  {t(`vhr.events.${h.event}`)}
                  {h.movementReference ? (
                    <span className="muted">
                      {" · "}
                      {t("returns.case.historyMovement")} <span dir="ltr">{h.movementReference}</span>
                    </span>
                  ) : null}
                </td>
                <td>
                  {h.fromStage
                    ? t("returns.case.fromTo", {
                        from: t(`vhr.stages.${h.fromStage}`),
                        to: t(`vhr.stages.${h.toStage}`),
                      })
                    : t(`vhr.stages.${h.toStage}`)}
                </td>
                <td>{h.actorName}</td>
                <td>
                  <time dateTime={h.at}>{instant(h.at)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
