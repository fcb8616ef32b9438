import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { consents, referrals } from "@/db/schema";
import { can } from "@/lib/authz";
import { consentPurposeFor, type RecipientKind } from "@/lib/domain/referrals/catalogue";
import type { TransitionActor } from "@/lib/domain/referrals/state-machine";
import { recordAudit } from "../audit/record-audit";
import type { DalContext, Tx } from "../context";
import { forbidden, invalid } from "../errors";
import type { ReferralRow } from "./access";

/** Whether the person's current consent covers this kind of recipient. */
export async function consentCovers(tx: Tx, beneficiaryId: string, kind: RecipientKind): Promise<boolean> {
  const [row] = await tx
    .select({ granted: consents.granted })
    .from(consents)
    .where(
      and(
        eq(consents.beneficiaryId, beneficiaryId),
        eq(consents.purpose, consentPurposeFor(kind)),
        isNull(consents.supersededAt),
      ),
    );
  return row?.granted === true;
}

/**
 * The consent gate before a referral leaves the caseworker's hands: recorded consent for that
 * purpose, an override already on the referral, or an override a supervisor of the case writes now.
 * Only a supervisor of the case may override; a reason from anyone else is refused outright.
 */
export async function passConsentGate(
  tx: Tx,
  ctx: DalContext,
  referral: ReferralRow,
  actor: TransitionActor,
  overrideReason: string | undefined,
  now: Date,
): Promise<void> {
  const mayOverride =
    actor.kind === "user" && can(actor.role, "referral.override_consent") && actor.supervisesCase;
  if (overrideReason !== undefined && !mayOverride) throw forbidden();
  if (await consentCovers(tx, referral.beneficiaryId, referral.recipientKind)) return;
  if (referral.consentOverrideReason) return;
  if (overrideReason === undefined) throw invalid({ consent: ["referrals.validation.noConsent"] });
  await tx
    .update(referrals)
    .set({ consentOverrideReason: overrideReason, consentOverrideBy: ctx.actor.id, consentOverrideAt: now })
    .where(eq(referrals.id, referral.id));
  referral.consentOverrideReason = overrideReason;
  await recordAudit(tx, ctx, {
    action: "referral.consent_override",
    entity: "referral",
    entityId: referral.id,
    detail: { purpose: consentPurposeFor(referral.recipientKind), reasonLength: overrideReason.length },
  });
}
