-- Recounting every cell person by person (rollup_contributions) is right but slow in bulk: the
-- bulk recount counts distinct people per cell directly, with the same rules, and room to sort in
-- memory (a rare, whole-table operation: the sorts fit in 256 MB at a million people). The
-- integration tests compare it with the per-person maintenance.
CREATE OR REPLACE FUNCTION rollup_rebuild_cells(only_start date, only_end date) RETURNS void
LANGUAGE plpgsql
SET work_mem = '256MB'
AS $$
BEGIN
  IF only_start IS NULL THEN
    DELETE FROM rollup_cells;
  ELSE
    DELETE FROM rollup_cells WHERE start_date = only_start AND end_date = only_end;
  END IF;
  INSERT INTO rollup_cells (start_date, end_date, office_code, dim, subject, key, n)
  WITH f AS MATERIALIZED (
    SELECT r.start_date, r.end_date, o.scope AS office_code, x.indicator_code::text AS indicator_code,
           i.programme_code::text AS programme_code, x.beneficiary_id, x.first_date, x.baladiya_pcode::text AS baladiya_pcode,
           x.mantika_pcode::text AS mantika_pcode, x.region_pcode::text AS region_pcode,
           x.office_code::text AS service_office, coalesce(x.donor_project_id::text, 'none') AS project,
           x.sex, x.nationality, x.population_type, x.age_at, x.detained
      FROM rollup_facts x
      JOIN indicators i ON i.code = x.indicator_code AND i.active
      JOIN rollup_cell_ranges r ON x.month BETWEEN r.start_date AND r.end_date
     CROSS JOIN LATERAL (VALUES (''::text), (x.office_code::text)) o(scope)
     WHERE only_start IS NULL OR (r.start_date = only_start AND r.end_date = only_end)
  ),
  firsts AS MATERIALIZED (
    SELECT DISTINCT ON (f.start_date, f.end_date, f.office_code, f.indicator_code, f.beneficiary_id) f.*
      FROM f
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
   CROSS JOIN LATERAL (VALUES
     ('indicator', ''),
     ('sexAge', s.sex::text || '|' || CASE WHEN s.age_at < 5 THEN '0-4' WHEN s.age_at < 12 THEN '5-11'
                                            WHEN s.age_at < 18 THEN '12-17' WHEN s.age_at < 60 THEN '18-59' ELSE '60+' END),
     ('population', s.population_type::text),
     ('nationality', s.nationality::text),
     ('detention', CASE WHEN s.detained THEN 'detained' ELSE 'community' END),
     ('month', to_char(date_trunc('month', s.first_date), 'YYYY-MM-DD'))
   ) d(dim, key)
   GROUP BY 1, 2, 3, 4, 5, 6
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, 'region', f.indicator_code, f.region_pcode, count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3, 5, 6
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, 'mantika', f.indicator_code, f.mantika_pcode, count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3, 5, 6
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, 'baladiya', f.indicator_code, f.baladiya_pcode, count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3, 5, 6
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, 'office', f.indicator_code, f.service_office, count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3, 5, 6
  UNION ALL
  SELECT f.start_date, f.end_date, f.office_code, 'project', f.indicator_code, f.project, count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3, 5, 6;
END
$$;
