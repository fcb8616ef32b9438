import "server-only";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { loadCatalogue, type ReferralCatalogue } from "./referral-config";

/** The administrator's page: services, partner organisations, deadlines. */
export async function getReferralSettings(ctx: DalContext): Promise<ReferralCatalogue> {
  authorize(ctx.actor, "referral.configure");
  return withTransaction(ctx, (tx) => loadCatalogue(tx));
}
