import "server-only";
import { and, eq } from "drizzle-orm";
import {
  partnerOrganisations,
  partnerServices,
  referralEvents,
  referralServices,
  referrals,
  screenings,
} from "@/db/schema";
import { createReferralSchema } from "@/lib/validation/referral";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { caseRelation } from "./access";
import { applyTransition } from "./apply-transition";
import { passConsentGate } from "./consent-gate";

/**
 * Creates a referral as a draft and, unless the caseworker keeps it as a draft, submits it for the
 * supervisor's approval in the same transaction — through the consent gate.
 */
export async function createReferral(
  ctx: DalContext,
  input: unknown,
  now: Date = new Date(),
): Promise<{ id: string; state: string; version: number }> {
  const scope = authorize(ctx.actor, "referral.create");
  const v = parseInput(createReferralSchema, input);
  return withTransaction(ctx, async (tx) => {
    const beneficiary = await findInScope(tx, ctx.actor, scope, v.beneficiaryId);
    if (!beneficiary) throw notFound();
    if (beneficiary.status === "closed") throw invalid({ _form: ["referrals.validation.caseClosed"] });
    const [service] = await tx
      .select()
      .from(referralServices)
      .where(and(eq(referralServices.service, v.service), eq(referralServices.active, true)));
    if (!service) throw invalid({ service: ["referrals.validation.serviceUnavailable"] });
    if (v.recipientKind === "internal" && !service.internalUnit)
      throw invalid({ recipientKind: ["referrals.validation.noInternalUnit"] });
    if (v.organisationId) {
      const [takes] = await tx
        .select({ id: partnerOrganisations.id })
        .from(partnerOrganisations)
        .innerJoin(partnerServices, eq(partnerServices.organisationId, partnerOrganisations.id))
        .where(
          and(
            eq(partnerOrganisations.id, v.organisationId),
            eq(partnerOrganisations.active, true),
            eq(partnerServices.service, v.service),
          ),
        );
      if (!takes) throw invalid({ organisationId: ["referrals.validation.organisationUnavailable"] });
    }
    if (v.sourceScreeningId) {
      // The link must point to this person's own screening, never another case's.
      const [screening] = await tx
        .select({ id: screenings.id })
        .from(screenings)
        .where(and(eq(screenings.id, v.sourceScreeningId), eq(screenings.beneficiaryId, beneficiary.id)));
      if (!screening) throw invalid({ _form: ["referrals.validation.screeningMismatch"] });
    }
    const [draft] = await tx
      .insert(referrals)
      .values({
        beneficiaryId: beneficiary.id,
        service: v.service,
        recipientKind: v.recipientKind,
        organisationId: v.organisationId,
        urgency: v.urgency,
        reason: v.reason,
        sharePhone: v.sharePhone,
        sourceScreeningId: v.sourceScreeningId,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!draft) throw new Error("referral insert returned nothing");
    await tx.insert(referralEvents).values({
      referralId: draft.id,
      fromState: null,
      toState: "draft",
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: "referral.create",
      entity: "referral",
      entityId: draft.id,
      detail: { beneficiaryId: beneficiary.id, service: v.service, recipientKind: v.recipientKind },
    });
    if (!v.submit) {
      if (v.consentOverrideReason !== undefined)
        throw invalid({ consentOverrideReason: ["referrals.validation.overrideOnSubmit"] });
      return { id: draft.id, state: draft.state, version: draft.version };
    }
    const relation = await caseRelation(tx, ctx.actor, beneficiary, ctx.actor.id);
    const actor = {
      kind: "user" as const,
      role: ctx.actor.role,
      isReferrer: relation.isReferrer,
      supervisesCase: relation.supervisesCase,
      focalPointOfService: false,
    };
    await passConsentGate(tx, ctx, draft, actor, v.consentOverrideReason, now);
    const submitted = await applyTransition(tx, {
      referral: draft,
      event: "submit",
      actor,
      ctx,
      now,
      version: draft.version,
    });
    return { id: submitted.id, state: submitted.state, version: submitted.version };
  });
}
