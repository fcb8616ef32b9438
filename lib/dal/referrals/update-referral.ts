import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { referrals } from "@/db/schema";
import { updateReferralSchema } from "@/lib/validation/referral";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, forbidden, notFound } from "../errors";
import { parseInput } from "../parse";
import { loadReferralAccess } from "./access";

/** The referrer corrects a draft or a returned referral (reason, urgency, phone sharing) before submitting it. */
export async function updateReferral(ctx: DalContext, input: unknown): Promise<{ version: number }> {
  authorize(ctx.actor, "referral.create");
  const v = parseInput(updateReferralSchema, input);
  return withTransaction(ctx, async (tx) => {
    const access = await loadReferralAccess(tx, ctx.actor, v.id);
    if (access?.via !== "case") throw notFound();
    if (access.actor.kind !== "user" || !access.actor.isReferrer) throw forbidden();
    const [updated] = await tx
      .update(referrals)
      .set({
        urgency: v.urgency,
        reason: v.reason,
        sharePhone: v.sharePhone,
        version: sql`${referrals.version} + 1`,
        updatedAt: new Date(),
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
    const before = access.referral;
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "referral",
      entityId: v.id,
      detail: {
        fields: [
          before.urgency !== v.urgency ? "urgency" : null,
          before.reason !== v.reason ? "reason" : null,
          before.sharePhone !== v.sharePhone ? "sharePhone" : null,
        ].filter(Boolean),
      },
    });
    return updated;
  });
}
