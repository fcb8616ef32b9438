import "server-only";
import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import { beneficiaries, bias, bids, panelAgendaItems, panelSessions } from "@/db/schema";
import { todayIso } from "@/lib/domain/age";
import type { BidStatus } from "@/lib/domain/bid/constants";
import { agesOutBeforeDecision } from "@/lib/domain/bid/timing";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { beneficiaryScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { loadPanelConfig } from "./config";

export interface QueueRow {
  beneficiaryId: string;
  caseNumber: string;
  name: string;
  kind: "bia" | "bid";
  status: string;
  since: string;
  sessionDate: string | null;
  agesOut: boolean;
}

const CLOSED: BidStatus[] = ["decided", "implementation"];

/**
 * The supervisor's Best Interests work: BIAs awaiting approval and BIDs not yet decided in the
 * office, children about to turn 18 before a decision flagged and listed first.
 */
export async function listBidQueue(ctx: DalContext): Promise<QueueRow[]> {
  const scope = authorize(ctx.actor, "bid.review");
  return withTransaction(ctx, async (tx) => {
    const config = await loadPanelConfig(tx);
    const today = todayIso();
    const inScope = beneficiaryScope(ctx.actor, scope);
    const biaRows = await tx
      .select({ b: beneficiaries, at: bias.submittedAt, status: bias.status })
      .from(bias)
      .innerJoin(beneficiaries, eq(beneficiaries.id, bias.beneficiaryId))
      .where(and(eq(bias.status, "submitted"), inScope))
      .orderBy(bias.submittedAt)
      .limit(200);
    const bidRows = await tx
      .select({
        b: beneficiaries,
        status: bids.status,
        at: bids.updatedAt,
        sessionDate: sql<
          string | null
        >`(select ${panelSessions.sessionDate} from ${panelAgendaItems} join ${panelSessions} on ${panelSessions.id} = ${panelAgendaItems.sessionId} where ${panelAgendaItems.bidId} = ${bids.id} and ${panelAgendaItems.decidedAt} is null limit 1)`,
      })
      .from(bids)
      .innerJoin(beneficiaries, eq(beneficiaries.id, bids.beneficiaryId))
      .where(and(notInArray(bids.status, CLOSED), inScope))
      .orderBy(desc(bids.updatedAt))
      .limit(200);
    const rows: QueueRow[] = [
      ...biaRows.map((r) => ({
        beneficiaryId: r.b.id,
        caseNumber: r.b.caseNumber,
        name: `${r.b.familyName}, ${r.b.givenNames}`,
        kind: "bia" as const,
        status: r.status,
        since: (r.at ?? new Date()).toISOString(),
        sessionDate: null,
        agesOut: agesOutBeforeDecision(r.b.dateOfBirth, today, null, config.ageOutHorizonDays),
      })),
      ...bidRows.map((r) => ({
        beneficiaryId: r.b.id,
        caseNumber: r.b.caseNumber,
        name: `${r.b.familyName}, ${r.b.givenNames}`,
        kind: "bid" as const,
        status: r.status,
        since: r.at.toISOString(),
        sessionDate: r.sessionDate,
        agesOut: agesOutBeforeDecision(r.b.dateOfBirth, today, r.sessionDate, config.ageOutHorizonDays),
      })),
    ].sort((a, b) => Number(b.agesOut) - Number(a.agesOut) || a.since.localeCompare(b.since));
    await recordAudit(tx, ctx, {
      action: "bid.list_queue",
      entity: "beneficiary",
      detail: { beneficiaries: rows.map((r) => r.beneficiaryId) },
    });
    return rows;
  });
}
