-- The dashboard for one mantika (all offices) is read from maintained cells, like the whole
-- mission's and one office's: every fact also counts in the cells of its place's mantika. The
-- cells' office_code becomes scope: '' (all offices and places), an office code or a mantika
-- P-code. The two kinds of code cannot meet: offices have three capital letters, mantikas LY and
-- four digits, which the reference tables now check.
ALTER TABLE "offices" ADD CONSTRAINT "offices_code_shape" CHECK ("offices"."code" ~ '^[A-Z]{3}$');
--> statement-breakpoint
ALTER TABLE "mantikas" ADD CONSTRAINT "mantikas_pcode_shape" CHECK ("mantikas"."pcode" ~ '^LY[0-9]{4}$');
--> statement-breakpoint
ALTER TABLE "rollup_cells" RENAME COLUMN "office_code" TO "scope";
--> statement-breakpoint
ALTER TABLE "rollup_cells" ALTER COLUMN "scope" SET DATA TYPE varchar(6);
--> statement-breakpoint
ALTER TABLE "rollup_cells" RENAME CONSTRAINT "rollup_cells_start_date_end_date_office_code_dim_subject_key_pk"
  TO "rollup_cells_start_date_end_date_scope_dim_subject_key_pk";
--> statement-breakpoint
ALTER TYPE rollup_cell_delta RENAME ATTRIBUTE office_code TO scope;
--> statement-breakpoint
-- Their result columns are renamed, which CREATE OR REPLACE cannot do.
DROP FUNCTION rollup_contributions(uuid[], date, date);
--> statement-breakpoint
DROP FUNCTION rollup_scoped_facts(uuid[], date, date, text);
--> statement-breakpoint
-- Every fact of an active indicator in every maintained range that holds its month, once for all
-- offices (''), once for its own office and once for its mantika. ids, a range and an indicator
-- narrow it when given. An office and a mantika together (a supervisor filtering by mantika) are
-- not a scope: that view is counted live from the facts (lib/dal/rollup/rollup-sql.ts).
CREATE FUNCTION rollup_scoped_facts(ids uuid[], only_start date, only_end date, only_indicator text)
RETURNS TABLE (
  start_date date, end_date date, scope text, indicator_code text, programme_code text,
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
   CROSS JOIN LATERAL (VALUES (''::text), (x.office_code::text), (x.mantika_pcode::text)) o(scope)
   WHERE (ids IS NULL OR x.beneficiary_id = ANY (ids))
     AND (only_start IS NULL OR (r.start_date = only_start AND r.end_date = only_end))
     AND (only_indicator IS NULL OR x.indicator_code = only_indicator)
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_contributions(ids uuid[], only_start date, only_end date)
RETURNS TABLE (start_date date, end_date date, scope text, dim text, subject text, key text, beneficiary_id uuid)
LANGUAGE sql STABLE AS $$
  WITH f AS MATERIALIZED (SELECT * FROM rollup_scoped_facts(ids, only_start, only_end, NULL)),
  firsts AS MATERIALIZED (
    SELECT DISTINCT ON (f.start_date, f.end_date, f.scope, f.indicator_code, f.beneficiary_id) f.*
      FROM f
     ORDER BY f.start_date, f.end_date, f.scope, f.indicator_code, f.beneficiary_id,
              f.first_date, f.detained DESC, f.population_type
  )
  SELECT f.start_date, f.end_date, f.scope, 'mission', '', '', f.beneficiary_id FROM f GROUP BY 1, 2, 3, 7
  UNION ALL
  SELECT f.start_date, f.end_date, f.scope, 'programme', f.programme_code, '', f.beneficiary_id FROM f GROUP BY 1, 2, 3, 5, 7
  UNION ALL
  SELECT s.start_date, s.end_date, s.scope, d.dim, s.indicator_code, d.key, s.beneficiary_id
    FROM firsts s
   CROSS JOIN LATERAL rollup_person_keys(s.sex, s.age_at, s.population_type, s.nationality, s.detained, s.first_date) d
  UNION ALL
  SELECT f.start_date, f.end_date, f.scope, d.dim, f.indicator_code, d.key, f.beneficiary_id
    FROM f
   CROSS JOIN LATERAL rollup_place_keys(f.region_pcode, f.mantika_pcode, f.baladiya_pcode, f.service_office, f.project) d
   GROUP BY 1, 2, 3, 4, 5, 6, 7
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_cell_deltas(ids uuid[], sign integer) RETURNS rollup_cell_delta[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(row(c.start_date, c.end_date, c.scope, c.dim, c.subject, c.key, sign * c.n)::rollup_cell_delta), '{}')
    FROM (SELECT start_date, end_date, scope, dim, subject, key, count(*)::int AS n
            FROM rollup_contributions(ids, NULL, NULL) GROUP BY 1, 2, 3, 4, 5, 6) c
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_apply_cell_deltas(deltas rollup_cell_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(deltas) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO rollup_cells AS c (start_date, end_date, scope, dim, subject, key, n)
  SELECT d.start_date, d.end_date, d.scope, d.dim, d.subject, d.key, sum(d.n)::int
    FROM unnest(deltas) d
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d.n) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (start_date, end_date, scope, dim, subject, key) DO UPDATE SET n = c.n + excluded.n;
  DELETE FROM rollup_cells c
   USING (SELECT DISTINCT start_date, end_date, scope, dim, subject, key FROM unnest(deltas)) d
   WHERE c.n = 0 AND (c.start_date, c.end_date, c.scope, c.dim, c.subject, c.key)
       = (d.start_date, d.end_date, d.scope, d.dim, d.subject, d.key);
  IF EXISTS (SELECT 1 FROM rollup_cells c
               JOIN (SELECT DISTINCT start_date, end_date, scope, dim, subject, key FROM unnest(deltas)) d
                 ON (c.start_date, c.end_date, c.scope, c.dim, c.subject, c.key)
                  = (d.start_date, d.end_date, d.scope, d.dim, d.subject, d.key)
              WHERE c.n < 0) THEN
    RAISE EXCEPTION 'rollup_cells went negative: the maintained counts are inconsistent';
  END IF;
END
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
  INSERT INTO rollup_cells (start_date, end_date, scope, dim, subject, key, n)
  WITH f AS MATERIALIZED (SELECT * FROM rollup_scoped_facts(NULL, only_start, only_end, NULL)),
  mine AS MATERIALIZED (
    SELECT * FROM f WHERE only_indicator IS NULL OR f.indicator_code = only_indicator
  ),
  firsts AS MATERIALIZED (
    SELECT DISTINCT ON (f.start_date, f.end_date, f.scope, f.indicator_code, f.beneficiary_id) f.*
      FROM mine f
     ORDER BY f.start_date, f.end_date, f.scope, f.indicator_code, f.beneficiary_id,
              f.first_date, f.detained DESC, f.population_type
  )
  SELECT f.start_date, f.end_date, f.scope, 'mission', '', '', count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3
  UNION ALL
  SELECT f.start_date, f.end_date, f.scope, 'programme', f.programme_code, '', count(DISTINCT f.beneficiary_id)::int
    FROM f GROUP BY 1, 2, 3, 5
  UNION ALL
  SELECT s.start_date, s.end_date, s.scope, d.dim, s.indicator_code, d.key, count(*)::int
    FROM firsts s
   CROSS JOIN LATERAL rollup_person_keys(s.sex, s.age_at, s.population_type, s.nationality, s.detained, s.first_date) d
   GROUP BY 1, 2, 3, 4, 5, 6
  UNION ALL
  SELECT f.start_date, f.end_date, f.scope, d.dim, f.indicator_code, d.key, count(DISTINCT f.beneficiary_id)::int
    FROM mine f
   CROSS JOIN LATERAL rollup_place_keys(f.region_pcode, f.mantika_pcode, f.baladiya_pcode, f.service_office, f.project) d
   GROUP BY 1, 2, 3, 4, 5, 6;
END
$$;
--> statement-breakpoint
-- The mantikas' cells, and every other one, recounted from the facts.
SELECT rollup_rebuild_cells(NULL, NULL);
