import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { movementBookings, vhrCases } from "@/db/schema";
import { transition } from "@/lib/domain/vhr/pipeline";
import { type BookInput, bookSchema } from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { DalError, notFound } from "../errors";
import { parseInput } from "../parse";
import { requireVhrUnit } from "./access";
import { appendVhrEvent } from "./events";
import { loadMovement, SEAT_STATUSES } from "./get-movement";
import { loadVhrCase } from "./get-vhr-case";
import { readinessOn } from "./readiness";

/**
 * Books a documented person on a planned movement. The movement row is locked first, so two officers
 * booking the last seat at once get one seat and one refusal. A child without an approved BID and
 * located family, a withdrawn person or an expiring document is refused here, whatever the UI shows.
 */
export async function bookOnMovement(ctx: DalContext, input: BookInput): Promise<{ bookingId: string }> {
  const data = parseInput(bookSchema, input);
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.manage");
    const movement = await loadMovement(tx, data.movementId, true);
    if (!movement) throw notFound();
    if (movement.status !== "planned")
      throw new DalError("conflict", { _form: ["vhr.errors.movementClosed"] });
    const row = await loadVhrCase(tx, data.vhrCaseId, true);
    if (!row) throw notFound();
    const { c, b } = row;
    if (c.destinationCountry !== movement.destinationCountry) {
      throw new DalError("invalid", { _form: ["vhr.errors.wrongDestination"] });
    }
    const [taken] = await tx
      .select({ n: count() })
      .from(movementBookings)
      .where(
        and(eq(movementBookings.movementId, movement.id), inArray(movementBookings.status, SEAT_STATUSES)),
      );
    if ((taken?.n ?? 0) >= movement.capacity)
      throw new DalError("conflict", { _form: ["vhr.errors.movementFull"] });
    const readiness = (await readinessOn(tx, movement, [{ c, b, kitGiven: false }])).get(c.id);
    const blockers = readiness?.booking ?? [];
    if (blockers.length > 0) {
      throw new DalError("invalid", { _form: blockers.map((k) => `vhr.blockers.${k}`) }, { blockers });
    }
    const step = transition(c.stage, "book");
    if (!step.ok) throw new DalError("conflict", { _form: ["vhr.errors.stepNotAllowed"] });
    const [booking] = await tx
      .insert(movementBookings)
      .values({ movementId: movement.id, vhrCaseId: c.id, beneficiaryId: b.id, bookedBy: ctx.actor.id })
      .returning({ id: movementBookings.id });
    if (!booking) throw new Error("booking insert returned nothing");
    await tx
      .update(vhrCases)
      .set({ stage: step.to, updatedAt: new Date(), version: sql`${vhrCases.version} + 1` })
      .where(eq(vhrCases.id, c.id));
    await appendVhrEvent(tx, {
      vhrCaseId: c.id,
      event: "book",
      from: c.stage,
      to: step.to,
      actorId: ctx.actor.id,
      movementId: movement.id,
    });
    await recordAudit(tx, ctx, {
      action: "book",
      entity: "movement",
      entityId: movement.id,
      detail: { vhrCaseId: c.id, beneficiaryId: b.id, bookingId: booking.id },
    });
    return { bookingId: booking.id };
  });
}
