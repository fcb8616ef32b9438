import "server-only";
import { eq, sql } from "drizzle-orm";
import { assistanceRecords, beneficiaries, movementBookings, vhrCases } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";
import { ASSISTANCE_TYPE_PROGRAMME } from "@/lib/domain/assistance";
import { AIRPORT_BALADIYA } from "@/lib/domain/vhr/constants";
import { transition } from "@/lib/domain/vhr/pipeline";
import { type BookingRefInput, bookingRefSchema } from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, type Tx, withTransaction } from "../context";
import { conflict, DalError, notFound } from "../errors";
import { parseInput } from "../parse";
import { requireVhrUnit, UUID } from "./access";
import { appendVhrEvent } from "./events";
import { loadMovement } from "./get-movement";

async function loadBooking(tx: Tx, id: string) {
  if (!UUID.test(id)) return undefined;
  const [row] = await tx
    .select({ k: movementBookings, c: vhrCases, b: beneficiaries })
    .from(movementBookings)
    .innerJoin(vhrCases, eq(vhrCases.id, movementBookings.vhrCaseId))
    .innerJoin(beneficiaries, eq(beneficiaries.id, movementBookings.beneficiaryId))
    .where(eq(movementBookings.id, id))
    .for("update", { of: [movementBookings, vhrCases] });
  return row;
}

/** Takes a person off a movement before departure; the case is ready to book again. */
export async function cancelBooking(ctx: DalContext, input: BookingRefInput): Promise<void> {
  const data = parseInput(bookingRefSchema, input);
  await withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.manage");
    const row = await loadBooking(tx, data.bookingId);
    if (!row) throw notFound();
    const { k, c } = row;
    if (k.version !== data.version) throw conflict();
    if (k.status !== "booked") throw new DalError("conflict", { _form: ["vhr.errors.bookingResolved"] });
    const step = transition(c.stage, "cancel_booking");
    if (!step.ok) throw new DalError("conflict", { _form: ["vhr.errors.stepNotAllowed"] });
    await tx
      .update(movementBookings)
      .set({
        status: "cancelled",
        resolvedAt: new Date(),
        resolvedBy: ctx.actor.id,
        version: sql`${movementBookings.version} + 1`,
      })
      .where(eq(movementBookings.id, k.id));
    await tx
      .update(vhrCases)
      .set({ stage: step.to, updatedAt: new Date(), version: sql`${vhrCases.version} + 1` })
      .where(eq(vhrCases.id, c.id));
    await appendVhrEvent(tx, {
      vhrCaseId: c.id,
      event: "cancel_booking",
      from: c.stage,
      to: step.to,
      actorId: ctx.actor.id,
      movementId: k.movementId,
    });
    await recordAudit(tx, ctx, {
      action: "cancel_booking",
      entity: "movement",
      entityId: k.movementId,
      detail: { bookingId: k.id },
    });
  });
}

/**
 * Logs the pre-departure kit (NFIs, clothing, hygiene or dignity kit, food and water) as a service
 * to the person, once per seat, and ticks it on the manifest.
 */
export async function recordKit(ctx: DalContext, input: BookingRefInput): Promise<{ assistanceId: string }> {
  const data = parseInput(bookingRefSchema, input);
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.manage");
    const row = await loadBooking(tx, data.bookingId);
    if (!row) throw notFound();
    const { k, b } = row;
    if (k.version !== data.version) throw conflict();
    if (k.status !== "booked") throw new DalError("conflict", { _form: ["vhr.errors.bookingResolved"] });
    if (k.kitAssistanceId) throw new DalError("conflict", { _form: ["vhr.errors.kitAlreadyGiven"] });
    const movement = await loadMovement(tx, k.movementId);
    if (!movement) throw notFound();
    const today = todayIso();
    const [record] = await tx
      .insert(assistanceRecords)
      .values({
        beneficiaryId: b.id,
        assistanceType: "nfi_kit",
        programmeCode: ASSISTANCE_TYPE_PROGRAMME.nfi_kit,
        serviceDate: today,
        baladiyaPcode: AIRPORT_BALADIYA[movement.departureAirport],
        officeCode: ctx.actor.officeCode,
        quantity: 1,
        providedBy: ctx.actor.id,
        populationType: b.populationType,
        detainedAtService: b.detained,
        ageAtService: ageAt(b.dateOfBirth, today),
        recordedBy: ctx.actor.id,
      })
      .returning({ id: assistanceRecords.id });
    if (!record) throw new Error("assistance insert returned nothing");
    await tx
      .update(movementBookings)
      .set({ kitAssistanceId: record.id, version: sql`${movementBookings.version} + 1` })
      .where(eq(movementBookings.id, k.id));
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "assistance",
      entityId: record.id,
      detail: { beneficiaryId: b.id, assistanceType: "nfi_kit", bookingId: k.id, preDeparture: true },
    });
    return { assistanceId: record.id };
  });
}
