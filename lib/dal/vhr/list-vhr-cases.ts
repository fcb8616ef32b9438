import "server-only";
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { beneficiaries, referrals, vhrCases } from "@/db/schema";
import { todayIso } from "@/lib/domain/age";
import { VHR_STAGES, type VhrStage } from "@/lib/domain/vhr/constants";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { requireVhrUnit } from "./access";
import { type TravelPerson, travelPerson } from "./dto";

export interface VhrCaseListItem {
  id: string;
  stage: VhrStage;
  destinationCountry: string;
  travelDocumentExpiry: string | null;
  updatedAt: string;
  person: TravelPerson;
}

/** An accepted VHR referral whose return has not been opened yet. */
export interface WaitingReferral {
  referralId: string;
  acceptedAt: string;
  person: TravelPerson;
}

export interface VhrCaseFilters {
  stage?: VhrStage;
  nationality?: string;
}

const LIMIT = 200;

/**
 * The unit's work list: accepted VHR referrals still to open, then the cases in the pipeline, the
 * longest-waiting first. Travel biodata only.
 */
export async function listVhrCases(
  ctx: DalContext,
  filters: VhrCaseFilters = {},
): Promise<{ waiting: WaitingReferral[]; cases: VhrCaseListItem[]; truncated: boolean }> {
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "vhr.read");
    const today = todayIso();
    const waitingRows = await tx
      .select({ r: referrals, b: beneficiaries })
      .from(referrals)
      .innerJoin(beneficiaries, eq(beneficiaries.id, referrals.beneficiaryId))
      .leftJoin(vhrCases, eq(vhrCases.referralId, referrals.id))
      .where(
        and(
          eq(referrals.service, "vhr"),
          eq(referrals.recipientKind, "internal"),
          eq(referrals.state, "accepted"),
          isNull(vhrCases.id),
        ),
      )
      .orderBy(asc(referrals.updatedAt))
      .limit(LIMIT);
    const where: SQL[] = [];
    if (filters.stage && (VHR_STAGES as readonly string[]).includes(filters.stage)) {
      where.push(eq(vhrCases.stage, filters.stage));
    } else {
      where.push(sql`${vhrCases.stage} not in ('withdrawn', 'handed_off')`);
    }
    if (filters.nationality && /^[A-Z]{3}$/.test(filters.nationality)) {
      where.push(eq(beneficiaries.nationality, filters.nationality));
    }
    const rows = await tx
      .select({ c: vhrCases, b: beneficiaries })
      .from(vhrCases)
      .innerJoin(beneficiaries, eq(beneficiaries.id, vhrCases.beneficiaryId))
      .where(and(...where))
      .orderBy(asc(vhrCases.updatedAt), desc(vhrCases.id))
      .limit(LIMIT + 1);
    const cases = rows.slice(0, LIMIT).map(({ c, b }) => ({
      id: c.id,
      stage: c.stage,
      destinationCountry: c.destinationCountry,
      travelDocumentExpiry: c.travelDocumentExpiry,
      updatedAt: c.updatedAt.toISOString(),
      person: travelPerson(b, today),
    }));
    const waiting = waitingRows.map(({ r, b }) => ({
      referralId: r.id,
      acceptedAt: r.updatedAt.toISOString(),
      person: travelPerson(b, today),
    }));
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "vhr_cases",
      detail: { count: cases.length, waiting: waiting.length, stage: filters.stage ?? null },
    });
    return { waiting, cases, truncated: rows.length > LIMIT };
  });
}
