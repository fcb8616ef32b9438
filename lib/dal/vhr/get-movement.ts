import "server-only";
import { and, asc, eq, notInArray } from "drizzle-orm";
import { beneficiaries, movementBookings, movements, vhrCases } from "@/db/schema";
import { todayIso } from "@/lib/domain/age";
import type { BookingStatus, OffloadReason, TravelDocumentType } from "@/lib/domain/vhr/constants";
import type { Blocker } from "@/lib/domain/vhr/readiness";
import { recordAudit } from "../audit/record-audit";
import type { DalContext, Tx } from "../context";
import { withTransaction } from "../context";
import { notFound } from "../errors";
import { requireVhrUnit, UUID } from "./access";
import {
  clearanceDto,
  type MovementSummary,
  movementSummary,
  type TravelClearanceDto,
  type TravelPerson,
  travelPerson,
} from "./dto";
import { readinessOn } from "./readiness";

export interface ManifestEntry {
  bookingId: string;
  version: number;
  vhrCaseId: string;
  person: TravelPerson;
  status: BookingStatus;
  offloadReason: OffloadReason | null;
  travelDocument: { type: TravelDocumentType; number: string; expiry: string } | null;
  fitToTravel: TravelClearanceDto | null;
  kitGiven: boolean;
  /** Empty when the person is ready to fly; only evaluated while the seat is unresolved. */
  blockers: Blocker[];
}

export interface BookingCandidate {
  vhrCaseId: string;
  person: TravelPerson;
  fitToTravel: TravelClearanceDto | null;
  travelDocumentExpiry: string | null;
  /** Refuse a seat. */
  bookingBlockers: Blocker[];
  /** Would stop the person boarding on this movement's date as things stand. */
  departureBlockers: Blocker[];
}

export interface MovementDetail extends MovementSummary {
  seatsTaken: number;
  manifest: ManifestEntry[];
  /** People documented for this destination and not on a movement yet. */
  candidates: BookingCandidate[];
  canClose: boolean;
}

export async function loadMovement(tx: Tx, id: string, lock = false) {
  if (!UUID.test(id)) return undefined;
  const q = tx.select().from(movements).where(eq(movements.id, id));
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

/** Seats count while booked and once departed; a no-show, offload or cancellation frees one. */
export const SEAT_STATUSES: BookingStatus[] = ["booked", "departed"];

export async function getMovement(ctx: DalContext, id: string): Promise<MovementDetail> {
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.read");
    const movement = await loadMovement(tx, id);
    if (!movement) throw notFound();
    const today = todayIso();
    const booked = await tx
      .select({ k: movementBookings, c: vhrCases, b: beneficiaries })
      .from(movementBookings)
      .innerJoin(vhrCases, eq(vhrCases.id, movementBookings.vhrCaseId))
      .innerJoin(beneficiaries, eq(beneficiaries.id, movementBookings.beneficiaryId))
      .where(
        and(eq(movementBookings.movementId, movement.id), notInArray(movementBookings.status, ["cancelled"])),
      )
      .orderBy(asc(beneficiaries.familyName), asc(beneficiaries.givenNames), asc(movementBookings.id));
    const unresolved = booked.filter((r) => r.k.status === "booked");
    const readiness = await readinessOn(
      tx,
      movement,
      booked.map((r) => ({ c: r.c, b: r.b, kitGiven: r.k.kitAssistanceId !== null })),
    );
    const manifest: ManifestEntry[] = booked.map(({ k, c, b }) => ({
      bookingId: k.id,
      version: k.version,
      vhrCaseId: c.id,
      person: travelPerson(b, today),
      status: k.status,
      offloadReason: k.offloadReason,
      travelDocument:
        c.travelDocumentType && c.travelDocumentNumber && c.travelDocumentExpiry
          ? { type: c.travelDocumentType, number: c.travelDocumentNumber, expiry: c.travelDocumentExpiry }
          : null,
      fitToTravel: clearanceDto(readiness.get(c.id)?.facts.fitToTravel),
      kitGiven: k.kitAssistanceId !== null,
      blockers: k.status === "booked" ? (readiness.get(c.id)?.departure ?? []) : [],
    }));
    let candidates: BookingCandidate[] = [];
    if (movement.status === "planned") {
      // "documented" is the stage of a case with a travel document and no seat (a seat makes it "booked").
      const rows = await tx
        .select({ c: vhrCases, b: beneficiaries })
        .from(vhrCases)
        .innerJoin(beneficiaries, eq(beneficiaries.id, vhrCases.beneficiaryId))
        .where(
          and(eq(vhrCases.stage, "documented"), eq(vhrCases.destinationCountry, movement.destinationCountry)),
        )
        .orderBy(asc(vhrCases.updatedAt))
        .limit(200);
      const r = await readinessOn(
        tx,
        movement,
        rows.map((x) => ({ ...x, kitGiven: false })),
      );
      candidates = rows.map(({ c, b }) => ({
        vhrCaseId: c.id,
        person: travelPerson(b, today),
        fitToTravel: clearanceDto(r.get(c.id)?.facts.fitToTravel),
        travelDocumentExpiry: c.travelDocumentExpiry,
        bookingBlockers: r.get(c.id)?.booking ?? [],
        // The kit is given after booking: it is not held against a candidate.
        departureBlockers: (r.get(c.id)?.departure ?? []).filter((x) => x !== "kit_not_given"),
      }));
    }
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "movement",
      entityId: movement.id,
      detail: { manifest: manifest.length, candidates: candidates.length },
    });
    return {
      ...movementSummary(movement),
      seatsTaken: booked.filter((r) => SEAT_STATUSES.includes(r.k.status)).length,
      manifest,
      candidates,
      canClose: movement.status === "planned" && unresolved.length === 0,
    };
  });
}
