import "server-only";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import { beneficiaries, caseAssignments } from "@/db/schema";
import type { Scope } from "@/lib/authz";
import type { Actor, Tx } from "../context";

/** The SQL form of a scope in lib/authz, applied to every beneficiary query. */
export function beneficiaryScope(actor: Actor, scope: Scope): SQL {
  switch (scope) {
    case "all":
      return sql`true`;
    case "office":
      return eq(beneficiaries.officeCode, actor.officeCode);
    case "own":
      return or(
        eq(beneficiaries.ownerId, actor.id),
        // drizzle's exists() leaves a raw sql subquery unparenthesised: spell the parentheses out.
        sql`exists (select 1 from ${caseAssignments} where ${caseAssignments.beneficiaryId} = ${beneficiaries.id} and ${caseAssignments.userId} = ${actor.id})`,
      ) as SQL;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a beneficiary row only if it is within scope; anything else — a malformed id, a record
 * of another office — is the same "not found", so ids outside scope reveal nothing.
 */
export async function findInScope(tx: Tx, actor: Actor, scope: Scope, id: string, lock = false) {
  if (!UUID.test(id)) return undefined;
  const query = tx
    .select()
    .from(beneficiaries)
    .where(and(eq(beneficiaries.id, id), beneficiaryScope(actor, scope)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}
