import type postgres from "postgres";
import { FAMILY, FEMALE, MALE, NATIONALITIES } from "../../db/seed/synthetic";
import { nameKey } from "../../lib/domain/names";

type Sql = postgres.Sql;

/**
 * Every spelling of every name pairing the seed knows, with its name key computed by the same
 * function the application uses, so the generated people are found exactly as real ones would be.
 */
function nameCombos() {
  const rows: Array<{
    family: string;
    given: string;
    key: string;
    sex: "male" | "female";
    nationality: string;
  }> = [];
  const spellings = (variants: string[]) => variants.map((v) => v.split("|")[0] as string);
  for (const [nationality, , group] of NATIONALITIES) {
    for (const familyVariants of FAMILY[group] ?? []) {
      for (const family of spellings(familyVariants)) {
        for (const [sex, pool] of [
          ["male", MALE],
          ["female", FEMALE],
        ] as const) {
          for (const givenVariants of pool) {
            for (const given of spellings(givenVariants)) {
              rows.push({ family, given, key: nameKey(family, given), sex, nationality });
            }
          }
        }
      }
    }
  }
  return rows;
}

/** Case numbers like the application's: LBY-YY- and six Crockford base-32 characters from a bijective scramble of i. */
const CASE_NUMBER_SQL = `'LBY-' || to_char(created_at, 'YY') || '-' || (
  select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((((i * 387420489::bigint) + 12345) % 1073741824) >> (5 * k))::int % 32 + 1, 1), '' order by k desc)
  from generate_series(0, 5) k)`;

/**
 * Builds `count` beneficiaries with set-based SQL: names from the combo table, ages, sexes,
 * nationalities, population types and baladiyas drawn with realistic skews, one owner per office
 * caseworker, four consent rows each. Deterministic for a given seed.
 */
export async function buildBeneficiaries(sql: Sql, count: number, seed = 0.42): Promise<void> {
  const combos = nameCombos();
  await sql`create unlogged table if not exists bench_names (n serial primary key, family text, given text, key text, sex text, nationality text)`;
  await sql`truncate bench_names restart identity`;
  for (let i = 0; i < combos.length; i += 2000) {
    await sql`insert into bench_names ${sql(combos.slice(i, i + 2000), "family", "given", "key", "sex", "nationality")}`;
  }
  await sql`select setseed(${seed})`;
  await sql.unsafe(`
    create temp table bench_places as
      select row_number() over (order by b.pcode) as n, b.pcode,
        case when b.mantika_pcode = 'LY0214' then 'MRA' when b.mantika_pcode = 'LY0215' then 'ZWA'
             when m.region_pcode = 'LY01' then 'BEN' when m.region_pcode = 'LY03' then 'SEB' else 'TIP' end as office
      from baladiyas b join mantikas m on m.pcode = b.mantika_pcode;
    create temp table bench_owners as
      select office_code, array_agg(id order by id) as ids from users where role in ('caseworker', 'supervisor') group by office_code;
  `);
  const [namesRow] = await sql<{ n: number }[]>`select count(*)::int as n from bench_names`;
  const [placesRow] = await sql<{ n: number }[]>`select count(*)::int as n from bench_places`;
  const names = namesRow?.n ?? 0;
  const places = placesRow?.n ?? 0;
  // Skewed draws: Tripoli's baladiyas and the mission's main nationalities dominate, as in the field.
  await sql.unsafe(`
    insert into beneficiaries (id, case_number, family_name, given_names, name_key, sex, date_of_birth, dob_estimated,
      nationality, population_type, languages, baladiya_pcode, detained, detention_centre, detained_since, uasc_status,
      vulnerabilities, office_code, owner_id, created_by, created_at, updated_at)
    select id, ${CASE_NUMBER_SQL}, family, given, key, sex::sex, dob, est, nat,
      pop::population_type, '{}', pcode, detained, case when detained then 'Tariq al-Sikka' end,
      case when detained then (created_at - interval '30 days')::date end,
      case when dob > (now() - interval '18 years')::date then (array['accompanied','unaccompanied','separated'])[1 + (random() * 2.4)::int]::uasc_status end,
      '{}', office, owner, owner, created_at, created_at
    from (
      select g.i, gen_random_uuid() as id, n.family, n.given, n.key, n.sex, n.nationality as nat,
        (current_date - ((case when r.a < 0.18 then random() * 18 when r.a < 0.93 then 18 + random() * 42 else 60 + random() * 25 end) * 365.25)::int) as dob,
        random() < 0.35 as est,
        case when n.nationality = 'LBY' then (array['idp','returnee','host'])[1 + (random() * 2)::int] else (case when random() < 0.85 then 'migrant' else 'refugee' end) end as pop,
        p.pcode, p.office, random() < 0.06 and n.nationality <> 'LBY' as detained,
        o.ids[1 + (g.i % array_length(o.ids, 1))] as owner,
        timestamptz '2019-01-01' + random() * (now() - timestamptz '2019-01-01') as created_at
      from generate_series(1, ${count}) as g(i)
      cross join lateral (select random() + 0 * g.i as a, random() + 0 * g.i as b, random() + 0 * g.i as c) r
      join bench_names n on n.n = 1 + floor(power(r.b, 1.4) * ${names})::int
      join bench_places p on p.n = 1 + floor(power(r.c, 2.2) * ${places})::int
      join bench_owners o on o.office_code = p.office
    ) s;
  `);
  await sql.unsafe(`
    insert into consents (beneficiary_id, purpose, granted, given_by, given_on, recorded_by, recorded_at)
    select b.id, p.purpose::consent_purpose, true, 'self', b.created_at::date, b.owner_id, b.created_at
    from beneficiaries b cross join unnest(array['services','sharing','tracing','reporting']) as p(purpose)
    where not exists (select 1 from consents c where c.beneficiary_id = b.id);
  `);
  await sql`drop table bench_names`;
  await sql.unsafe("analyze beneficiaries; analyze consents;");
}
