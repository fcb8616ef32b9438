import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { type beneficiaries, screenings, vhrSettings } from "@/db/schema";
import { ageAt } from "@/lib/domain/age";
import type { FttCondition, FttOutcome } from "@/lib/domain/screenings/fit-to-travel/v1";
import { DEFAULT_FTT_WINDOW_HOURS } from "@/lib/domain/vhr/constants";
import type { FitToTravelFacts } from "@/lib/domain/vhr/readiness";
import { bidApprovesReturn } from "../bid/return-approval";
import type { Tx } from "../context";

export async function fitToTravelWindowHours(tx: Tx): Promise<number> {
  const [row] = await tx.select({ hours: vhrSettings.fitToTravelWindowHours }).from(vhrSettings);
  return row?.hours ?? DEFAULT_FTT_WINDOW_HOURS;
}

/**
 * The latest fit-to-travel examination of each person: only its outcome, conditions and validity,
 * which is all logistics may know. The answers never leave this function.
 */
export async function latestFitToTravel(
  tx: Tx,
  beneficiaryIds: readonly string[],
): Promise<Map<string, FitToTravelFacts>> {
  const out = new Map<string, FitToTravelFacts>();
  if (beneficiaryIds.length === 0) return out;
  const rows = await tx
    .selectDistinctOn([screenings.beneficiaryId], {
      beneficiaryId: screenings.beneficiaryId,
      outcome: screenings.outcome,
      detail: screenings.outcomeDetail,
      createdAt: screenings.createdAt,
      validUntil: screenings.validUntil,
    })
    .from(screenings)
    .where(
      and(inArray(screenings.beneficiaryId, [...beneficiaryIds]), eq(screenings.instrument, "fit_to_travel")),
    )
    .orderBy(screenings.beneficiaryId, desc(screenings.createdAt));
  for (const r of rows) {
    const conditions = (r.detail as { conditions?: FttCondition[] }).conditions ?? [];
    out.set(r.beneficiaryId, {
      outcome: r.outcome as FttOutcome,
      conditions,
      screenedAt: r.createdAt,
      validUntil: r.validUntil,
    });
  }
  return out;
}

export interface ChildFacts {
  unaccompaniedChild: boolean;
  bidApprovesReturn: boolean;
  familyLocated: boolean;
}

/** For an unaccompanied or separated child on the given date: what the BID panel decided. */
export async function childFacts(
  tx: Tx,
  person: Pick<typeof beneficiaries.$inferSelect, "id" | "dateOfBirth" | "uascStatus">,
  onDate: string,
): Promise<ChildFacts> {
  const unaccompaniedChild =
    (person.uascStatus === "unaccompanied" || person.uascStatus === "separated") &&
    ageAt(person.dateOfBirth, onDate) < 18;
  if (!unaccompaniedChild) return { unaccompaniedChild, bidApprovesReturn: false, familyLocated: false };
  const decision = await bidApprovesReturn(tx, person.id);
  return { unaccompaniedChild, bidApprovesReturn: decision.approved, familyLocated: decision.familyLocated };
}
