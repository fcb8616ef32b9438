import "server-only";
import { count, eq, isNotNull } from "drizzle-orm";
import { roleSecurityPolicies, users, userTotp } from "@/db/schema";
import { ROLES, type Role } from "@/lib/authz";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";

export interface RoleSecurityPolicy {
  role: Role;
  requireTotp: boolean;
  /** Active users of the role, and how many of them have TOTP enabled. */
  activeUsers: number;
  enrolledUsers: number;
}

/** One row per role (roles never configured require nothing), with enrolment counts. */
export async function getRoleSecurityPolicies(ctx: DalContext): Promise<RoleSecurityPolicy[]> {
  authorize(ctx.actor, "security.configure");
  return withTransaction(ctx, async (tx) => {
    const policies = await tx.select().from(roleSecurityPolicies);
    const counts = await tx
      .select({ role: users.role, enrolled: isNotNull(userTotp.enabledAt), n: count() })
      .from(users)
      .leftJoin(userTotp, eq(userTotp.userId, users.id))
      .where(eq(users.active, true))
      .groupBy(users.role, isNotNull(userTotp.enabledAt));
    return ROLES.map((role) => {
      const mine = counts.filter((c) => c.role === role);
      return {
        role,
        requireTotp: policies.find((p) => p.role === role)?.requireTotp ?? false,
        activeUsers: mine.reduce((sum, c) => sum + c.n, 0),
        enrolledUsers: mine.filter((c) => c.enrolled).reduce((sum, c) => sum + c.n, 0),
      };
    });
  });
}
