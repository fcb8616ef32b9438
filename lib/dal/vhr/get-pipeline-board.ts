import "server-only";
import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import { beneficiaries, movements, vhrCases } from "@/db/schema";
import { AWAITING_DOCUMENT_STAGES, type VhrStage } from "@/lib/domain/vhr/constants";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { requireVhrUnit } from "./access";
import { type MovementSummary, movementSummary } from "./dto";
import { type MovementListItem, movementCounts } from "./list-movements";

export interface PipelineBoard {
  /** People in each stage, by nationality; withdrawn and handed-off cases are counted apart. */
  byStage: Array<{ stage: VhrStage; nationality: string; n: number }>;
  /** People still waiting for a travel document, by the embassy (country) that must issue it. */
  awaitingDocument: Array<{ country: string; stage: VhrStage; n: number }>;
  upcoming: Array<MovementSummary & Pick<MovementListItem, "seatsTaken" | "ready" | "blocked">>;
}

/** Counts only: the board shows no names, so programme managers may read it too. */
export async function getPipelineBoard(ctx: DalContext, now: Date = new Date()): Promise<PipelineBoard> {
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "vhr.board");
    const byStage = await tx
      .select({ stage: vhrCases.stage, nationality: beneficiaries.nationality, n: count() })
      .from(vhrCases)
      .innerJoin(beneficiaries, eq(beneficiaries.id, vhrCases.beneficiaryId))
      .groupBy(vhrCases.stage, beneficiaries.nationality)
      .orderBy(asc(vhrCases.stage), asc(beneficiaries.nationality));
    const awaitingDocument = await tx
      .select({ country: vhrCases.destinationCountry, stage: vhrCases.stage, n: count() })
      .from(vhrCases)
      .where(inArray(vhrCases.stage, [...AWAITING_DOCUMENT_STAGES]))
      .groupBy(vhrCases.destinationCountry, vhrCases.stage)
      .orderBy(sql`count(*) desc`, asc(vhrCases.destinationCountry));
    const upcomingRows = await tx
      .select()
      .from(movements)
      .where(
        and(
          eq(movements.status, "planned"),
          gte(movements.departsAt, new Date(now.getTime() - 24 * 3_600_000)),
        ),
      )
      .orderBy(asc(movements.departsAt))
      .limit(20);
    const upcoming = [];
    for (const m of upcomingRows) {
      const { seatsTaken, ready, blocked } = await movementCounts(tx, m);
      upcoming.push({ ...movementSummary(m), seatsTaken, ready, blocked });
    }
    await recordAudit(tx, ctx, { action: "read", entity: "vhr_board" });
    return { byStage, awaitingDocument, upcoming };
  });
}
