import "server-only";
import { and, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { baladiyas, beneficiaries, users } from "@/db/schema";
import { dateOfBirthRangeFor, todayIso } from "@/lib/domain/age";
import { CASE_NUMBER_PATTERN, nameKey, normalizeCaseNumber } from "@/lib/domain/names";
import { type CaseListQuery, caseListQuerySchema } from "@/lib/validation/beneficiary";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { type BeneficiarySummary, summaryColumns, toSummary } from "./dto";
import { beneficiaryScope, ownCasesNamed } from "./scope";

export const PAGE_SIZE = 25;
/** Looser than the duplicate check: a search should still find a badly misspelled name. */
export const SEARCH_SIMILARITY = 0.3;

export interface CaseListPage {
  items: BeneficiarySummary[];
  nextCursor: string | null;
  searchMode: "none" | "case_number" | "name";
}

type Cursor = [string, string];

interface SortSpec {
  value: SQL;
  direction: "asc" | "desc";
  /** Postgres type the cursor's text is cast back to; the key travels as text to keep full precision. */
  cast: "timestamptz" | "text" | "real";
  /** What breaks ties: the id, or for a name search the registration sequence the index orders by. */
  tiebreak?: "id" | "search_seq";
}

const SORTS: Record<CaseListQuery["sort"], SortSpec> = {
  registered_desc: { value: sql`${beneficiaries.createdAt}`, direction: "desc", cast: "timestamptz" },
  registered_asc: { value: sql`${beneficiaries.createdAt}`, direction: "asc", cast: "timestamptz" },
  name_asc: { value: sql`${beneficiaries.familyName}`, direction: "asc", cast: "text" },
};

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string"))
      return parsed as Cursor;
  } catch {}
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `created_at::text` as Postgres prints it (DateStyle ISO). Date.parse is no guard: it accepts "1" or "0.5". */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d){0,2}$/;
/** A trigram distance as Postgres prints a real in [0, 1] (tiny ones in e-notation); Number() accepts "", " " or "0x10", which ::real does not. */
const SCORE = /^(0(\.\d+)?|1|\d(\.\d+)?e-\d+)$/;

function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const SEQUENCE = /^[1-9]\d{0,17}$/;

/** A tampered cursor is ignored rather than reaching Postgres as a failing cast. */
function cursorFits([value, id]: Cursor, sort: SortSpec): boolean {
  if (!(sort.tiebreak === "search_seq" ? SEQUENCE : UUID).test(id)) return false;
  if (sort.cast === "real") return SCORE.test(value);
  if (sort.cast === "timestamptz") return isTimestamp(value);
  // Postgres text cannot hold NUL.
  return !value.includes("\u0000");
}

function filters(q: CaseListQuery): SQL[] {
  const out: SQL[] = [];
  if (q.populationType) out.push(eq(beneficiaries.populationType, q.populationType));
  if (q.sex) out.push(eq(beneficiaries.sex, q.sex));
  if (q.nationality) out.push(eq(beneficiaries.nationality, q.nationality));
  if (q.baladiya) out.push(eq(beneficiaries.baladiyaPcode, q.baladiya));
  if (q.mantika && !q.baladiya) {
    out.push(
      sql`${beneficiaries.baladiyaPcode} in (select ${baladiyas.pcode} from ${baladiyas} where ${baladiyas.mantikaPcode} = ${q.mantika})`,
    );
  }
  if (q.detained) out.push(eq(beneficiaries.detained, q.detained === "yes"));
  if (q.uasc) out.push(eq(beneficiaries.uascStatus, q.uasc));
  if (q.status) out.push(eq(beneficiaries.status, q.status));
  if (q.owner) out.push(eq(beneficiaries.ownerId, q.owner));
  if (q.ageGroup) {
    const range = dateOfBirthRangeFor(q.ageGroup, todayIso());
    out.push(lte(beneficiaries.dateOfBirth, range.to));
    if (range.from) out.push(gte(beneficiaries.dateOfBirth, range.from));
  }
  return out;
}

/** The case list: only records in scope, searched by case number or fuzzy name, filtered, keyset-paged. */
export async function listBeneficiaries(ctx: DalContext, rawQuery: unknown): Promise<CaseListPage> {
  const scope = authorize(ctx.actor, "beneficiary.list");
  const q = caseListQuerySchema.parse(rawQuery ?? {});
  const cursor = decodeCursor(q.after);
  const where: SQL[] = [...filters(q)];

  const text = q.q?.trim() ?? "";
  const caseNumber = normalizeCaseNumber(text);
  const key = text ? nameKey(text) : "";
  let searchMode: CaseListPage["searchMode"] = "none";
  if (text && CASE_NUMBER_PATTERN.test(caseNumber)) {
    searchMode = "case_number";
    where.push(eq(beneficiaries.caseNumber, caseNumber));
  } else if (text && key) {
    searchMode = "name";
  }
  // A caseworker's name search: their matching cases, sorted before any is read (ownCasesNamed).
  const named =
    searchMode === "name" && scope === "own"
      ? ownCasesNamed(ctx.actor, { key, similarity: SEARCH_SIMILARITY })
      : undefined;
  let sort: SortSpec;
  if (named) {
    // Trigram distance (1 - similarity), closest first; ties in registration order.
    sort = { value: named.distance, direction: "asc", cast: "real", tiebreak: "search_seq" };
  } else {
    where.unshift(beneficiaryScope(ctx.actor, scope));
    if (searchMode === "name") {
      where.push(sql`${beneficiaries.nameKey} % ${key}`);
      // The same order, which the GiST index beneficiaries_office_name_knn returns rows in exactly:
      // a page reads a page.
      sort = {
        value: sql`${beneficiaries.nameKey} <-> ${key}`,
        direction: "asc",
        cast: "real",
        tiebreak: "search_seq",
      };
    } else {
      sort = searchMode === "case_number" ? SORTS.registered_desc : SORTS[q.sort];
    }
  }
  const bySequence = sort.tiebreak === "search_seq";
  const tiebreak = named ? named.searchSeq : bySequence ? beneficiaries.searchSeq : beneficiaries.id;
  const direction = sort.direction === "desc" ? "desc" : "asc";
  const orderBy = [
    sql`${sort.value} ${sql.raw(direction)}`,
    named || !bySequence
      ? sql`${tiebreak} ${sql.raw(direction)}`
      : // Spelled as a distance from 0 so the planner matches it to the GiST index's ordering operator.
        sql`${beneficiaries.searchSeq} <-> 0::bigint`,
  ];
  if (cursor && cursorFits(cursor, sort)) {
    const [value, last] = cursor;
    const typed = sql`${value}::${sql.raw(sort.cast)}`;
    const lastTyped = bySequence ? sql`${last}::bigint` : sql`${last}::uuid`;
    where.push(
      sort.direction === "desc"
        ? sql`(${sort.value}, ${tiebreak}) < (${typed}, ${lastTyped})`
        : sql`(${sort.value}, ${tiebreak}) > (${typed}, ${lastTyped})`,
    );
  }

  return withTransaction(ctx, async (tx) => {
    // For `%`; a caseworker's search compares similarities itself (ownCasesNamed).
    if (searchMode === "name" && !named) {
      await tx.execute(
        sql`select set_config('pg_trgm.similarity_threshold', ${String(SEARCH_SIMILARITY)}, true)`,
      );
    }
    // A caseworker's search scans their own cases' index entries, which the planner splits among
    // parallel workers. Once a pooled connection has read a large table, those workers are so
    // slow that the search takes twice as long as without them. Without them it takes the same
    // time on every connection, if more than with them on a connection that has not: the trade
    // is measured in bench/README.md, "Case search by a caseworker". Within a caller's
    // transaction (ctx.tx) the setting lasts until that transaction ends.
    if (named) await tx.execute(sql`select set_config('max_parallel_workers_per_gather', '0', true)`);
    const query = tx
      .select({
        row: { ...summaryColumns, searchSeq: beneficiaries.searchSeq },
        ownerName: users.name,
        sortKey: sql<string>`(${sort.value})::text`,
      })
      .from(beneficiaries)
      .innerJoin(users, eq(users.id, beneficiaries.ownerId))
      .$dynamic();
    const rows = await (named ? query.innerJoin(named.named, eq(named.named.id, beneficiaries.id)) : query)
      .where(and(...where))
      .orderBy(...orderBy)
      .limit(PAGE_SIZE + 1);
    const page = rows.slice(0, PAGE_SIZE);
    const last = page.at(-1);
    const nextCursor =
      rows.length > PAGE_SIZE && last
        ? encodeCursor([last.sortKey, bySequence ? String(last.row.searchSeq) : last.row.id])
        : null;
    await recordAudit(tx, ctx, {
      action: "list",
      entity: "beneficiary",
      detail: { rows: page.length, search: searchMode },
    });
    return { items: page.map((r) => toSummary(r.row, r.ownerName)), nextCursor, searchMode };
  });
}
