import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { referrals } from "@/db/schema";
import {
  CONSENT_DEPENDENT_STATES,
  consentPurposeFor,
  effectiveState,
  RECIPIENT_KINDS,
} from "@/lib/domain/referrals/catalogue";
import { SYSTEM_ACTOR } from "@/lib/domain/referrals/state-machine";
import type { DalContext, Tx } from "../context";
import { applyTransition } from "./apply-transition";

export const CONSENT_WITHDRAWN_NOTE = "Consent withdrawn";

/**
 * When a person withdraws a consent, the pending referrals that relied on it stop: internal units
 * rely on "services", partner organisations on "sharing". Each is withdrawn with a history note
 * naming the purpose, recorded against the user who recorded the withdrawal. Runs inside the
 * caller's transaction, which has already checked access to the case. Returns how many.
 */
export async function withdrawReferralsForConsent(
  tx: Tx,
  ctx: DalContext,
  beneficiaryId: string,
  purpose: "services" | "sharing",
): Promise<number> {
  const kinds = RECIPIENT_KINDS.filter((k) => consentPurposeFor(k) === purpose);
  const pending = await tx
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.beneficiaryId, beneficiaryId),
        inArray(referrals.recipientKind, kinds),
        inArray(referrals.state, [...CONSENT_DEPENDENT_STATES]),
      ),
    )
    .for("update");
  const now = new Date();
  let withdrawn = 0;
  for (const referral of pending) {
    if (effectiveState(referral, now) === "expired") {
      // Already past its deadline: it expired rather than waiting for this withdrawal.
      await applyTransition(tx, {
        referral,
        event: "expire",
        actor: SYSTEM_ACTOR,
        ctx: null,
        now,
        version: referral.version,
      });
      continue;
    }
    withdrawn += 1;
    await applyTransition(tx, {
      referral,
      event: "withdraw_consent",
      actor: SYSTEM_ACTOR,
      ctx,
      note: `${CONSENT_WITHDRAWN_NOTE} (${purpose})`,
      now,
      version: referral.version,
    });
  }
  return withdrawn;
}
