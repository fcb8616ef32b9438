-- One definition of what the dashboard cells count, shared by the per-person maintenance
-- (rollup_contributions) and the bulk recount (rollup_rebuild_cells), which until now each
-- carried their own copy of the scoped facts and of the breakdown keys; and one definition of the
-- ranges a reporting period brings, shared by the initial sync and the insert trigger.

-- The maintained ranges for the given periods: a whole-month period itself, and every calendar
-- year it touches.
CREATE FUNCTION rollup_ranges_for(start_date date, end_date date)
RETURNS TABLE (start_date date, end_date date)
LANGUAGE sql IMMUTABLE AS $$
  SELECT $1, $2
   WHERE $1 = date_trunc('month', $1)::date
     AND $2 = (date_trunc('month', $2) + interval '1 month' - interval '1 day')::date
  UNION
  SELECT make_date(y, 1, 1), make_date(y, 12, 31)
    FROM generate_series(extract(year FROM $1)::int, extract(year FROM $2)::int) y
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_sync_cell_ranges() RETURNS void
LANGUAGE sql AS $$
  INSERT INTO rollup_cell_ranges (start_date, end_date)
  SELECT DISTINCT r.start_date, r.end_date
    FROM reporting_periods p CROSS JOIN LATERAL rollup_ranges_for(p.start_date, p.end_date) r
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reporting_periods_cells() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    INSERT INTO rollup_cell_ranges (start_date, end_date)
    SELECT DISTINCT g.start_date, g.end_date
      FROM new_rows p CROSS JOIN LATERAL rollup_ranges_for(p.start_date, p.end_date) g
    ON CONFLICT DO NOTHING
    RETURNING start_date, end_date
  LOOP
    PERFORM rollup_rebuild_cells(r.start_date, r.end_date);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every fact of an active indicator in every maintained range that holds its month, once for all
-- offices ('') and once for its own office. ids, a range and an indicator narrow it when given.
CREATE FUNCTION rollup_scoped_facts(ids uuid[], only_start date, only_end date, only_indicator text)
RETURNS TABLE (
  start_date date, end_date date, office_code text, indicator_code text, programme_code text,
  beneficiary_id uuid, first_date date, baladiya_pcode text, mantika_pcode text, region_pcode text,
  service_office text, project text, sex sex, nationality text, population_type population_type,
  age_at integer, detained boolean
)
LANGUAGE sql STABLE AS $$
  SELECT r.start_date, r.end_date, o.scope, x.indicator_code::text, i.programme_code::text, x.beneficiary_id,
         x.first_date, x.baladiya_pcode::text, x.mantika_pcode::text, x.region_pcode::text, x.office_code::text,
         coalesce(x.donor_project_id::text, 'none'), x.sex, x.nationality::text, x.population_type, x.age_at, x.detained
    FROM rollup_facts x
    JOIN indicators i ON i.code = x.indicator_code AND i.active
    JOIN rollup_cell_ranges r ON x.month BETWEEN r.start_date AND r.end_date
   CROSS JOIN LATERAL (VALUES (''::text), (x.office_code::text)) o(scope)
   WHERE (ids IS NULL OR x.beneficiary_id = ANY (ids))
     AND (only_start IS NULL OR (r.start_date = only_start AND r.end_date = only_end))
     AND (only_indicator IS NULL OR x.indicator_code = only_indicator)
$$;
--> statement-breakpoint
-- The breakdowns by who the person was, for their first qualifying service in the view.
CREATE FUNCTION rollup_person_keys(sex sex, age_at integer, population_type population_type,
                                   nationality text, detained boolean, first_date date)
RETURNS TABLE (dim text, key text)
LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('indicator', ''),
    ('sexAge', $1::text || '|' || CASE WHEN $2 < 5 THEN '0-4' WHEN $2 < 12 THEN '5-11'
                                        WHEN $2 < 18 THEN '12-17' WHEN $2 < 60 THEN '18-59' ELSE '60+' END),
    ('population', $3::text),
    ('nationality', $4),
    ('detention', CASE WHEN $5 THEN 'detained' ELSE 'community' END),
    ('month', to_char(date_trunc('month', $6), 'YYYY-MM-DD'))
$$;
--> statement-breakpoint
-- The breakdowns by where and through whom: a person counts once under each key.
CREATE FUNCTION rollup_place_keys(region_pcode text, mantika_pcode text, baladiya_pcode text,
                                  service_office text, project text)
RETURNS TABLE (dim text, key text)
LANGUAGE sql IMMUTABLE AS $$
  VALUES ('region', $1), ('mantika', $2), ('baladiya', $3), ('office', $4), ('project', $5)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_contributions(ids uuid[], only_start date, only_end date)
RETURNS TABLE (start_date date, end_date date, office_code text, dim text, subject text, key text, beneficiary_id uuid)
LANGUAGE sql STABLE AS $$
  WITH f AS MATERIALIZED (SELECT * FROM rollup_scoped_facts(ids, only_start, only_end, NULL)),
  firsts AS MATERIALIZED (
    SELECT DISTINCT ON (f.start_date, f.end_date, f.office_code, f.indicator_code, f.beneficiary_id) f.*
      FROM f
     ORDER BY f.start_date, f.end_date, f.office_code, f.indicator_code, f.beneficiary_id,
              f.first_date, f.detained DESC, f.population_type
  )
  SELECT f.start_date, f.end_date, f.office_code, 'mission', '', '', f.beneficiary_id FROM f GROUP BY 1, 2, 3, 7
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, 'programme', f.programme_code, '', f.beneficiary_id FROM f GROUP BY 1, 2, 3, 5, 7
  UNION ALL
  SELECT s.start_date, s.end_date, s.office_code, d.dim, s.indicator_code, d.key, s.beneficiary_id
    FROM firsts s
   CROSS JOIN LATERAL rollup_person_keys(s.sex, s.age_at, s.population_type, s.nationality, s.detained, s.first_date) d
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, d.dim, f.indicator_code, d.key, f.beneficiary_id
    FROM f
   CROSS JOIN LATERAL rollup_place_keys(f.region_pcode, f.mantika_pcode, f.baladiya_pcode, f.service_office, f.project) d
   GROUP BY 1, 2, 3, 4, 5, 6, 7
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_rebuild_cells(only_start date, only_end date, only_indicator text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET work_mem = '256MB'
AS $$
BEGIN
  DELETE FROM rollup_cells c
   WHERE (only_start IS NULL OR (c.start_date = only_start AND c.end_date = only_end))
     AND (only_indicator IS NULL OR c.dim IN ('mission', 'programme') OR c.subject = only_indicator);
  INSERT INTO rollup_cells (start_date, end_date, office_code, dim, subject, key, n)
  WITH f AS MATERIALIZED (SELECT * FROM rollup_scoped_facts(NULL, only_start, only_end, NULL)),
  mine AS MATERIALIZED (
    SELECT * FROM f WHERE only_indicator IS NULL OR f.indicator_code = only_indicator
  ),
  firsts AS MATERIALIZED (
    SELECT DISTINCT ON (f.start_date, f.end_date, f.office_code, f.indicator_code, f.beneficiary_id) f.*
      FROM mine f
     ORDER BY f.start_date, f.end_date, f.office_code, f.indicator_code, f.beneficiary_id,
              f.first_date, f.detained DESC, f.population_type
  )
  SELECT f.start_date, f.end_date, f.office_code, 'mission', '', '', count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, 'programme', f.programme_code, '', count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3, 5
  UNION ALL
  SELECT s.start_date, s.end_date, s.office_code, d.dim, s.indicator_code, d.key, count(*)::int
    FROM firsts s
   CROSS JOIN LATERAL rollup_person_keys(s.sex, s.age_at, s.population_type, s.nationality, s.detained, s.first_date) d
   GROUP BY 1, 2, 3, 4, 5, 6
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, d.dim, f.indicator_code, d.key, count(DISTINCT f.beneficiary_id)::int
    FROM mine f
   CROSS JOIN LATERAL rollup_place_keys(f.region_pcode, f.mantika_pcode, f.baladiya_pcode, f.service_office, f.project) d
   GROUP BY 1, 2, 3, 4, 5, 6;
END
$$;
