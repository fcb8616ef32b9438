import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { bidDecisions, emergencyActions, panelAgendaItems, panelSessions, users } from "@/db/schema";
import { can } from "@/lib/authz";
import { todayIso } from "@/lib/domain/age";
import type { ReportElement } from "@/lib/domain/bid/constants";
import { missingElements } from "@/lib/domain/bid/report";
import { agesOutBeforeDecision } from "@/lib/domain/bid/timing";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { type BiaRow, type BidRow, latestBia, latestBid, seesBid } from "./case-access";
import { loadPanelConfig } from "./config";
import { type VoteDto, votesOn } from "./votes";

export interface EmergencyActionDto {
  id: string;
  action: string;
  takenOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface DecisionDto {
  id: string;
  sessionTitle: string;
  outcome: (typeof bidDecisions.$inferSelect)["outcome"];
  chosenOption: (typeof bidDecisions.$inferSelect)["chosenOption"];
  conditions: string | null;
  rationale: string;
  questions: string | null;
  consensus: boolean;
  present: Array<{ name: string; agency: string; isChair: boolean }>;
  votes: VoteDto[];
  decidedAt: string;
}

export type CaseBidView =
  | { access: "restricted"; emergencyActions: EmergencyActionDto[]; canRecordEmergency: boolean }
  | {
      access: "full";
      beneficiaryId: string;
      uasc: boolean;
      ownerId: string;
      agesOut: boolean;
      bia: (BiaRow & { authorName: string }) | null;
      bid: (BidRow & { missing: ReportElement[]; sessionDate: string | null }) | null;
      decisions: DecisionDto[];
      emergencyActions: EmergencyActionDto[];
      canRecordEmergency: boolean;
      can: { draft: boolean; review: boolean; followUp: boolean };
      actorId: string;
    };

/** The BID section of a case. Restricted without the "bid" category unless owner or office supervisor. */
export async function getCaseBid(ctx: DalContext, beneficiaryId: string): Promise<CaseBidView> {
  const scope = authorize(ctx.actor, "bid.read");
  return withTransaction(ctx, async (tx) => {
    const child = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!child) throw notFound();
    const actions = await tx
      .select({ a: emergencyActions, by: users.name })
      .from(emergencyActions)
      .innerJoin(users, eq(users.id, emergencyActions.recordedBy))
      .where(eq(emergencyActions.beneficiaryId, child.id))
      .orderBy(desc(emergencyActions.takenOn), desc(emergencyActions.recordedAt));
    const emergency = actions.map(({ a, by }) => ({
      id: a.id,
      action: a.action,
      takenOn: a.takenOn,
      recordedBy: by,
      recordedAt: a.recordedAt.toISOString(),
    }));
    const canRecordEmergency = can(ctx.actor.role, "bid.emergency_action");
    if (!(await seesBid(tx, ctx, child))) {
      await recordAudit(tx, ctx, {
        action: "bid.read_restricted",
        entity: "beneficiary",
        entityId: child.id,
      });
      return { access: "restricted", emergencyActions: emergency, canRecordEmergency };
    }
    const bia = await latestBia(tx, child.id);
    const bid = await latestBid(tx, child.id);
    const config = await loadPanelConfig(tx);
    let biaAuthor = "";
    if (bia)
      [{ name: biaAuthor } = { name: "" }] = await tx
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, bia.authorId));
    let sessionDate: string | null = null;
    const decisions: DecisionDto[] = [];
    if (bid) {
      const [onAgenda] = await tx
        .select({ date: panelSessions.sessionDate })
        .from(panelAgendaItems)
        .innerJoin(panelSessions, eq(panelSessions.id, panelAgendaItems.sessionId))
        .where(eq(panelAgendaItems.bidId, bid.id))
        .orderBy(desc(panelAgendaItems.addedAt))
        .limit(1);
      sessionDate = bid.status === "on_agenda" ? (onAgenda?.date ?? null) : null;
      const rows = await tx
        .select({ d: bidDecisions, title: panelSessions.title })
        .from(bidDecisions)
        .innerJoin(panelSessions, eq(panelSessions.id, bidDecisions.sessionId))
        .where(inArray(bidDecisions.bidId, [bid.id]))
        .orderBy(desc(bidDecisions.decidedAt));
      for (const { d, title } of rows) {
        decisions.push({
          id: d.id,
          sessionTitle: title,
          outcome: d.outcome,
          chosenOption: d.chosenOption,
          conditions: d.conditions,
          rationale: d.rationale,
          questions: d.questions,
          consensus: d.consensus,
          present: d.present.map(({ name, agency, isChair }) => ({ name, agency, isChair })),
          votes: (await votesOn(tx, d.sessionId, d.bidId)).filter((v) => v.position !== null),
          decidedAt: d.decidedAt.toISOString(),
        });
      }
    }
    const decided = bid && ["decided", "implementation"].includes(bid.status);
    await recordAudit(tx, ctx, {
      action: "bid.read",
      entity: "beneficiary",
      entityId: child.id,
      detail: { biaId: bia?.id ?? null, bidId: bid?.id ?? null },
    });
    return {
      access: "full",
      beneficiaryId: child.id,
      uasc: child.uascStatus === "unaccompanied" || child.uascStatus === "separated",
      ownerId: child.ownerId,
      agesOut:
        !!bid &&
        !decided &&
        agesOutBeforeDecision(child.dateOfBirth, todayIso(), sessionDate, config.ageOutHorizonDays),
      bia: bia ? { ...bia, authorName: biaAuthor } : null,
      bid: bid ? { ...bid, missing: missingElements(bid.report), sessionDate } : null,
      decisions,
      emergencyActions: emergency,
      canRecordEmergency,
      can: {
        draft: can(ctx.actor.role, "bid.draft"),
        review: can(ctx.actor.role, "bid.review"),
        followUp: can(ctx.actor.role, "bid.follow_up"),
      },
      actorId: ctx.actor.id,
    };
  });
}
