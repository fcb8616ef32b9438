import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { screeningSuggestions, type screenings, users } from "@/db/schema";
import type {
  Answers,
  InstrumentId,
  Reason,
  Service,
  SuggestionStatus,
  Urgency,
} from "@/lib/domain/screenings";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import type { Tx } from "../context";

export type ScreeningRow = typeof screenings.$inferSelect;

/** What outcome_detail holds beside the outcome itself. */
export interface OutcomeDetail {
  reasons: Reason[];
  flags: string[];
  conditions?: string[];
  recheckDate?: string;
}

export interface SuggestionDto {
  id: string;
  service: Service;
  urgency: Urgency;
  reasonKey: string;
  status: SuggestionStatus;
  decidedByName: string | null;
  decidedAt: string | null;
  dismissReason: string | null;
}

interface ScreeningBase {
  id: string;
  beneficiaryId: string;
  instrument: InstrumentId;
  version: number;
  screenedOn: string;
  createdAt: string;
  recordedByName: string;
}

/** Fit-to-travel's outcome for logistics: never the medical detail behind it. */
export interface TravelClearance {
  outcome: string;
  conditions: string[];
  recheckDate: string | null;
  validUntil: string | null;
}

export type ScreeningDto =
  | (ScreeningBase & {
      restricted: false;
      sensitiveCategory: SensitiveCategory | null;
      answers: Answers;
      outcome: string;
      reasons: Reason[];
      flags: string[];
      conditions: string[];
      recheckDate: string | null;
      validUntil: string | null;
      suggestions: SuggestionDto[];
    })
  | (ScreeningBase & { restricted: true; clearance: TravelClearance | null });

export async function suggestionsOf(
  tx: Tx,
  screeningIds: readonly string[],
): Promise<Map<string, SuggestionDto[]>> {
  const out = new Map<string, SuggestionDto[]>();
  if (screeningIds.length === 0) return out;
  const decider = alias(users, "decider");
  const rows = await tx
    .select({ s: screeningSuggestions, decidedByName: decider.name })
    .from(screeningSuggestions)
    .leftJoin(decider, eq(decider.id, screeningSuggestions.decidedBy))
    .where(inArray(screeningSuggestions.screeningId, [...screeningIds]))
    .orderBy(asc(screeningSuggestions.screeningId));
  const rank: Record<Urgency, number> = { high: 0, medium: 1, low: 2 };
  for (const { s, decidedByName } of rows) {
    const list = out.get(s.screeningId) ?? [];
    list.push({
      id: s.id,
      service: s.service,
      urgency: s.urgency,
      reasonKey: s.reasonKey,
      status: s.status,
      decidedByName: decidedByName ?? null,
      decidedAt: s.decidedAt?.toISOString() ?? null,
      dismissReason: s.dismissReason,
    });
    out.set(s.screeningId, list);
  }
  for (const list of out.values()) list.sort((a, b) => rank[a.urgency] - rank[b.urgency]);
  return out;
}

export function toScreeningDto(
  row: ScreeningRow,
  recordedByName: string,
  visible: boolean,
  outcomeAlwaysVisible: boolean,
  suggestions: SuggestionDto[],
): ScreeningDto {
  const detail = row.outcomeDetail as OutcomeDetail;
  const base: ScreeningBase = {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    instrument: row.instrument,
    version: row.version,
    screenedOn: row.screenedOn,
    createdAt: row.createdAt.toISOString(),
    recordedByName,
  };
  const clearance: TravelClearance = {
    outcome: row.outcome,
    conditions: detail.conditions ?? [],
    recheckDate: detail.recheckDate ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
  };
  if (!visible) return { ...base, restricted: true, clearance: outcomeAlwaysVisible ? clearance : null };
  return {
    ...base,
    restricted: false,
    sensitiveCategory: row.sensitiveCategory,
    answers: row.answers as Answers,
    outcome: row.outcome,
    reasons: detail.reasons,
    flags: detail.flags,
    conditions: clearance.conditions,
    recheckDate: clearance.recheckDate,
    validUntil: clearance.validUntil,
    suggestions,
  };
}
