import "server-only";
import { roleSecurityPolicies } from "@/db/schema";
import { roleSecurityPolicySchema } from "@/lib/validation/two-factor";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { roleRequiresTotp } from "../two-factor/second-factor";

/**
 * Requires (or stops requiring) TOTP for every user of a role. Takes effect at each user's next
 * request: loadActor sends those not enrolled to enrolment before anything else.
 */
export async function setRoleSecurityPolicy(ctx: DalContext, input: unknown): Promise<void> {
  authorize(ctx.actor, "security.configure");
  const v = parseInput(roleSecurityPolicySchema, input);
  await withTransaction(ctx, async (tx) => {
    const before = await roleRequiresTotp(tx, v.role);
    const now = new Date();
    await tx
      .insert(roleSecurityPolicies)
      .values({ role: v.role, requireTotp: v.requireTotp, updatedBy: ctx.actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: roleSecurityPolicies.role,
        set: { requireTotp: v.requireTotp, updatedBy: ctx.actor.id, updatedAt: now },
      });
    await recordAudit(tx, ctx, {
      action: "role_security_policy_set",
      entity: "role_security_policy",
      entityId: v.role,
      detail: { requireTotp: { before, after: v.requireTotp } },
    });
  });
}
