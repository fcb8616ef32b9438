import "server-only";
import { retentionPolicies } from "@/db/schema";
import type { RetentionCategory } from "@/lib/domain/retention";
import { type RetentionPolicyInput, retentionPolicySchema } from "@/lib/validation/retention";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { retentionDays } from "./run-retention";

/** Retention periods in days per record category (defaults where none was set). */
export async function getRetentionPolicies(ctx: DalContext): Promise<Record<RetentionCategory, number>> {
  authorize(ctx.actor, "retention.configure");
  return withTransaction(ctx, (tx) => retentionDays(tx));
}

export async function setRetentionPolicy(ctx: DalContext, input: RetentionPolicyInput): Promise<void> {
  authorize(ctx.actor, "retention.configure");
  const v = parseInput(retentionPolicySchema, input);
  await withTransaction(ctx, async (tx) => {
    const before = (await retentionDays(tx))[v.category];
    await tx
      .insert(retentionPolicies)
      .values({ category: v.category, days: v.days, updatedBy: ctx.actor.id })
      .onConflictDoUpdate({
        target: retentionPolicies.category,
        set: { days: v.days, updatedBy: ctx.actor.id, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: "retention_policy_set",
      entity: "retention_policy",
      entityId: v.category,
      detail: { before, after: v.days },
    });
  });
}
