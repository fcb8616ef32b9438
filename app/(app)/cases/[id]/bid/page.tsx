import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/bid/action-form";
import { BidReportForm } from "@/components/bid/bid-report-form";
import { DecisionView } from "@/components/bid/decision-view";
import { ReportView } from "@/components/bid/report-view";
import { CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getBeneficiary } from "@/lib/dal/beneficiaries/get-beneficiary";
import { getCaseBid } from "@/lib/dal/bid/get-case-bid";
import { BIA_FIELDS } from "@/lib/domain/bid/bia-machine";
import { BID_REASONS, REVIEW_REASONS } from "@/lib/domain/bid/constants";
import {
  emergencyAction,
  recordInformedAction,
  requestReviewAction,
  requireBidAction,
  reviewBiaAction,
  reviewBidAction,
  saveBiaAction,
} from "../../../bid/actions";

export const metadata: Metadata = { robots: { index: false } };

export default async function CaseBidPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const b = await orNotFound(getBeneficiary(ctx, id));
  const view = await orNotFound(getCaseBid(ctx, id));
  const t = await getTranslations("bid");

  const emergency = (
    <section className="card" aria-labelledby="emergency">
      <h2 id="emergency">{t("emergency.title")}</h2>
      <p className="muted">{t("emergency.hint")}</p>
      {view.emergencyActions.length ? (
        <ul data-testid="emergency-actions">
          {view.emergencyActions.map((a) => (
            <li key={a.id}>
              <span dir="ltr">{a.takenOn}</span> · {a.action} · {a.recordedBy}
            </li>
          ))}
        </ul>
      ) : null}
      {view.canRecordEmergency ? (
        <ActionForm action={emergencyAction} fixed={{ beneficiaryId: id }} success="bid.emergency.recorded">
          <Field name="action" label={t("emergency.action")} />
          <Field name="takenOn" type="date" label={t("emergency.takenOn")} />
          <button type="submit">{t("emergency.record")}</button>
        </ActionForm>
      ) : null}
    </section>
  );

  const header = (
    <>
      <div className="toolbar">
        <h1>
          <span dir="ltr">{b.caseNumber}</span> · {b.familyName}, {b.givenNames}
        </h1>
      </div>
      <CaseTabs id={id} active="bid" />
    </>
  );

  if (view.access === "restricted") {
    return (
      <>
        {header}
        <div className="alert warn" role="status">
          {t("restricted")}
        </div>
        {emergency}
      </>
    );
  }

  const { bia, bid } = view;
  const supervisor = view.can.review;
  const biaEditable = view.can.draft && (!bia || bia.status === "draft" || bia.status === "returned");
  const biaReviewable = supervisor && bia?.status === "submitted" && bia.authorId !== view.actorId;
  const bidOpen = bid && !["decided", "implementation"].includes(bid.status);

  return (
    <>
      {header}
      {!view.uasc ? <p className="alert warn">{t("notUasc")}</p> : null}
      {view.agesOut ? (
        <div className="alert warn" role="status" data-testid="ages-out">
          {t("agesOut")}
        </div>
      ) : null}

      <section className="card" aria-labelledby="bia">
        <h2 id="bia">{t("bia.title")}</h2>
        {bia ? (
          <p>
            <span className="badge" data-testid="bia-status">
              {t(`biaStatus.${bia.status}`)}
            </span>{" "}
            {t("bia.by", { name: bia.authorName })}
          </p>
        ) : null}
        {bia?.status === "returned" && bia.returnReason ? (
          <p className="alert warn">{t("returnedBecause", { reason: bia.returnReason })}</p>
        ) : null}
        {biaEditable && view.uasc ? (
          <ActionForm
            action={saveBiaAction}
            fixed={{ beneficiaryId: id, version: bia?.version }}
            success="bid.saved"
            label={t("bia.title")}
          >
            {BIA_FIELDS.map((f) => (
              <Field key={f} name={f} label={t(`bia.${f}`)} defaultValue={bia?.[f] ?? ""} />
            ))}
            <div className="actions">
              <button type="submit" name="intent" value="save" className="secondary">
                {t("saveDraft")}
              </button>
              <button type="submit" name="intent" value="submit">
                {t("bia.submit")}
              </button>
            </div>
          </ActionForm>
        ) : null}
        {bia && (bia.status === "submitted" || bia.status === "approved") ? (
          <dl className="facts">
            {BIA_FIELDS.map((f) => (
              <div key={f} style={{ display: "contents" }}>
                <dt>{t(`bia.${f}`)}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{bia[f]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {biaReviewable ? (
          <ActionForm
            action={reviewBiaAction}
            fixed={{ biaId: bia.id, version: bia.version }}
            label={t("bia.review")}
          >
            <Field name="reason" label={t("returnReason")} />
            <div className="actions">
              <button type="submit" name="intent" value="approve">
                {t("bia.approve")}
              </button>
              <button type="submit" name="intent" value="return" className="secondary">
                {t("return")}
              </button>
            </div>
          </ActionForm>
        ) : null}
      </section>

      <section className="card" aria-labelledby="bid">
        <h2 id="bid">{t("title")}</h2>
        {supervisor && bia?.status === "approved" && !bidOpen ? (
          <ActionForm action={requireBidAction} fixed={{ biaId: bia.id }} label={t("required.title")}>
            <fieldset>
              <legend>{t("required.why")}</legend>
              {BID_REASONS.map((r) => (
                <label key={r} className="check">
                  <input type="checkbox" name="reasons[]" value={r} /> {t(`reason.${r}`)}
                </label>
              ))}
            </fieldset>
            <Field name="reasonNote" label={t("required.note")} />
            <button type="submit">{t("required.record")}</button>
          </ActionForm>
        ) : null}
        {bid ? (
          <>
            <p>
              <span className="badge" data-testid="bid-status">
                {t(`status.${bid.status}`)}
              </span>{" "}
              {bid.reasons.map((r) => t(`reason.${r}`)).join(", ")}
            </p>
            <p style={{ whiteSpace: "pre-wrap" }}>{bid.reasonNote}</p>
            {bid.panelQuestions && bid.status === "drafting" ? (
              <p className="alert warn">{t("panelQuestions", { questions: bid.panelQuestions })}</p>
            ) : null}
            {bid.status === "returned" && bid.returnReason ? (
              <p className="alert warn">{t("returnedBecause", { reason: bid.returnReason })}</p>
            ) : null}
            {view.can.draft && ["required", "drafting", "returned"].includes(bid.status) ? (
              <BidReportForm
                bidId={bid.id}
                version={bid.version}
                report={bid.report}
                missingReasons={bid.missingReasons}
              />
            ) : (
              <ReportView report={bid.report} missing={bid.missing} missingReasons={bid.missingReasons} />
            )}
            {supervisor && bid.status === "submitted" && bid.authorId !== view.actorId ? (
              <ActionForm
                action={reviewBidAction}
                fixed={{ bidId: bid.id, version: bid.version }}
                label={t("review")}
              >
                <Field name="reason" label={t("returnReason")} />
                <div className="actions">
                  <button type="submit" name="intent" value="submit_to_panel">
                    {t("submitToPanel")}
                  </button>
                  <button type="submit" name="intent" value="return" className="secondary">
                    {t("return")}
                  </button>
                </div>
              </ActionForm>
            ) : null}
          </>
        ) : null}
      </section>

      {view.decisions.map((d) => (
        <DecisionView key={d.id} decision={d} printHref={bid ? `/bid/${bid.id}/decision/print` : undefined} />
      ))}

      {bid && view.can.followUp && bid.status === "decided" ? (
        <section className="card" aria-labelledby="informed">
          <h2 id="informed">{t("informed.title")}</h2>
          <ActionForm action={recordInformedAction} fixed={{ bidId: bid.id, version: bid.version }}>
            <div className="grid-2">
              <Field name="informedOn" type="date" label={t("informed.on")} />
              <Field name="reviewDate" type="date" label={t("informed.reviewDate")} />
            </div>
            <Field name="informedHow" label={t("informed.how")} />
            <Field name="implementationPlan" label={t("informed.plan")} />
            <Field name="followUp" label={t("informed.followUp")} />
            <button type="submit">{t("informed.record")}</button>
          </ActionForm>
        </section>
      ) : null}
      {bid?.informedOn ? (
        <section className="card" aria-labelledby="implementation">
          <h2 id="implementation">{t("informed.title")}</h2>
          <dl className="facts" data-testid="implementation">
            <dt>{t("informed.on")}</dt>
            <dd dir="ltr">{bid.informedOn}</dd>
            <dt>{t("informed.how")}</dt>
            <dd>{bid.informedHow}</dd>
            <dt>{t("informed.plan")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{bid.implementationPlan}</dd>
            <dt>{t("informed.followUp")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{bid.followUp}</dd>
            <dt>{t("informed.reviewDate")}</dt>
            <dd dir="ltr">{bid.reviewDate}</dd>
          </dl>
        </section>
      ) : null}
      {bid && view.can.followUp && (bid.status === "decided" || bid.status === "implementation") ? (
        <section className="card" aria-labelledby="review-request">
          <h2 id="review-request">{t("reviewRequest.title")}</h2>
          {bid.reviewResolution ? (
            <p className="muted">{t("reviewRequest.lastResolution", { reason: bid.reviewResolution })}</p>
          ) : null}
          <ActionForm
            action={requestReviewAction}
            fixed={{ bidId: bid.id, version: bid.version }}
            success="bid.reviewRequest.sent"
          >
            <Field name="reason" label={t("reviewRequest.reason")}>
              <select id="reason" name="reason" defaultValue="">
                <option value="">—</option>
                {REVIEW_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`reviewReason.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="detail" label={t("reviewRequest.detail")} />
            <button type="submit">{t("reviewRequest.submit")}</button>
          </ActionForm>
        </section>
      ) : null}
      {bid?.status === "review_requested" ? <p className="alert warn">{t("reviewRequest.pending")}</p> : null}
      {emergency}
      <Link href={`/cases/${id}`}>{t("backToCase")}</Link>
    </>
  );
}
