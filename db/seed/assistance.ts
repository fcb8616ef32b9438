import { sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * Synthetic services over the plan period for the seeded people, in one set-based statement, so the
 * dashboard has something to show. Runs only while there are no service records at all.
 */
export async function seedAssistance(db: Database): Promise<number> {
  const [existing] = await db.execute<{ n: number }>(sql`select count(*)::int as n from assistance_records`);
  if ((existing?.n ?? 0) > 0) return 0;
  const rows = await db.execute<{ n: number }>(sql`
    with projects as (select array_agg(id order by code) as ids from donor_projects),
    draws as (
      select b.id, b.owner_id, b.office_code, b.baladiya_pcode, b.population_type, b.date_of_birth,
             b.detained, b.detained_since, s.d, s.r, s.q, s.p
      from beneficiaries b
      cross join lateral (
        select (date '2019-01-01' + floor(random() * 1096)::int) as d, random() as r, random() as q,
               random() as p
        from generate_series(1, 1 + abs(hashtext(b.id::text)) % 4) g
      ) s
    ),
    typed as (
      select d.*,
        case
          when d.population_type = 'migrant' then
            case when d.r < 0.28 then 'mrrm_outreach'
                 when d.r < 0.46 then 'nfi_kit'
                 when d.r < 0.60 then 'vhr_departure'
                 when d.r < 0.66 then 'reintegration_support'
                 when d.r < 0.76 then 'mhpss_session'
                 when d.r < 0.86 then 'cp_service'
                 when d.r < 0.94 then 'disembarkation_assistance'
                 else 'atd_placement' end
          when d.population_type = 'idp' then
            case when d.r < 0.6 then 'nfi_kit' when d.r < 0.8 then 'cp_service' else 'cs_participation' end
          else case when d.r < 0.6 then 'cs_participation' else 'nfi_kit' end
        end::assistance_type as type
      from draws d
      where d.d >= d.date_of_birth
    ),
    inserted as (
      insert into assistance_records (beneficiary_id, assistance_type, programme_code, service_date, baladiya_pcode,
        office_code, quantity, donor_project_id, provided_by, population_type, detained_at_service, age_at_service,
        recorded_by)
      select t.id, t.type, at.programme_code, t.d, t.baladiya_pcode, t.office_code, 1 + floor(t.q * 3)::int,
             case when t.p < 0.3 then null else ((select ids from projects))[1 + floor(t.p * 14)::int % 14] end,
             t.owner_id, t.population_type,
             (t.detained and t.d >= t.detained_since) or (t.type = 'mhpss_session' and t.q < 0.6),
             sanad_age_at(t.date_of_birth, t.d), t.owner_id
      from typed t join assistance_types at on at.code = t.type
      returning 1
    )
    select count(*)::int as n from inserted`);
  return rows[0]?.n ?? 0;
}
