import "server-only";
import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { beneficiaries } from "@/db/schema";
import type { Scope } from "@/lib/authz";
import { ageAt, todayIso } from "@/lib/domain/age";
import { nameKey } from "@/lib/domain/names";
import { type DuplicateCheckInput, duplicateCheckSchema } from "@/lib/validation/beneficiary";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, type Queryable, withTransaction } from "../context";
import { parseInput } from "../parse";
import { reusable } from "../prepared";
import { mayReachSimilarity } from "./name-signature";
import { beneficiaryScope } from "./scope";

/** Trigram similarity at which two name keys are a likely match (tuned on the spelling variants in the tests). */
export const DUPLICATE_SIMILARITY = 0.5;
const DOB_WINDOW_YEARS = 2;
const MAX_MATCHES = 10;

export type DuplicateMatch =
  | {
      inScope: true;
      id: string;
      caseNumber: string;
      familyName: string;
      givenNames: string;
      officeCode: string;
      age: number;
      dobEstimated: boolean;
      nationality: string;
      sex: string;
      score: number;
    }
  /** Outside the actor's scope only the office is told, so the caseworker can ask that office. */
  | { inScope: false; officeCode: string; score: number };

function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4) === "-02-29" ? "-02-28" : iso.slice(4);
  return `${y}${rest}`;
}

type DuplicateShape = { sexKnown: boolean; scope: Scope };

/**
 * The check's query for one shape, its values as placeholders: the best candidates first, from
 * the index alone (beneficiaries_dup_idx holds the name key, its signature and id), scored on one
 * nationality, sex and birth window, not through the trigram index, which a common name matches
 * across the whole table. Only those few rows are then read.
 */
function duplicateQuery(q: Queryable, { sexKnown, scope }: DuplicateShape) {
  const key = sql.placeholder("key");
  const score = sql<number>`similarity(${beneficiaries.nameKey}, ${key})`;
  const stored = { signature: beneficiaries.nameSignature, trigrams: beneficiaries.nameTrigrams };
  const best = q
    .select({ id: beneficiaries.id, score: score.as("score") })
    .from(beneficiaries)
    .where(
      and(
        // One expression, so that the cheap test runs first: the planner orders separate
        // conditions by its own cost estimates.
        sql`case when ${mayReachSimilarity(stored, key, DUPLICATE_SIMILARITY)} then ${score} >= ${DUPLICATE_SIMILARITY} else false end`,
        eq(beneficiaries.nationality, sql.placeholder("nationality")),
        sexKnown ? inArray(beneficiaries.sex, [sql.placeholder("sex"), "unknown"]) : undefined,
        gte(beneficiaries.dateOfBirth, sql.placeholder("bornFrom")),
        lte(beneficiaries.dateOfBirth, sql.placeholder("bornTo")),
      ),
    )
    .orderBy(desc(score), beneficiaries.id)
    .limit(MAX_MATCHES)
    .as("best");
  const actor = { id: sql.placeholder("actorId"), officeCode: sql.placeholder("officeCode") };
  return q
    .select({
      id: beneficiaries.id,
      caseNumber: beneficiaries.caseNumber,
      familyName: beneficiaries.familyName,
      givenNames: beneficiaries.givenNames,
      officeCode: beneficiaries.officeCode,
      dateOfBirth: beneficiaries.dateOfBirth,
      dobEstimated: beneficiaries.dobEstimated,
      nationality: beneficiaries.nationality,
      sex: beneficiaries.sex,
      score: best.score,
      inScope: sql<boolean>`(${beneficiaryScope(actor, scope)})`,
    })
    .from(best)
    .innerJoin(beneficiaries, eq(beneficiaries.id, best.id))
    .orderBy(desc(best.score), best.id);
}

/** Likely existing records for a person about to be registered, best first. */
export async function findDuplicatesTx(
  tx: Queryable,
  ctx: DalContext,
  input: DuplicateCheckInput,
): Promise<DuplicateMatch[]> {
  authorize(ctx.actor, "beneficiary.duplicate_check");
  const v = parseInput(duplicateCheckSchema, input);
  const key = nameKey(v.familyName, v.givenNames, v.nameAr);
  if (!key) return [];
  const shape = { sexKnown: v.sex !== "unknown", scope: authorize(ctx.actor, "beneficiary.read") };
  const rows = await reusable(
    tx,
    `beneficiaries/find-duplicates:${shape.sexKnown ? "sex" : "any"}:${shape.scope}`,
    (q) => duplicateQuery(q, shape),
  ).execute({
    key,
    nationality: v.nationality,
    sex: v.sex,
    bornFrom: shiftYears(v.dateOfBirth, -DOB_WINDOW_YEARS),
    bornTo: shiftYears(v.dateOfBirth, DOB_WINDOW_YEARS),
    actorId: ctx.actor.id,
    officeCode: ctx.actor.officeCode,
  });
  const today = todayIso();
  return rows.map((r) =>
    r.inScope
      ? {
          inScope: true as const,
          id: r.id,
          caseNumber: r.caseNumber,
          familyName: r.familyName,
          givenNames: r.givenNames,
          officeCode: r.officeCode,
          age: ageAt(r.dateOfBirth, today),
          dobEstimated: r.dobEstimated,
          nationality: r.nationality,
          sex: r.sex,
          score: Math.round(Number(r.score) * 100) / 100,
        }
      : { inScope: false as const, officeCode: r.officeCode, score: Math.round(Number(r.score) * 100) / 100 },
  );
}

export function findDuplicates(ctx: DalContext, input: DuplicateCheckInput): Promise<DuplicateMatch[]> {
  return withTransaction(ctx, async (tx) => {
    const matches = await findDuplicatesTx(tx, ctx, input);
    // Every check is recorded: matches show other people's records, and the probe itself names someone.
    await recordAudit(tx, ctx, {
      action: "duplicate_check",
      entity: "beneficiary",
      detail: { matches: matches.length, inScope: matches.filter((m) => m.inScope).length },
    });
    return matches;
  });
}
