import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { referrals } from "@/db/schema";
import { consentOverrideSchema } from "@/lib/validation/referral";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, forbidden, notFound } from "../errors";
import { parseInput } from "../parse";
import { loadReferralAccess } from "./access";

/**
 * A supervisor of the case records why a draft may go without the person's consent (e.g. risk to
 * life); the referrer can then submit it. Only before submission: afterwards the decision is made.
 */
export async function overrideConsent(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  authorize(ctx.actor, "referral.override_consent");
  const v = parseInput(consentOverrideSchema, input);
  return withTransaction(ctx, async (tx) => {
    const access = await loadReferralAccess(tx, ctx.actor, v.id);
    if (!access) throw notFound();
    if (access.actor.kind !== "user" || !access.actor.supervisesCase) throw forbidden();
    const now = new Date();
    const [updated] = await tx
      .update(referrals)
      .set({
        consentOverrideReason: v.reason,
        consentOverrideBy: ctx.actor.id,
        consentOverrideAt: now,
        version: sql`${referrals.version} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          eq(referrals.id, v.id),
          eq(referrals.version, v.version),
          inArray(referrals.state, ["draft", "returned"]),
        ),
      )
      .returning({ version: referrals.version });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "referral.consent_override",
      entity: "referral",
      entityId: v.id,
      detail: { reasonLength: v.reason.length },
    });
    return updated;
  });
}
