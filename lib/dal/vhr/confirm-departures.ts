import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { assistanceRecords, beneficiaries, movementBookings, movements, vhrCases } from "@/db/schema";
import { ageAt } from "@/lib/domain/age";
import { ASSISTANCE_TYPE_PROGRAMME } from "@/lib/domain/assistance";
import { AIRPORT_BALADIYA, BOARDING_WINDOW_HOURS } from "@/lib/domain/vhr/constants";
import { transition } from "@/lib/domain/vhr/pipeline";
import type { FieldErrors } from "@/lib/validation/common";
import {
  type ConfirmDeparturesInput,
  confirmDeparturesSchema,
  type MovementRefInput,
  movementRefSchema,
} from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { conflict, DalError, invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { requireVhrUnit } from "./access";
import { appendVhrEvent } from "./events";
import { loadMovement } from "./get-movement";
import { readinessOn } from "./readiness";

export interface DepartureTally {
  departed: number;
  noShow: number;
  offloaded: number;
}

/**
 * Records at the airport, for a whole movement at once, who departed, who did not show and who was
 * offloaded (with the reason). Each departure creates exactly one "VHR departure" service, dated
 * the day of the flight at the departure airport: that record is what the VHR-returns indicator
 * counts. A no-show or an offload counts nothing and makes the person bookable again. All or
 * nothing: a person still blocked, or a row changed by someone else, refuses the whole confirmation.
 */
export async function confirmDepartures(
  ctx: DalContext,
  input: ConfirmDeparturesInput,
  now: Date = new Date(),
): Promise<DepartureTally> {
  const data = parseInput(confirmDeparturesSchema, input);
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.manage");
    const movement = await loadMovement(tx, data.movementId, true);
    if (!movement) throw notFound();
    if (movement.status !== "planned")
      throw new DalError("conflict", { _form: ["vhr.errors.movementClosed"] });
    if (now.getTime() < movement.departsAt.getTime() - BOARDING_WINDOW_HOURS * 3_600_000) {
      throw invalid({ _form: ["vhr.errors.tooEarlyToConfirm"] });
    }
    const chosen = data.outcomes.filter((o) => o.outcome !== "");
    if (chosen.length === 0) throw invalid({ _form: ["vhr.errors.nothingToConfirm"] });
    const rows = await tx
      .select({ k: movementBookings, c: vhrCases, b: beneficiaries })
      .from(movementBookings)
      .innerJoin(vhrCases, eq(vhrCases.id, movementBookings.vhrCaseId))
      .innerJoin(beneficiaries, eq(beneficiaries.id, movementBookings.beneficiaryId))
      .where(
        and(
          eq(movementBookings.movementId, movement.id),
          inArray(
            movementBookings.id,
            chosen.map((o) => o.bookingId),
          ),
        ),
      )
      .for("update", { of: [movementBookings, vhrCases] });
    const byId = new Map(rows.map((r) => [r.k.id, r]));
    const readiness = await readinessOn(
      tx,
      movement,
      rows
        .filter((r) => r.k.status === "booked")
        .map((r) => ({ c: r.c, b: r.b, kitGiven: r.k.kitAssistanceId !== null })),
    );
    const errors: FieldErrors = {};
    data.outcomes.forEach((o, i) => {
      if (o.outcome === "") return;
      const row = byId.get(o.bookingId);
      if (!row) {
        errors[`outcomes.${i}.outcome`] = ["vhr.errors.notOnMovement"];
      } else if (row.k.version !== o.version || row.k.status !== "booked") {
        errors[`outcomes.${i}.outcome`] = ["vhr.errors.bookingChanged"];
      } else if (o.outcome === "departed") {
        const blockers = readiness.get(row.c.id)?.departure ?? [];
        if (blockers.length > 0) errors[`outcomes.${i}.outcome`] = blockers.map((k) => `vhr.blockers.${k}`);
      }
    });
    if (Object.keys(errors).length > 0) {
      const stale = Object.values(errors).some((m) => m?.includes("vhr.errors.bookingChanged"));
      throw new DalError(stale ? "conflict" : "invalid", errors);
    }
    const tally: DepartureTally = { departed: 0, noShow: 0, offloaded: 0 };
    for (const o of chosen) {
      const { k, c, b } = byId.get(o.bookingId) as NonNullable<ReturnType<typeof byId.get>>;
      const event = o.outcome === "departed" ? "depart" : o.outcome === "no_show" ? "no_show" : "offload";
      const step = transition(c.stage, event);
      if (!step.ok) throw conflict();
      let departureAssistanceId: string | null = null;
      if (o.outcome === "departed") {
        const [record] = await tx
          .insert(assistanceRecords)
          .values({
            beneficiaryId: b.id,
            assistanceType: "vhr_departure",
            programmeCode: ASSISTANCE_TYPE_PROGRAMME.vhr_departure,
            serviceDate: movement.departureDate,
            baladiyaPcode: AIRPORT_BALADIYA[movement.departureAirport],
            officeCode: movement.officeCode,
            quantity: 1,
            providedBy: ctx.actor.id,
            referralId: c.referralId,
            populationType: b.populationType,
            detainedAtService: b.detained,
            ageAtService: ageAt(b.dateOfBirth, movement.departureDate),
            recordedBy: ctx.actor.id,
          })
          .returning({ id: assistanceRecords.id });
        if (!record) throw new Error("assistance insert returned nothing");
        departureAssistanceId = record.id;
        tally.departed += 1;
      } else if (o.outcome === "no_show") {
        tally.noShow += 1;
      } else {
        tally.offloaded += 1;
      }
      await tx
        .update(movementBookings)
        .set({
          status: o.outcome as "departed" | "no_show" | "offloaded",
          offloadReason:
            o.outcome === "offloaded" ? (o.offloadReason as NonNullable<typeof k.offloadReason>) : null,
          departureAssistanceId,
          resolvedAt: now,
          resolvedBy: ctx.actor.id,
          version: sql`${movementBookings.version} + 1`,
        })
        .where(and(eq(movementBookings.id, k.id), eq(movementBookings.status, "booked")));
      await tx
        .update(vhrCases)
        .set({ stage: step.to, updatedAt: now, version: sql`${vhrCases.version} + 1` })
        .where(eq(vhrCases.id, c.id));
      await appendVhrEvent(tx, {
        vhrCaseId: c.id,
        event,
        from: c.stage,
        to: step.to,
        actorId: ctx.actor.id,
        movementId: movement.id,
        detail: o.outcome === "offloaded" ? { reason: o.offloadReason } : {},
      });
    }
    await tx
      .update(movements)
      .set({ updatedAt: now, version: sql`${movements.version} + 1` })
      .where(eq(movements.id, movement.id));
    await recordAudit(tx, ctx, {
      action: "confirm_departures",
      entity: "movement",
      entityId: movement.id,
      detail: { ...tally },
    });
    return tally;
  });
}

/** Closes a movement once nobody on it is left unresolved; it then takes no more bookings. */
export async function closeMovement(ctx: DalContext, input: MovementRefInput): Promise<void> {
  const data = parseInput(movementRefSchema, input);
  await withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.manage");
    const movement = await loadMovement(tx, data.movementId, true);
    if (!movement) throw notFound();
    if (movement.version !== data.version) throw conflict();
    if (movement.status !== "planned")
      throw new DalError("conflict", { _form: ["vhr.errors.movementClosed"] });
    const open = await tx
      .select({ id: movementBookings.id })
      .from(movementBookings)
      .where(and(eq(movementBookings.movementId, movement.id), eq(movementBookings.status, "booked")));
    if (open.length > 0) {
      throw new DalError(
        "invalid",
        { _form: ["vhr.errors.unresolvedBookings"] },
        { unresolved: open.length },
      );
    }
    await tx
      .update(movements)
      .set({
        status: "closed",
        closedAt: new Date(),
        closedBy: ctx.actor.id,
        updatedAt: new Date(),
        version: sql`${movements.version} + 1`,
      })
      .where(eq(movements.id, movement.id));
    await recordAudit(tx, ctx, { action: "close", entity: "movement", entityId: movement.id });
  });
}
