import "server-only";
import type { beneficiaries, movements, vhrCases } from "@/db/schema";
import {
  type Blocker,
  bookingBlockers,
  departureBlockers,
  type ReadinessFacts,
} from "@/lib/domain/vhr/readiness";
import type { Tx } from "../context";
import { childFacts, fitToTravelWindowHours, latestFitToTravel } from "./facts";

export interface ReadinessRow {
  c: typeof vhrCases.$inferSelect;
  b: typeof beneficiaries.$inferSelect;
  kitGiven: boolean;
}

export interface Readiness {
  booking: Blocker[];
  departure: Blocker[];
  facts: ReadinessFacts;
}

/** Evaluates lib/domain/vhr/readiness.ts for people against one movement. */
export async function readinessOn(
  tx: Tx,
  movement: typeof movements.$inferSelect,
  rows: readonly ReadinessRow[],
): Promise<Map<string, Readiness>> {
  const window = await fitToTravelWindowHours(tx);
  const ftt = await latestFitToTravel(
    tx,
    rows.map((r) => r.b.id),
  );
  const out = new Map<string, Readiness>();
  for (const { c, b, kitGiven } of rows) {
    const child = await childFacts(tx, b, movement.departureDate);
    const facts: ReadinessFacts = {
      stage: c.stage,
      departsAt: movement.departsAt,
      departureDate: movement.departureDate,
      travelDocumentExpiry: c.travelDocumentExpiry,
      fitToTravel: ftt.get(b.id) ?? null,
      fitToTravelWindowHours: window,
      unaccompaniedChild: child.unaccompaniedChild,
      bidApprovesReturn: child.bidApprovesReturn,
      familyLocated: child.familyLocated,
      kitGiven,
      escorts: { medical: movement.medicalEscorts, operational: movement.operationalEscorts },
    };
    out.set(c.id, { booking: bookingBlockers(facts), departure: departureBlockers(facts), facts });
  }
  return out;
}
