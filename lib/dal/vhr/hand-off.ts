import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { partnerOrganisations, partnerServices, referralEvents, referrals, vhrCases } from "@/db/schema";
import { dueAt } from "@/lib/domain/referrals/catalogue";
import { transition } from "@/lib/domain/vhr/pipeline";
import { type HandOffInput, handOffSchema } from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { conflict, DalError, invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { deadlineHours } from "../referrals/deadline-hours";
import { requireVhrUnit } from "./access";
import { appendVhrEvent } from "./events";
import { loadVhrCase } from "./get-vhr-case";

/**
 * Step 8: after arrival, refers the person to the mission in their country of origin for
 * reintegration, with their consent to share the case with it. The referral is sent at once and
 * shows on the case like any other; the caseworker records the mission's reply.
 */
export async function handOff(ctx: DalContext, input: HandOffInput): Promise<{ referralId: string }> {
  const data = parseInput(handOffSchema, input);
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "vhr.manage");
    const row = await loadVhrCase(tx, data.vhrCaseId, true);
    if (!row) throw notFound();
    const { c, b } = row;
    if (c.version !== data.version) throw conflict();
    const step = transition(c.stage, "hand_off");
    if (!step.ok) throw new DalError("conflict", { event: ["vhr.errors.stepNotAllowed"] });
    if (data.consentOn < c.declaredOn) throw invalid({ consentOn: ["vhr.validation.beforeRequest"] });
    const [mission] = await tx
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .innerJoin(partnerServices, eq(partnerServices.organisationId, partnerOrganisations.id))
      .where(
        and(
          eq(partnerOrganisations.id, data.organisationId),
          eq(partnerOrganisations.active, true),
          eq(partnerServices.service, "reintegration"),
        ),
      );
    if (!mission) throw invalid({ organisationId: ["referrals.validation.organisationUnavailable"] });
    const now = new Date();
    const [referral] = await tx
      .insert(referrals)
      .values({
        beneficiaryId: b.id,
        service: "reintegration",
        recipientKind: "external",
        organisationId: mission.id,
        urgency: "medium",
        reason: data.reason,
        state: "sent",
        dueAt: dueAt(now, "medium", await deadlineHours(tx)),
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: referrals.id });
    if (!referral) throw new Error("referral insert returned nothing");
    await tx.insert(referralEvents).values({
      referralId: referral.id,
      event: "send",
      fromState: null,
      toState: "sent",
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      at: now,
      note: `consent to share: ${data.consentOn}`,
    });
    await tx
      .update(vhrCases)
      .set({
        stage: step.to,
        handoffReferralId: referral.id,
        updatedAt: now,
        version: sql`${vhrCases.version} + 1`,
      })
      .where(eq(vhrCases.id, c.id));
    await appendVhrEvent(tx, {
      vhrCaseId: c.id,
      event: "hand_off",
      from: c.stage,
      to: step.to,
      actorId: ctx.actor.id,
      detail: { referralId: referral.id, consentOn: data.consentOn },
    });
    await recordAudit(tx, ctx, {
      action: "hand_off",
      entity: "vhr_case",
      entityId: c.id,
      detail: { beneficiaryId: b.id, referralId: referral.id, organisationId: mission.id },
    });
    return { referralId: referral.id };
  });
}
