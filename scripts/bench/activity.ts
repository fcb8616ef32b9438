import { performance } from "node:perf_hooks";
import type postgres from "postgres";

type Sql = postgres.Sql;

/** The activity plan's years: services fall in them; screenings and referrals start with them. */
const PLAN_START = "date '2019-01-01'";
const PLAN_END = "date '2021-12-31'";

/**
 * Services, referrals and screenings for the people already built, set-based. The roll-up's facts
 * trigger is paused during the bulk load and the facts are then built in one pass by the same SQL
 * function the trigger uses, as a bulk load in production would do; the dashboard's maintained
 * counts are then recounted from the facts in one pass.
 */
export async function buildAssistance(sql: Sql, total: number, log: (m: string) => void): Promise<void> {
  // `served` numbers the people who could be served in 2019-2021, those born by its end: the
  // services go to them, and none falls outside the plan's years, so the total is exact.
  await sql.unsafe(`create temp table bench_people as
    select row_number() over (order by id) as n,
           case when date_of_birth <= ${PLAN_END} then count(*) filter (where date_of_birth <= ${PLAN_END}) over (order by id) end as served,
           id, owner_id, baladiya_pcode, office_code, population_type, date_of_birth, detained
    from beneficiaries`);
  await sql.unsafe("create index on bench_people (n)");
  const [{ people, servable } = { people: 0, servable: 0 }] = await sql<
    { people: number; servable: number }[]
  >`select count(*)::int as people, count(served)::int as servable from bench_people`;
  if (total === 0) return;
  if (servable === 0) throw new Error(`no one born by the end of 2021 to serve ${total} services to`);
  // Each person served gets `base` services, and the first `extra` of them one more.
  const base = Math.floor(total / servable);
  const extra = total - base * servable;
  const slice = 100_000;
  await sql`alter table assistance_records disable trigger assistance_records_facts_after_insert`;
  for (let from = 1; from <= people; from += slice) {
    // A service's date is spread over 2019-2021 from the person's birth, if later, to the end.
    // Hashes are taken as bigint: abs() of the smallest int4 is out of int4's range.
    await sql.unsafe(`
      insert into assistance_records (beneficiary_id, assistance_type, programme_code, service_date, baladiya_pcode,
        office_code, quantity, donor_project_id, provided_by, population_type, detained_at_service, age_at_service, recorded_by)
      select b.id, t.code, t.programme_code, d.d, b.baladiya_pcode, b.office_code, 1,
             case when k % 3 = 0 then null else p.ids[(1 + (abs(hashtext(b.id::text)::bigint) + k) % array_length(p.ids, 1))::int] end,
             b.owner_id, b.population_type, b.detained, greatest(0, sanad_age_at(b.date_of_birth, d.d)), b.owner_id
      from bench_people b
      cross join lateral generate_series(1, ${base} + case when b.served <= ${extra} then 1 else 0 end) k
      cross join (select array_agg(id order by code) ids from donor_projects) p
      cross join lateral (select greatest(${PLAN_START}, b.date_of_birth) as first_day) f
      cross join lateral (select f.first_day + (abs(hashtext(b.id::text || k::text)::bigint) % (${PLAN_END} - f.first_day + 1))::int as d) d
      cross join lateral (select code, programme_code from assistance_types
                          order by abs(hashtext(b.id::text || k::text || code::text)::bigint) limit 1) t
      where b.n between ${from} and ${from + slice - 1} and b.served is not null`);
    log(`  assistance: people ${Math.min(from + slice - 1, people)}/${people}`);
  }
  await sql`alter table assistance_records enable trigger assistance_records_facts_after_insert`;
  await sql`delete from rollup_facts`;
  const facts = performance.now();
  await sql`select rollup_insert_facts(null, null)`;
  log(`  roll-up facts: ${((performance.now() - facts) / 1000).toFixed(1)} s`);
  const cells = performance.now();
  await sql`select rollup_rebuild_cells(null, null)`;
  log(`  roll-up cells: ${((performance.now() - cells) / 1000).toFixed(1)} s`);
}

export async function buildReferrals(sql: Sql, total: number): Promise<void> {
  if (total === 0) return;
  await sql.unsafe(`
    insert into referrals (beneficiary_id, service, recipient_kind, urgency, reason, state, due_at, created_by, created_at, updated_at)
    select b.id, s.service::referral_service, 'internal', u.urgency::referral_urgency,
           'Referred for follow-up after screening.', st.state::referral_state,
           c.created_at + interval '3 days', b.owner_id, c.created_at, c.created_at
    from (select * from bench_people order by random() limit ${total}) b
    cross join lateral (select (array['vhr','reintegration','mhpss','child_protection','bid','health','direct_assistance','atd','counter_trafficking','legal'])[1 + (random() * 9 + 0 * b.n)::int] as service) s
    cross join lateral (select (array['high','medium','low'])[1 + (random() * 2 + 0 * b.n)::int] as urgency) u
    cross join lateral (select (enum_range(null::referral_state))[1 + floor(random() * array_length(enum_range(null::referral_state), 1) + 0 * b.n)::int]::text as state) st
    cross join lateral (select greatest(${PLAN_START}, b.date_of_birth)::timestamptz as first_at) f
    cross join lateral (select f.first_at + random() * (now() - f.first_at) as created_at) c`);
}

export async function buildScreenings(sql: Sql, total: number): Promise<void> {
  if (total === 0) return;
  // K10 answers with their computed band; the instrument's own rules are exercised by the unit tests.
  await sql.unsafe(`
    insert into screenings (beneficiary_id, instrument, version, answers, outcome, outcome_detail, sensitive_category, screened_on, created_by, created_at)
    select b.id, 'k10', 1, a.answers, band.outcome,
           jsonb_build_object('reasons', jsonb_build_array(jsonb_build_object('key', 'k10.' || band.outcome, 'values', jsonb_build_object('total', a.total))), 'flags', jsonb_build_array()),
           'health', d.d, b.owner_id, d.d::timestamptz
    from (select * from bench_people order by random() limit ${total}) b
    cross join lateral (select jsonb_object_agg('q' || q, 1 + (random() * 4 + 0 * b.n)::int) as answers from generate_series(1, 10) q) i
    cross join lateral (select i.answers, (select sum(value::int) from jsonb_each_text(i.answers))::int as total) a
    cross join lateral (select case when a.total <= 15 then 'low' when a.total <= 21 then 'moderate' when a.total <= 29 then 'high' else 'very_high' end as outcome) band
    cross join lateral (select greatest(${PLAN_START} + (random() * 1000 + 0 * b.n)::int, b.date_of_birth) as d) d`);
}
