import "server-only";
import { and, type Column, eq, ne, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import { alias, QueryBuilder } from "drizzle-orm/pg-core";
import { beneficiaries, caseAssignments } from "@/db/schema";
import type { Scope } from "@/lib/authz";
import type { Actor, Tx } from "../context";
import { mayReachSimilarity } from "./name-signature";

/** A name search: its name key and the similarity at which its `%` matches. */
export interface NameSearch {
  key: string;
  similarity: number;
}

/** What a scope reads of the actor: values, or placeholders of a query built once (prepared.ts). */
type ScopeActor = { [K in "id" | "officeCode"]: Actor[K] | Placeholder };

const own = alias(beneficiaries, "own");
const assignedCase = alias(beneficiaries, "assigned_case");
const OWN_SIGNATURE = { signature: own.nameSignature, trigrams: own.nameTrigrams };
const DISTANCE = "distance";

/**
 * A caseworker's name search: the cases they own whose name comes close, scored from
 * beneficiaries_owner_name_idx alone, and those of the cases assigned to them (not also their
 * own), each with its trigram distance to the name and its registration sequence, the order of
 * the results. Similarity ≥ the threshold, as a real, is what `%` tests; signatures rule most
 * names out before any is scored (name-signature.ts). The caller sorts these before it reads any
 * case: nearest-first through the office's index, the search would pass over everyone else's
 * cases of the name before it had a page of the caseworker's, and testing `%` on every case read
 * would score each match again.
 */
export function ownCasesNamed(actor: Actor, search: NameSearch) {
  const qb = new QueryBuilder();
  const matches = (name: Column) => sql`similarity(${name}, ${search.key}) >= ${search.similarity}::real`;
  // What each part gives of a case: the same columns, so that the union lines them up.
  const columnsOf = (t: typeof own | typeof assignedCase) => ({
    id: t.id,
    distance: sql<number>`${t.nameKey} <-> ${search.key}`.as(DISTANCE),
    searchSeq: t.searchSeq,
  });
  const owned = qb
    .select(columnsOf(own))
    .from(own)
    .where(
      and(
        eq(own.ownerId, actor.id),
        // One expression, so that the cheap test runs first (name-signature.ts).
        sql`case when ${mayReachSimilarity(OWN_SIGNATURE, search.key, search.similarity)} then ${matches(own.nameKey)} else false end`,
      ),
    );
  const assigned = qb
    .select(columnsOf(assignedCase))
    .from(caseAssignments)
    .innerJoin(assignedCase, eq(assignedCase.id, caseAssignments.beneficiaryId))
    .where(
      and(
        eq(caseAssignments.userId, actor.id),
        ne(assignedCase.ownerId, actor.id),
        matches(assignedCase.nameKey),
      ),
    );
  const cases = owned.unionAll(assigned).as("named");
  // drizzle writes a subquery's computed column by its bare name, which ORDER BY would take for
  // an output column of the same name: qualified here.
  const distance = sql<number>`${sql.identifier(cases._.alias)}.${sql.identifier(DISTANCE)}`;
  return { named: cases, distance, searchSeq: cases.searchSeq };
}

/**
 * The SQL form of a scope in lib/authz, applied to every beneficiary query. A caseworker's name
 * search reaches the same cases through ownCasesNamed instead.
 */
export function beneficiaryScope(actor: ScopeActor, scope: Scope): SQL {
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
