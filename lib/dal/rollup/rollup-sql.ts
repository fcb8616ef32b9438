import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { splitByWholeMonths } from "@/lib/domain/rollup/period";
import {
  byKey,
  type IndicatorCounts,
  type KeyCount,
  type RollupOverview,
  type RollupQuery,
} from "@/lib/domain/rollup/types";
import type { Tx } from "../context";

/**
 * The roll-up in SQL. Whole months come from the maintained facts (one row per person, month and
 * place, not per service); the partial months at the edges of a custom period come from the
 * qualifying services themselves. Both give the same columns, so the counting below is one query.
 */
function slice(q: RollupQuery, indicatorCodes: readonly string[]): SQL {
  const codes = sql`indicator_code in (${sql.join(
    indicatorCodes.map((c) => sql`${c}`),
    sql`, `,
  )})`;
  const place = sql.join(
    [
      q.officeCode ? sql` and office_code = ${q.officeCode}` : sql``,
      q.mantikaPcode ? sql` and mantika_pcode = ${q.mantikaPcode}` : sql``,
    ],
    sql``,
  );
  const columns = sql`indicator_code, beneficiary_id, baladiya_pcode, mantika_pcode, region_pcode, office_code,
    donor_project_id, sex, nationality, population_type, age_at, detained`;
  const { whole, edges } = splitByWholeMonths(q);
  const parts: SQL[] = [];
  if (whole) {
    parts.push(sql`select first_date as d, ${columns} from rollup_facts
      where month between ${whole.start}::date and ${whole.end}::date and ${codes}${place}`);
  }
  for (const edge of edges) {
    parts.push(sql`select service_date as d, ${columns} from rollup_qualifying_services
      where service_date between ${edge.start}::date and ${edge.end}::date and ${codes}${place}`);
  }
  return sql.join(parts, sql` union all `);
}

interface Row extends Record<string, unknown> {
  dim: string;
  key: string;
  n: number | string;
}

function group(rows: readonly Row[], dim: string): KeyCount[] {
  return rows
    .filter((r) => r.dim === dim)
    .map((r) => ({ key: r.key, count: Number(r.n) }))
    .sort(byKey);
}

/**
 * Whether the view is one of the maintained ranges (the plan, a calendar year, a whole-month
 * reporting period) for all offices, one office or one mantika: then its counts are read from
 * `rollup_cells`, which the triggers keep equal to what the live queries below would count. Any
 * other range is counted live from the facts, and so is an office with a mantika filter (a
 * supervisor's dashboard, locked to their office, filtered by mantika): keeping every office and
 * mantika pair as a fourth scope would make the cells' bulk recount a third longer again.
 */
async function isMaintained(tx: Tx, q: RollupQuery): Promise<boolean> {
  if (q.officeCode && q.mantikaPcode) return false;
  const rows = await tx.execute(sql`select 1 from rollup_cell_ranges
    where start_date = ${q.start}::date and end_date = ${q.end}::date`);
  return rows.length > 0;
}

/** The cells' scope of a view: '' for all offices and places, else the office or the mantika. */
function scope(q: RollupQuery): string {
  return q.mantikaPcode || q.officeCode || "";
}

function cells(q: RollupQuery, dims: SQL, subject?: string): SQL {
  return sql`select dim, subject, key, n from rollup_cells
    where start_date = ${q.start}::date and end_date = ${q.end}::date and scope = ${scope(q)}
      and dim in (${dims})${subject === undefined ? sql`` : sql` and subject = ${subject}`} and n > 0`;
}

export async function queryOverview(
  tx: Tx,
  q: RollupQuery,
  indicatorCodes: readonly string[],
): Promise<RollupOverview> {
  if (indicatorCodes.length === 0) return { indicators: [], programmes: [], mission: 0 };
  if (await isMaintained(tx, q)) {
    const rows = await tx.execute<Row & { subject: string }>(
      cells(q, sql`'mission', 'programme', 'indicator'`),
    );
    const wanted = new Set(indicatorCodes);
    const of = (dim: string) =>
      rows
        .filter((r) => r.dim === dim && (dim !== "indicator" || wanted.has(r.subject)))
        .map((r) => ({ key: r.subject, count: Number(r.n) }))
        .sort(byKey);
    return {
      indicators: of("indicator"),
      programmes: of("programme"),
      mission: Number(rows.find((r) => r.dim === "mission")?.n ?? 0),
    };
  }
  const rows = await tx.execute<Row>(sql`
    with s as materialized (${slice(q, indicatorCodes)})
    select 'indicator' as dim, indicator_code as key, count(distinct beneficiary_id) as n from s group by 2
    union all
    select 'programme', i.programme_code, count(distinct s.beneficiary_id)
      from s join indicators i on i.code = s.indicator_code group by 2
    union all
    select 'mission', '', count(distinct beneficiary_id) from s`);
  return {
    indicators: group(rows, "indicator"),
    programmes: group(rows, "programme"),
    mission: Number(rows.find((r) => r.dim === "mission")?.n ?? 0),
  };
}

const AGE_GROUP_SQL = sql`case when age_at < 5 then '0-4' when age_at < 12 then '5-11' when age_at < 18 then '12-17'
  when age_at < 60 then '18-59' else '60+' end`;

/**
 * One indicator's counts. `f` keeps each person's first qualifying service in the view (ties: the
 * detained service, then population order — the same rule as the facts and the reference count).
 */
export async function queryIndicator(
  tx: Tx,
  q: RollupQuery,
  indicatorCode: string,
): Promise<IndicatorCounts> {
  const rows = (await isMaintained(tx, q))
    ? await tx.execute<Row>(sql`select case when dim = 'indicator' then 'total' else dim end as dim, key, n
        from (${cells(
          q,
          sql`'indicator', 'sexAge', 'population', 'nationality', 'detention', 'month', 'region', 'mantika', 'baladiya', 'office', 'project'`,
          indicatorCode,
        )}) c`)
    : await tx.execute<Row>(sql`
    with s as materialized (${slice(q, [indicatorCode])}),
    f as materialized (
      select distinct on (beneficiary_id) * from s
      order by beneficiary_id, d, detained desc, population_type
    )
    select 'total' as dim, '' as key, count(*) as n from f
    union all select 'sexAge', sex::text || '|' || ${AGE_GROUP_SQL}, count(*) from f group by 2
    union all select 'population', population_type::text, count(*) from f group by 2
    union all select 'nationality', nationality::text, count(*) from f group by 2
    union all select 'detention', case when detained then 'detained' else 'community' end, count(*) from f group by 2
    union all select 'month', to_char(date_trunc('month', d), 'YYYY-MM-DD'), count(*) from f group by 2
    union all select 'region', region_pcode, count(distinct beneficiary_id) from s group by 2
    union all select 'mantika', mantika_pcode, count(distinct beneficiary_id) from s group by 2
    union all select 'baladiya', baladiya_pcode, count(distinct beneficiary_id) from s group by 2
    union all select 'office', office_code, count(distinct beneficiary_id) from s group by 2
    union all select 'project', coalesce(donor_project_id::text, 'none'), count(distinct beneficiary_id) from s group by 2`);
  return {
    total: Number(rows.find((r) => r.dim === "total")?.n ?? 0),
    bySexAge: group(rows, "sexAge"),
    byPopulation: group(rows, "population"),
    byNationality: group(rows, "nationality"),
    byDetention: group(rows, "detention"),
    byRegion: group(rows, "region"),
    byMantika: group(rows, "mantika"),
    byBaladiya: group(rows, "baladiya"),
    byOffice: group(rows, "office"),
    byDonorProject: group(rows, "project"),
    newByMonth: group(rows, "month"),
  };
}
