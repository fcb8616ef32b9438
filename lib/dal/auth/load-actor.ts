import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleSecurityPolicies, userCategoryGrants, userServices, users, userTotp } from "@/db/schema";
import type { Actor, Queryable } from "../context";
import { reusable } from "../prepared";

/**
 * Turns a session into an actor at every request. A deactivated user, or a session issued before
 * the user's sessions were ended (password change, deactivation), gets no actor.
 */
export async function loadActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [user] = await reusable(getDb(), "auth/load-actor", actorQuery).execute({ userId });
  if (!user?.active || user.sessionVersion !== sessionVersion) return null;
  const { active: _active, sessionVersion: _version, ...actor } = user;
  return {
    ...actor,
    mustEnrolTotp: Boolean(actor.mustEnrolTotp),
  };
}

/** The user of a session, with their grants and services as arrays: one round trip. */
function actorQuery(q: Queryable) {
  return q
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      officeCode: users.officeCode,
      mustChangePassword: users.mustChangePassword,
      active: users.active,
      sessionVersion: users.sessionVersion,
      // The role requires TOTP and the user has not enabled it.
      mustEnrolTotp: sql<boolean>`coalesce(${roleSecurityPolicies.requireTotp}, false) and ${userTotp.enabledAt} is null`,
      categories: sql<
        Actor["categories"]
      >`array(select ${userCategoryGrants.category}::text from ${userCategoryGrants} where ${userCategoryGrants.userId} = ${users.id})`,
      services: sql<
        Actor["services"]
      >`array(select ${userServices.service}::text from ${userServices} where ${userServices.userId} = ${users.id})`,
    })
    .from(users)
    .leftJoin(roleSecurityPolicies, eq(roleSecurityPolicies.role, users.role))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(users.id, sql.placeholder("userId")));
}
