import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { movementBookings, movements, vhrCases } from "@/db/schema";
import type { VhrStage } from "@/lib/domain/vhr/constants";
import { transition } from "@/lib/domain/vhr/pipeline";
import { type VhrStepInput, vhrStepSchema } from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { conflict, DalError, invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { requireVhrUnit } from "./access";
import { appendVhrEvent } from "./events";
import { loadVhrCase } from "./get-vhr-case";

/**
 * Records one step of the pipeline on a case: counselling, nationality verification, the embassy
 * interview, the travel document, the arrival, or the person's withdrawal. Steps follow the order
 * of lib/domain/vhr/pipeline.ts; a stale version is refused rather than overwritten.
 */
export async function recordVhrStep(ctx: DalContext, input: VhrStepInput): Promise<{ stage: VhrStage }> {
  const data = parseInput(vhrStepSchema, input);
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "vhr.manage");
    const row = await loadVhrCase(tx, data.vhrCaseId, true);
    if (!row) throw notFound();
    const { c, b } = row;
    if (c.version !== data.version) throw conflict();
    const step = transition(c.stage, data.event);
    if (!step.ok) throw new DalError("conflict", { event: ["vhr.errors.stepNotAllowed"] });
    const set: Partial<typeof vhrCases.$inferInsert> = {};
    const detail: Record<string, unknown> = {};
    switch (data.event) {
      case "record_counselling":
        if (data.on < c.declaredOn) throw invalid({ on: ["vhr.validation.beforeRequest"] });
        set.counselledOn = data.on;
        break;
      case "verify_nationality":
        if (data.on < c.declaredOn) throw invalid({ on: ["vhr.validation.beforeRequest"] });
        set.nationalityVerifiedOn = data.on;
        break;
      case "record_interview":
        if (c.nationalityVerifiedOn && data.on < c.nationalityVerifiedOn) {
          throw invalid({ on: ["vhr.validation.beforeVerification"] });
        }
        set.interviewedOn = data.on;
        break;
      case "issue_travel_document":
        set.travelDocumentType = data.documentType;
        set.travelDocumentNumber = data.documentNumber.toUpperCase();
        set.travelDocumentIssuedOn = data.issuedOn;
        set.travelDocumentExpiry = data.expiry;
        detail.documentType = data.documentType;
        detail.replacement = c.stage === "documented";
        break;
      case "confirm_arrival": {
        const [departed] = await tx
          .select({ date: movements.departureDate })
          .from(movementBookings)
          .innerJoin(movements, eq(movements.id, movementBookings.movementId))
          .where(and(eq(movementBookings.vhrCaseId, c.id), eq(movementBookings.status, "departed")));
        if (departed && data.on < departed.date) throw invalid({ on: ["vhr.validation.beforeDeparture"] });
        set.arrivedOn = data.on;
        break;
      }
      case "withdraw": {
        set.withdrawnAt = new Date();
        set.withdrawalReason = data.reason;
        // A seat held for someone who no longer wishes to return goes back to the movement.
        const released = await tx
          .update(movementBookings)
          .set({
            status: "cancelled",
            resolvedAt: new Date(),
            resolvedBy: ctx.actor.id,
            version: sql`${movementBookings.version} + 1`,
          })
          .where(and(eq(movementBookings.vhrCaseId, c.id), eq(movementBookings.status, "booked")))
          .returning({ movementId: movementBookings.movementId });
        detail.releasedSeat = released.length > 0;
        break;
      }
    }
    await tx
      .update(vhrCases)
      .set({ ...set, stage: step.to, updatedAt: new Date(), version: sql`${vhrCases.version} + 1` })
      .where(eq(vhrCases.id, c.id));
    await appendVhrEvent(tx, {
      vhrCaseId: c.id,
      event: data.event,
      from: c.stage,
      to: step.to,
      actorId: ctx.actor.id,
      detail,
    });
    await recordAudit(tx, ctx, {
      action: data.event,
      entity: "vhr_case",
      entityId: c.id,
      detail: { beneficiaryId: b.id, from: c.stage, to: step.to, ...detail },
    });
    return { stage: step.to };
  });
}
