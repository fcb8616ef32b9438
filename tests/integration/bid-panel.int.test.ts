import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, bids, bidVotes } from "@/db/schema";
import { getBeneficiary } from "@/lib/dal/beneficiaries/get-beneficiary";
import { listBeneficiaries } from "@/lib/dal/beneficiaries/list-beneficiaries";
import { acceptUndertaking } from "@/lib/dal/bid/accept-undertaking";
import { getCaseBid } from "@/lib/dal/bid/get-case-bid";
import { getPanelReport } from "@/lib/dal/bid/get-panel-report";
import { getSession } from "@/lib/dal/bid/get-session";
import { addToAgenda, inviteMembers, publishAgenda } from "@/lib/dal/bid/manage-agenda";
import { recordDecision } from "@/lib/dal/bid/record-decision";
import { declareConflict, recordVote } from "@/lib/dal/bid/record-vote";
import { scheduleSession } from "@/lib/dal/bid/schedule-session";
import type { DalContext } from "@/lib/dal/context";
import { bidReadyForPanel, seat, setPanelRules } from "../support/bid";
import { makeUser } from "../support/factories";
import { dalError } from "./dal-assert";

let cw: DalContext;
let sup: DalContext;
let chair: DalContext;
let unicef: DalContext;
let unhcr: DalContext;
let other: DalContext;

const reasons = "Family located and willing, child's clear wish";

async function sessionWith(bidIds: string[], members: DalContext[], now: Date) {
  const s = await scheduleSession(chair, { title: "BID panel", sessionDate: "2030-01-15" });
  await acceptUndertaking(chair, { sessionId: s.id }, now);
  for (const bidId of bidIds) await addToAgenda(chair, { sessionId: s.id, bidId });
  if (members.length)
    await inviteMembers(chair, { sessionId: s.id, userIds: members.map((m) => m.actor.id) });
  await publishAgenda(chair, { sessionId: s.id }, now);
  for (const m of members) await acceptUndertaking(m, { sessionId: s.id }, now);
  return s.id;
}

beforeAll(async () => {
  [cw, sup] = await Promise.all([makeUser("caseworker", "TIP"), makeUser("supervisor", "TIP")]);
  [chair, unicef, unhcr, other] = await Promise.all([
    seat("chair", "IOM"),
    seat("member", "UNICEF"),
    seat("member", "UNHCR"),
    seat("member", "other"),
  ]);
  await setPanelRules(3, ["IOM", "UNICEF", "UNHCR"]);
});

describe("quorum and voting", () => {
  it("records a majority decision with the dissent kept per member, and no decision before quorum", async () => {
    const now = new Date();
    const { bidId } = await bidReadyForPanel(cw, sup);
    const sessionId = await sessionWith([bidId], [unicef, unhcr], now);
    const vote = (who: DalContext, position: "approve" | "not_approve") =>
      recordVote(
        who,
        { sessionId, bidId, position, option: position === "approve" ? "vhr_reintegration" : "", reasons },
        now,
      );

    await vote(chair, "approve");
    await vote(unicef, "approve");
    const decide = {
      sessionId,
      bidId,
      outcome: "approved",
      chosenOption: "vhr_reintegration",
      rationale: reasons,
    } as const;
    // Two of three, UNHCR missing: no quorum.
    const noQuorum = await dalError(recordDecision(chair, decide, now), "invalid");
    expect(noQuorum.fieldErrors?._form).toEqual(["bid.refused.quorum"]);

    await vote(unhcr, "not_approve");
    // The decision must be the majority's.
    const against = await dalError(
      recordDecision(chair, { ...decide, outcome: "not_approved" }, now),
      "invalid",
    );
    expect(against.fieldErrors?._form).toEqual(["bid.refused.notMajority"]);
    // Only members of the panel chairing the session may decide.
    await dalError(recordDecision(unicef, decide, now), "not_found");

    await recordDecision(chair, decide, now);
    const report = await getPanelReport(unhcr, sessionId, bidId, now);
    expect(report.decision).toMatchObject({ outcome: "approved", consensus: false });
    expect(report.decision?.present.map((p) => p.agency).sort()).toEqual(["IOM", "UNHCR", "UNICEF"]);
    const dissent = report.votes.filter((v) => v.dissent);
    expect(dissent).toEqual([
      expect.objectContaining({ userId: unhcr.actor.id, position: "not_approve", reasons, agency: "UNHCR" }),
    ]);
    const [bid] = await getDb().select().from(bids).where(eq(bids.id, bidId));
    expect(bid?.status).toBe("decided");
    // After the decision nobody votes or decides again.
    await dalError(vote(unicef, "not_approve"), "invalid");
    await dalError(recordDecision(chair, decide, now), "invalid");
  });

  it("the report's author and the case owner cannot vote, and are not counted", async () => {
    const now = new Date();
    const { bidId, child } = await bidReadyForPanel(cw, sup);
    // A panel member who drafted the report, another who owns the case.
    await getDb().update(bids).set({ authorId: unicef.actor.id }).where(eq(bids.id, bidId));
    await getDb()
      .update(beneficiaries)
      .set({ ownerId: unhcr.actor.id })
      .where(eq(beneficiaries.id, child.id));
    const sessionId = await sessionWith([bidId], [unicef, unhcr, other], now);
    const input = { sessionId, bidId, position: "approve", option: "vhr_reintegration", reasons } as const;
    const byAuthor = await dalError(recordVote(unicef, input, now), "invalid");
    expect(byAuthor.fieldErrors?._form).toEqual(["bid.refused.cannotVote.author"]);
    const byOwner = await dalError(recordVote(unhcr, input, now), "invalid");
    expect(byOwner.fieldErrors?._form).toEqual(["bid.refused.cannotVote.owner"]);
    expect((await getPanelReport(unicef, sessionId, bidId, now)).exclusion).toBe("author");
    // A vote slipped in by the author (bypassing the use case) is still not counted.
    await getDb()
      .insert(bidVotes)
      .values({ sessionId, bidId, userId: unicef.actor.id, agency: "UNICEF", position: "approve", reasons });
    await recordVote(chair, input, now);
    await recordVote(other, input, now);
    await setPanelRules(3, []);
    try {
      const report = await getPanelReport(chair, sessionId, bidId, now);
      expect(report.quorum).toMatchObject({ met: false, present: 2 });
      const refused = await dalError(
        recordDecision(
          chair,
          { sessionId, bidId, outcome: "approved", chosenOption: "vhr_reintegration", rationale: reasons },
          now,
        ),
        "invalid",
      );
      expect(refused.fieldErrors?._form).toEqual(["bid.refused.quorum"]);
      // A declared conflict of interest also removes a member from the count.
      await declareConflict(
        other,
        { sessionId, bidId, conflictReason: "Worked with this family before" },
        now,
      );
      expect((await getPanelReport(chair, sessionId, bidId, now)).quorum.present).toBe(1);
    } finally {
      await setPanelRules(3, ["IOM", "UNICEF", "UNHCR"]);
    }
  });

  it("a consensus is recorded as such; a deferral sends the report back with the panel's questions", async () => {
    const now = new Date();
    const { bidId } = await bidReadyForPanel(cw, sup);
    const sessionId = await sessionWith([bidId], [unicef, unhcr], now);
    for (const m of [chair, unicef, unhcr]) {
      await recordVote(
        m,
        { sessionId, bidId, position: "defer", reasons: "Need the home visit report first" },
        now,
      );
    }
    await dalError(
      recordDecision(chair, { sessionId, bidId, outcome: "deferred", rationale: reasons }, now),
      "invalid",
    );
    await recordDecision(
      chair,
      {
        sessionId,
        bidId,
        outcome: "deferred",
        rationale: reasons,
        questions: "What did the home visit find?",
      },
      now,
    );
    const [bid] = await getDb().select().from(bids).where(eq(bids.id, bidId));
    expect(bid).toMatchObject({ status: "drafting", panelQuestions: "What did the home visit find?" });
    const report = await getPanelReport(chair, sessionId, bidId, now);
    expect(report.decision).toMatchObject({ outcome: "deferred", consensus: true });
    expect(report.votes.every((v) => v.dissent === false)).toBe(true);
  });
});

describe("panel members reach only the cases on their agendas", () => {
  it("every other path to a child is not found, and every read is logged", async () => {
    const now = new Date();
    const mine = await bidReadyForPanel(cw, sup);
    const elsewhere = await bidReadyForPanel(cw, sup);
    const notOnAnyAgenda = await bidReadyForPanel(cw, sup);
    const sessionId = await sessionWith([mine.bidId], [unicef], now);
    const otherSession = await sessionWith([elsewhere.bidId], [unhcr], now);

    const report = await getPanelReport(unicef, sessionId, mine.bidId, now);
    expect(report.child).toEqual(expect.objectContaining({ nationality: "NER", sex: "male" }));
    expect(Object.keys(report.child).sort()).toEqual(["age", "agesOut", "name", "nationality", "sex"]);
    const [read] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, mine.bidId));
    expect(read).toBeDefined();

    // Another session's case, through my session or theirs; a case on no agenda; garbage ids.
    await dalError(getPanelReport(unicef, sessionId, elsewhere.bidId, now), "not_found");
    await dalError(getPanelReport(unicef, otherSession, elsewhere.bidId, now), "not_found");
    await dalError(getPanelReport(unicef, sessionId, notOnAnyAgenda.bidId, now), "not_found");
    await dalError(getPanelReport(unicef, sessionId, "not-a-uuid", now), "not_found");
    await dalError(getSession(unicef, otherSession, now), "not_found");
    // The case itself, its BID section and the case list stay closed.
    await dalError(getBeneficiary(unicef, mine.child.id), "forbidden");
    await dalError(getCaseBid(unicef, mine.child.id), "forbidden");
    await dalError(listBeneficiaries(unicef, {}), "forbidden");
    // A member of the panel not invited to the session.
    await dalError(getPanelReport(other, sessionId, mine.bidId, now), "not_found");
  });

  it("nothing is shown before the undertaking or before the agenda is published", async () => {
    const now = new Date();
    const { bidId } = await bidReadyForPanel(cw, sup);
    const s = await scheduleSession(chair, { title: "Unpublished", sessionDate: "2030-02-01" });
    await acceptUndertaking(chair, { sessionId: s.id }, now);
    await addToAgenda(chair, { sessionId: s.id, bidId });
    await inviteMembers(chair, { sessionId: s.id, userIds: [unicef.actor.id] });
    await acceptUndertaking(unicef, { sessionId: s.id }, now);
    expect((await getSession(unicef, s.id, now)).agenda).toEqual([]);
    await dalError(getPanelReport(unicef, s.id, bidId, now), "not_found");

    await publishAgenda(chair, { sessionId: s.id }, now);
    await inviteMembers(chair, { sessionId: s.id, userIds: [unhcr.actor.id] });
    const before = await getSession(unhcr, s.id, now);
    expect(before).toMatchObject({ undertakingAccepted: false, agenda: [] });
    await dalError(getPanelReport(unhcr, s.id, bidId, now), "not_found");
    await acceptUndertaking(unhcr, { sessionId: s.id }, now);
    expect((await getSession(unhcr, s.id, now)).agenda.map((a) => a.bidId)).toEqual([bidId]);
  });

  it("access ends the configured number of days after the decision", async () => {
    const decidedAt = new Date("2030-01-15T10:00:00Z");
    const { bidId } = await bidReadyForPanel(cw, sup);
    const sessionId = await sessionWith([bidId], [unicef, unhcr], decidedAt);
    for (const m of [chair, unicef, unhcr]) {
      await recordVote(
        m,
        { sessionId, bidId, position: "approve", option: "vhr_reintegration", reasons },
        decidedAt,
      );
    }
    await recordDecision(
      chair,
      { sessionId, bidId, outcome: "approved", chosenOption: "vhr_reintegration", rationale: reasons },
      decidedAt,
    );
    const day = 86_400_000;
    const lastMoment = new Date(decidedAt.getTime() + 14 * day);
    expect((await getPanelReport(unicef, sessionId, bidId, lastMoment)).decision?.outcome).toBe("approved");
    const after = new Date(lastMoment.getTime() + 1000);
    await dalError(getPanelReport(unicef, sessionId, bidId, after), "not_found");
    await dalError(getPanelReport(chair, sessionId, bidId, after), "not_found");
    expect((await getSession(unicef, sessionId, after)).agenda).toEqual([]);
  });
});
