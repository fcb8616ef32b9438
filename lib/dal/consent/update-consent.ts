import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { consents } from "@/db/schema";
import { changedFields } from "@/lib/domain/audit-changes";
import { type UpdateConsentInput, updateConsentSchema } from "@/lib/validation/consent";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse";
import { withdrawReferralsForConsent } from "../referrals/withdraw-for-consent";

export interface ConsentChange {
  withdrawn: boolean;
  /** Pending referrals stopped because they relied on the withdrawn consent. */
  referralsWithdrawn: number;
}

/**
 * Records a new consent state for one purpose: the current row is superseded, never edited, so
 * who consented when stays on record. A withdrawal stops further sharing at once: the pending
 * referrals that depended on this consent are withdrawn in the same transaction.
 */
export async function updateConsent(ctx: DalContext, input: UpdateConsentInput): Promise<ConsentChange> {
  const scope = authorize(ctx.actor, "consent.update");
  const v = parseInput(updateConsentSchema, input);
  return withTransaction(ctx, async (tx) => {
    const row = await findInScope(tx, ctx.actor, scope, v.beneficiaryId, true);
    if (!row) throw notFound();
    const current = and(
      eq(consents.beneficiaryId, row.id),
      eq(consents.purpose, v.purpose),
      isNull(consents.supersededAt),
    );
    const [previous] = await tx.select().from(consents).where(current).for("update");
    const now = new Date();
    if (previous) await tx.update(consents).set({ supersededAt: now }).where(eq(consents.id, previous.id));
    const next = {
      granted: v.granted,
      givenBy: v.granted && v.givenBy ? v.givenBy : null,
      givenOn: v.granted && v.givenOn ? v.givenOn : null,
      vitalInterestReason: v.granted ? null : (v.vitalInterestReason ?? null),
    };
    await tx.insert(consents).values({
      beneficiaryId: row.id,
      purpose: v.purpose,
      ...next,
      recordedBy: ctx.actor.id,
      recordedAt: now,
    });
    const withdrawn = Boolean(previous?.granted) && !v.granted;
    let referralsWithdrawn = 0;
    if (withdrawn && (v.purpose === "services" || v.purpose === "sharing")) {
      referralsWithdrawn = await withdrawReferralsForConsent(tx, ctx, row.id, v.purpose);
    }
    await recordAudit(tx, ctx, {
      action: withdrawn ? "consent_withdrawn" : "consent_updated",
      entity: "beneficiary",
      entityId: row.id,
      detail: { purpose: v.purpose, referralsWithdrawn },
      changes: changedFields(
        {
          granted: previous?.granted ?? null,
          givenBy: previous?.givenBy ?? null,
          givenOn: previous?.givenOn ?? null,
          vitalInterestReason: previous?.vitalInterestReason ?? null,
        },
        next,
        ["granted", "givenBy", "givenOn", "vitalInterestReason"],
      ),
    });
    return { withdrawn, referralsWithdrawn };
  });
}
