import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, bids, caseAssignments } from "@/db/schema";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { acceptUndertaking } from "@/lib/dal/bid/accept-undertaking";
import { getCaseBid } from "@/lib/dal/bid/get-case-bid";
import { getDecisionSummary } from "@/lib/dal/bid/get-decision-summary";
import { addToAgenda, inviteMembers, publishAgenda } from "@/lib/dal/bid/manage-agenda";
import { recordDecision } from "@/lib/dal/bid/record-decision";
import { recordEmergencyAction } from "@/lib/dal/bid/record-emergency-action";
import { recordInformed } from "@/lib/dal/bid/record-informed";
import { recordVote } from "@/lib/dal/bid/record-vote";
import { requestReview } from "@/lib/dal/bid/request-review";
import { requireBid } from "@/lib/dal/bid/require-bid";
import { listReviewRequests, resolveReview } from "@/lib/dal/bid/resolve-review";
import { bidApprovesReturn } from "@/lib/dal/bid/return-approval";
import { reviewBia } from "@/lib/dal/bid/review-bia";
import { reviewBid } from "@/lib/dal/bid/review-bid";
import { saveBia } from "@/lib/dal/bid/save-bia";
import { saveBidReport } from "@/lib/dal/bid/save-bid-report";
import { scheduleSession } from "@/lib/dal/bid/schedule-session";
import type { DalContext } from "@/lib/dal/context";
import { withTransaction } from "@/lib/dal/context";
import type { BidOption } from "@/lib/domain/bid/constants";
import { bidReadyForPanel, COMPLETE_REPORT, childWithApprovedBia, seat, setPanelRules } from "../support/bid";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let cw: DalContext;
let cw2: DalContext;
let sup: DalContext;
let supBen: DalContext;
let chair: DalContext;
let m1: DalContext;
let m2: DalContext;

const BIA = {
  situation: "Arrived alone",
  careArrangement: "Shelter",
  tracingStatus: "Ongoing",
  childViews: "Wants to stay safe",
  howHeard: "In Arabic",
  risks: "Exploitation",
  immediateNeeds: "Shelter",
};
const reasons = "Family located and willing, child's wish";

beforeAll(async () => {
  [cw, cw2, sup, supBen] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("supervisor", "BEN"),
  ]);
  [chair, m1, m2] = await Promise.all([
    seat("chair", "IOM"),
    seat("member", "UNICEF"),
    seat("member", "UNHCR"),
  ]);
  await setPanelRules(3, []);
});

async function decide(
  bidId: string,
  outcome: "approved" | "not_approved",
  option: BidOption = "vhr_reintegration",
) {
  const now = new Date();
  const s = await scheduleSession(chair, { title: "Session", sessionDate: "2030-01-15" });
  await acceptUndertaking(chair, { sessionId: s.id }, now);
  await addToAgenda(chair, { sessionId: s.id, bidId });
  await inviteMembers(chair, { sessionId: s.id, userIds: [m1.actor.id, m2.actor.id] });
  await publishAgenda(chair, { sessionId: s.id }, now);
  const position = outcome === "approved" ? "approve" : "not_approve";
  for (const m of [chair, m1, m2]) {
    await acceptUndertaking(m, { sessionId: s.id }, now);
    await recordVote(
      m,
      { sessionId: s.id, bidId, position, option: outcome === "approved" ? option : "", reasons },
      now,
    );
  }
  await recordDecision(
    chair,
    {
      sessionId: s.id,
      bidId,
      outcome,
      chosenOption: outcome === "approved" ? option : "",
      rationale: reasons,
    } as never,
    now,
  );
  return s.id;
}

describe("BIA", () => {
  it("only for an unaccompanied or separated child, complete to submit, approved by another person", async () => {
    const adult = await registerBeneficiary(cw, registration({ familyName: "Kone", givenNames: "Adama" }));
    const notUasc = await dalError(saveBia(cw, { beneficiaryId: adult.id, ...BIA }), "invalid");
    expect(notUasc.fieldErrors?._form).toEqual(["bid.refused.notUasc"]);

    const child = await registerBeneficiary(
      cw,
      registration({
        familyName: "Traore",
        givenNames: "Issa",
        dateOfBirth: "2012-02-02",
        uascStatus: "separated",
      }),
    );
    const incomplete = await dalError(
      saveBia(cw, { beneficiaryId: child.id, ...BIA, risks: "", submit: true }),
      "invalid",
    );
    expect(incomplete.fieldErrors).toEqual({ risks: ["required"] });
    const draft = await saveBia(cw, { beneficiaryId: child.id, ...BIA, risks: "" });
    expect(draft.status).toBe("draft");
    // Another caseworker of the office does not reach the case.
    await dalError(saveBia(cw2, { beneficiaryId: child.id, ...BIA }), "not_found");
    await dalError(saveBia(cw, { beneficiaryId: child.id, version: 99, ...BIA }), "conflict");
    const submitted = await saveBia(cw, {
      beneficiaryId: child.id,
      version: draft.version,
      ...BIA,
      submit: true,
    });
    expect(submitted.status).toBe("submitted");
    await dalError(
      reviewBia(cw, { biaId: submitted.id, version: submitted.version, decision: "approve" }),
      "forbidden",
    );
    await dalError(
      reviewBia(supBen, { biaId: submitted.id, version: submitted.version, decision: "approve" }),
      "not_found",
    );
    await dalError(
      reviewBia(sup, { biaId: submitted.id, version: submitted.version, decision: "return", reason: "no" }),
      "invalid",
    );
    const returned = await reviewBia(sup, {
      biaId: submitted.id,
      version: submitted.version,
      decision: "return",
      reason: "Describe how the child was heard",
    });
    // Only an approved BIA lets the supervisor require a BID.
    await dalError(
      requireBid(sup, {
        biaId: submitted.id,
        reasons: ["long_term_care"],
        reasonNote: "Long-term care needed",
      }),
      "invalid",
    );
    const again = await saveBia(cw, {
      beneficiaryId: child.id,
      version: returned.version,
      ...BIA,
      submit: true,
    });
    await reviewBia(sup, { biaId: again.id, version: again.version, decision: "approve" });
    const bid = await requireBid(sup, {
      biaId: again.id,
      reasons: ["long_term_care"],
      reasonNote: "Long-term care needed",
    });
    await dalError(
      requireBid(sup, { biaId: again.id, reasons: ["resettlement"], reasonNote: "A second BID in parallel" }),
      "invalid",
    );
    expect(bid.id).toBeTruthy();
  });
});

describe("BID report", () => {
  it("cannot be submitted while an element is missing without a recorded reason", async () => {
    const { biaId } = await childWithApprovedBia(cw, sup);
    const { id: bidId } = await requireBid(sup, {
      biaId,
      reasons: ["return_vhr"],
      reasonNote: "Return requested",
    });
    const report = { ...COMPLETE_REPORT, siblings: "", education: "" };
    const blocked = await dalError(
      saveBidReport(cw, {
        bidId,
        version: 1,
        report,
        missingReasons: { education: "Never attended school" },
        submit: true,
      }),
      "invalid",
    );
    expect(blocked.fieldErrors).toEqual({
      _form: ["bid.refused.incomplete"],
      "missing.siblings": ["bid.validation.elementMissing"],
    });
    const [unchanged] = await getDb().select().from(bids).where(eq(bids.id, bidId));
    expect(unchanged?.status).toBe("required");
    const saved = await saveBidReport(cw, {
      bidId,
      version: 1,
      report,
      missingReasons: { education: "Never attended school", siblings: "The child knows of no siblings" },
      submit: true,
    });
    expect(saved.status).toBe("submitted");
    // A supervisor returns it with a reason; the caseworker cannot pass it to the panel.
    await dalError(
      reviewBid(cw, { bidId, version: saved.version, decision: "submit_to_panel" }),
      "forbidden",
    );
    const back = await reviewBid(sup, {
      bidId,
      version: saved.version,
      decision: "return",
      reason: "Add the home visit",
    });
    const view = await getCaseBid(
      cw,
      (await getDb().select().from(bids).where(eq(bids.id, bidId)))[0]?.beneficiaryId ?? "",
    );
    expect(view.access === "full" && view.bid?.status).toBe("returned");
    expect(back.version).toBe(saved.version + 1);
  });

  it("goes to the panel only with consent to sharing, or with the supervisor's written reason", async () => {
    const child = await registerBeneficiary(
      cw,
      registration(
        {
          familyName: "Tandjaoui",
          givenNames: "Ibrahim",
          nationality: "NER",
          dateOfBirth: "2012-02-02",
          uascStatus: "unaccompanied",
        },
        {
          consent: { obtained: "yes", givenBy: "guardian", givenOn: "2024-01-10", purposes: ["services"] },
          duplicateOverrideReason: "Distinct child created by the test",
        },
      ),
    );
    const bia = await saveBia(cw, { beneficiaryId: child.id, ...BIA, submit: true });
    await reviewBia(sup, { biaId: bia.id, version: bia.version, decision: "approve" });
    const bid = await requireBid(sup, {
      biaId: bia.id,
      reasons: ["return_vhr"],
      reasonNote: "The child asks to return",
    });
    const saved = await saveBidReport(cw, {
      bidId: bid.id,
      version: 1,
      report: COMPLETE_REPORT,
      missingReasons: {},
      submit: true,
    });
    const refusedWithout = await dalError(
      reviewBid(sup, { bidId: bid.id, version: saved.version, decision: "submit_to_panel" }),
      "invalid",
    );
    expect(refusedWithout.fieldErrors).toEqual({ reason: ["bid.validation.panelConsentReason"] });
    const [still] = await getDb().select().from(bids).where(eq(bids.id, bid.id));
    expect(still?.status).toBe("submitted");
    await reviewBid(sup, {
      bidId: bid.id,
      version: saved.version,
      decision: "submit_to_panel",
      reason: "Guardian unreachable; the child's return is urgent",
    });
    const [sent] = await getDb().select().from(bids).where(eq(bids.id, bid.id));
    expect(sent?.status).toBe("ready_for_panel");
    const [audit] = await getDb()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.action, "bid.submit_to_panel"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.detail).toMatchObject({
      consentOverride: "Guardian unreachable; the child's return is urgent",
    });
  });

  it("is restricted to the owner, the office supervisor and holders of the bid category; reads are logged", async () => {
    const { child } = await childWithApprovedBia(cw, sup);
    // A colleague assigned to the case sees it, but not its BID section, until granted the category.
    await getDb()
      .insert(caseAssignments)
      .values({ beneficiaryId: child.id, userId: cw2.actor.id, assignedBy: sup.actor.id });
    expect(await getCaseBid(cw2, child.id)).toMatchObject({ access: "restricted" });
    await dalError(saveBia(cw2, { beneficiaryId: child.id, ...BIA }), "forbidden");
    const granted = { ...cw2, actor: { ...cw2.actor, categories: ["bid" as const] } };
    expect((await getCaseBid(granted, child.id)).access).toBe("full");
    await dalError(getCaseBid(supBen, child.id), "not_found");
    const owner = await getCaseBid(cw, child.id);
    expect(owner.access).toBe("full");
    const audits = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, child.id));
    expect(audits.some((a) => a.action === "bid.read" && a.actorId === cw.actor.id)).toBe(true);
  });
});

describe("after the decision", () => {
  it("an emergency action is recorded whatever the state of the BID", async () => {
    const { child, bidId } = await bidReadyForPanel(cw, sup);
    const s = await scheduleSession(chair, { title: "Pending", sessionDate: "2030-01-15" });
    await acceptUndertaking(chair, { sessionId: s.id });
    await addToAgenda(chair, { sessionId: s.id, bidId });
    await recordEmergencyAction(cw, {
      beneficiaryId: child.id,
      action: "Moved to a safe shelter",
      takenOn: "2025-01-05",
    });
    const view = await getCaseBid(cw, child.id);
    expect(view.emergencyActions.map((a) => a.action)).toEqual(["Moved to a safe shelter"]);
  });

  it("approval of a return is exported for VHR booking; informing, review and reopening follow", async () => {
    const { child, bidId } = await bidReadyForPanel(cw, sup);
    const before = await withTransaction({}, (tx) => bidApprovesReturn(tx, child.id));
    expect(before).toEqual({ approved: false, familyLocated: false, decidedAt: null });
    await decide(bidId, "approved");
    const after = await withTransaction({}, (tx) => bidApprovesReturn(tx, child.id));
    expect(after).toMatchObject({ approved: true, familyLocated: true });

    const [bid] = await getDb().select().from(bids).where(eq(bids.id, bidId));
    const informed = await recordInformed(cw, {
      bidId,
      version: bid?.version ?? 0,
      informedOn: "2025-02-01",
      informedHow: "In person with the caregiver",
      implementationPlan: "Escorted VHR",
      followUp: "Visit within 30 days",
      reviewDate: "2025-08-01",
    });
    const summary = await getDecisionSummary(sup, bidId);
    expect(summary).toMatchObject({
      outcome: "approved",
      consensus: true,
      implementationPlan: "Escorted VHR",
    });
    expect(summary.present).toHaveLength(3);

    const requested = await requestReview(cw, {
      bidId,
      version: informed.version,
      reason: "changed_circumstances",
      detail: "The mother has moved to Niamey",
    });
    // A decision under review does not stand as approval.
    expect((await withTransaction({}, (tx) => bidApprovesReturn(tx, child.id))).approved).toBe(false);
    expect((await listReviewRequests(chair)).map((r) => r.bidId)).toContain(bidId);
    await dalError(
      resolveReview(m1, { bidId, version: requested.version, resolution: "reopen", reason: reasons }),
      "forbidden",
    );
    const declined = await resolveReview(chair, {
      bidId,
      version: requested.version,
      resolution: "decline",
      reason: "Niamey is covered by the same partner",
    });
    const [afterDecline] = await getDb().select().from(bids).where(eq(bids.id, bidId));
    expect(afterDecline?.status).toBe("implementation");
    expect((await withTransaction({}, (tx) => bidApprovesReturn(tx, child.id))).approved).toBe(true);

    const again = await requestReview(cw, {
      bidId,
      version: declined.version,
      reason: "cannot_implement",
      detail: "Flights suspended for three months",
    });
    await resolveReview(chair, {
      bidId,
      version: again.version,
      resolution: "reopen",
      reason: "New options are needed",
    });
    const [reopened] = await getDb().select().from(bids).where(eq(bids.id, bidId));
    expect(reopened).toMatchObject({
      status: "drafting",
      panelQuestions: "Flights suspended for three months",
    });
    expect((await withTransaction({}, (tx) => bidApprovesReturn(tx, child.id))).approved).toBe(false);
  });

  it("a non-return option, or a refusal, does not approve return", async () => {
    const care = await bidReadyForPanel(cw, sup);
    await decide(care.bidId, "approved", "care_host_family");
    expect((await withTransaction({}, (tx) => bidApprovesReturn(tx, care.child.id))).approved).toBe(false);
    const refused = await bidReadyForPanel(cw, sup);
    await decide(refused.bidId, "not_approved");
    expect((await withTransaction({}, (tx) => bidApprovesReturn(tx, refused.child.id))).approved).toBe(false);
  });
});
