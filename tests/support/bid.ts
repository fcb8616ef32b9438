import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { panelConfig, panelMembers } from "../../db/schema";
import { registerBeneficiary } from "../../lib/dal/beneficiaries/register-beneficiary";
import { requireBid } from "../../lib/dal/bid/require-bid";
import { reviewBia } from "../../lib/dal/bid/review-bia";
import { reviewBid } from "../../lib/dal/bid/review-bid";
import { saveBia } from "../../lib/dal/bid/save-bia";
import { saveBidReport } from "../../lib/dal/bid/save-bid-report";
import type { DalContext } from "../../lib/dal/context";
import type { Agency } from "../../lib/domain/bid/constants";
import type { BidReport } from "../../lib/domain/bid/report";
import { makeUser, registration } from "./factories";

export const COMPLETE_REPORT: BidReport = {
  reason: "The child asks to return to his mother in Niger",
  tracingRequests: [{ agency: "ICRC", requestedOn: "2025-01-10" }],
  tracingOutcome: "located",
  familyAssessment: "Mother and two sisters in Zinder; assessed by a partner",
  childViews: "Wants to go home",
  childHeardLanguage: "Hausa",
  childHeardInterpreter: true,
  childAgeMaturity: "15 years old, mature",
  caregiverViews: "Shelter staff support the return",
  caregiverConsent: "given",
  risksLibya: "Detention, labour exploitation",
  risksTransit: "Escorted flight",
  risksDestination: "Poverty, reintegration support planned",
  health: "Healthy, MHPSS follow-up",
  education: "Primary school completed",
  identityCulture: "Hausa, Muslim",
  siblings: "Two younger sisters with the mother",
  options: [
    { option: "vhr_reintegration", pros: "Family located, child's wish", cons: "Economic hardship" },
    { option: "care_host_family", pros: "Safe now", cons: "Prolonged separation" },
  ],
  recommendedOption: "vhr_reintegration",
  rationale: "Family willing and able; the child's wish",
};

const BIA = {
  situation: "Arrived alone via Agadez",
  careArrangement: "Safe shelter in Tripoli",
  tracingStatus: "Mother located by ICRC",
  childViews: "Wants to return home",
  howHeard: "Interview in Hausa with an interpreter",
  risks: "Risk of detention and exploitation",
  immediateNeeds: "Shelter, MHPSS",
};

export async function seat(role: "member" | "chair", agency: Agency, office = "TIP"): Promise<DalContext> {
  const ctx = await makeUser("bid_panel", office);
  await getDb()
    .insert(panelMembers)
    .values({ userId: ctx.actor.id, agency, isChair: role === "chair" });
  return ctx;
}

export async function setPanelRules(quorum: number, requiredAgencies: Agency[] = [], accessDays = 14) {
  await getDb().insert(panelConfig).values({ id: 1 }).onConflictDoNothing();
  await getDb()
    .update(panelConfig)
    .set({ quorum, requiredAgencies, accessDays })
    .where(eq(panelConfig.id, 1));
}

let seq = 0;
/** An unaccompanied child, registered by `caseworker`, with an approved BIA. */
export async function childWithApprovedBia(caseworker: DalContext, supervisor: DalContext) {
  seq += 1;
  const child = await registerBeneficiary(
    caseworker,
    registration(
      {
        familyName: `Abdou${"bcdfghjklm"[seq % 10]}${"npqrstvwxz"[Math.floor(seq / 10) % 10]}`,
        givenNames: `Moussa${seq}`,
        nationality: "NER",
        dateOfBirth: `2011-0${(seq % 9) + 1}-1${seq % 10}`,
        uascStatus: "unaccompanied",
      },
      { duplicateOverrideReason: "Distinct child created by the test" },
    ),
  );
  const bia = await saveBia(caseworker, { beneficiaryId: child.id, ...BIA, submit: true });
  await reviewBia(supervisor, { biaId: bia.id, version: bia.version, decision: "approve" });
  return { child, biaId: bia.id };
}

/** A child whose BID report the supervisor has passed to the panel. */
export async function bidReadyForPanel(caseworker: DalContext, supervisor: DalContext) {
  const { child, biaId } = await childWithApprovedBia(caseworker, supervisor);
  const bid = await requireBid(supervisor, {
    biaId,
    reasons: ["return_vhr"],
    reasonNote: "The child asks to return to Niger",
  });
  const saved = await saveBidReport(caseworker, {
    bidId: bid.id,
    version: 1,
    report: COMPLETE_REPORT,
    missingReasons: {},
    submit: true,
  });
  await reviewBid(supervisor, { bidId: bid.id, version: saved.version, decision: "submit_to_panel" });
  return { child, bidId: bid.id };
}
