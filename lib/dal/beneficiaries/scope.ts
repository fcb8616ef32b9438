import "server-only";
import { and, eq, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import { beneficiaries, caseAssignments } from "@/db/schema";
import type { Scope } from "@/lib/authz";
import type { Actor, Tx } from "../context";
import { mayReachSimilarity } from "./name-signature";

/** A name search: its name key and the similarity at which its `%` matches. */
export interface NameSearch {
  key: string;
  similarity: number;
}

/**
 * The "own" scope of a name search: the actor's own cases whose name comes close, scored from
 * beneficiaries_owner_name_idx alone, and the cases they are assigned to. The caller still applies
 * `%`, so this only has to hold every match: similarity ≥ the threshold, as a real, is what `%`
 * tests. Signatures rule most names out before any is scored (name-signature.ts). Nearest-first
 * through the office's index, the search would pass over everyone else's cases of the name before
 * it had a page of the caseworker's.
 */
/** What a scope reads of the actor: values, or placeholders of a query built once (prepared.ts). */
export type ScopeActor = { [K in "id" | "officeCode"]: Actor[K] | Placeholder };

const OWN_SIGNATURE = { signature: sql`own.name_signature`, trigrams: sql`own.name_trigrams` };

function ownCasesNamed(actor: ScopeActor, search: NameSearch): SQL {
  return sql`${beneficiaries.id} in (
    select own.id from ${beneficiaries} own
    where own.owner_id = ${actor.id}
      and case when ${mayReachSimilarity(OWN_SIGNATURE, search.key, search.similarity)}
        then similarity(own.name_key, ${search.key}) >= ${search.similarity}::real else false end
    union all
    select ${caseAssignments.beneficiaryId} from ${caseAssignments} where ${caseAssignments.userId} = ${actor.id})`;
}

/**
 * The SQL form of a scope in lib/authz, applied to every beneficiary query. For a name search,
 * whose caller also applies `%`, the "own" scope is written to start from the actor's own rows
 * (ownCasesNamed); it selects the same cases.
 */
export function beneficiaryScope(actor: ScopeActor, scope: Scope, nameSearch?: NameSearch): SQL {
  if (scope === "own" && nameSearch) return ownCasesNamed(actor, nameSearch);
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
