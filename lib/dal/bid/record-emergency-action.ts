import "server-only";
import { emergencyActions } from "@/db/schema";
import { type EmergencyInput, emergencySchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse";

/**
 * Urgent protective action taken for a child. Deliberately independent of any BID: a pending
 * determination never delays protection, so no BID state is read here.
 */
export async function recordEmergencyAction(ctx: DalContext, input: EmergencyInput): Promise<{ id: string }> {
  const scope = authorize(ctx.actor, "bid.emergency_action");
  const v = parseInput(emergencySchema, input);
  return withTransaction(ctx, async (tx) => {
    // Anyone working on the case may protect the child, with or without the BID category.
    const child = await findInScope(tx, ctx.actor, scope, v.beneficiaryId);
    if (!child) throw notFound();
    const [row] = await tx
      .insert(emergencyActions)
      .values({ beneficiaryId: child.id, action: v.action, takenOn: v.takenOn, recordedBy: ctx.actor.id })
      .returning({ id: emergencyActions.id });
    if (!row) throw new Error("emergency action insert returned no row");
    await recordAudit(tx, ctx, {
      action: "bid.emergency_action",
      entity: "beneficiary",
      entityId: child.id,
      detail: { emergencyActionId: row.id },
    });
    return row;
  });
}
