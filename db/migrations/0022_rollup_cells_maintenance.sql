-- Maintained distinct counts for the dashboard (see rollup_cells in db/schema/assistance.ts).
-- A person's contributions are the cells that count them: computed from their own facts only, so
-- counts stay exact when the triggers subtract a person's contributions before their facts change
-- and add them back after, in the same transaction as the change.
CREATE TYPE rollup_cell_delta AS (
  start_date date, end_date date, office_code text, dim text, subject text, key text, n integer
);
--> statement-breakpoint
-- The maintained ranges: every whole-month reporting period and every calendar year it touches.
CREATE FUNCTION rollup_sync_cell_ranges() RETURNS void
LANGUAGE sql AS $$
  INSERT INTO rollup_cell_ranges (start_date, end_date)
  SELECT p.start_date, p.end_date FROM reporting_periods p
   WHERE p.start_date = date_trunc('month', p.start_date)::date
     AND p.end_date = (date_trunc('month', p.end_date) + interval '1 month' - interval '1 day')::date
  UNION
  SELECT make_date(y, 1, 1), make_date(y, 12, 31)
    FROM reporting_periods p
   CROSS JOIN LATERAL generate_series(extract(year FROM p.start_date)::int, extract(year FROM p.end_date)::int) y
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
-- One row per person and cell that counts them, with the same rules as the live roll-up
-- (lib/dal/rollup/rollup-sql.ts): distinct people per indicator, programme and mission over active
-- indicators; the breakdowns by who the person was use their first qualifying service in the view
-- (ties: the detained service, then population order); places, offices and projects count a person
-- once under each key they were served in.
CREATE FUNCTION rollup_contributions(ids uuid[], only_start date, only_end date)
RETURNS TABLE (start_date date, end_date date, office_code text, dim text, subject text, key text, beneficiary_id uuid)
LANGUAGE sql STABLE AS $$
  WITH f AS MATERIALIZED (
    SELECT r.start_date, r.end_date, o.scope AS office_code, x.indicator_code::text AS indicator_code,
           i.programme_code::text AS programme_code, x.beneficiary_id, x.first_date, x.baladiya_pcode::text AS baladiya_pcode,
           x.mantika_pcode::text AS mantika_pcode, x.region_pcode::text AS region_pcode,
           x.office_code::text AS service_office, x.donor_project_id, x.sex, x.nationality, x.population_type,
           x.age_at, x.detained
      FROM rollup_facts x
      JOIN indicators i ON i.code = x.indicator_code AND i.active
      JOIN rollup_cell_ranges r ON x.month BETWEEN r.start_date AND r.end_date
     CROSS JOIN LATERAL (VALUES (''::text), (x.office_code::text)) o(scope)
     WHERE (ids IS NULL OR x.beneficiary_id = ANY (ids))
       AND (only_start IS NULL OR (r.start_date = only_start AND r.end_date = only_end))
  ),
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
   CROSS JOIN LATERAL (VALUES
     ('indicator', ''),
     ('sexAge', s.sex::text || '|' || CASE WHEN s.age_at < 5 THEN '0-4' WHEN s.age_at < 12 THEN '5-11'
                                            WHEN s.age_at < 18 THEN '12-17' WHEN s.age_at < 60 THEN '18-59' ELSE '60+' END),
     ('population', s.population_type::text),
     ('nationality', s.nationality::text),
     ('detention', CASE WHEN s.detained THEN 'detained' ELSE 'community' END),
     ('month', to_char(date_trunc('month', s.first_date), 'YYYY-MM-DD'))
   ) d(dim, key)
  UNION ALL
  SELECT g.start_date, g.end_date, g.office_code, g.dim, g.indicator_code, g.key, g.beneficiary_id
    FROM (SELECT f.start_date, f.end_date, f.office_code, d.dim, f.indicator_code, d.key, f.beneficiary_id
            FROM f
           CROSS JOIN LATERAL (VALUES
             ('region', f.region_pcode),
             ('mantika', f.mantika_pcode),
             ('baladiya', f.baladiya_pcode),
             ('office', f.service_office),
             ('project', coalesce(f.donor_project_id::text, 'none'))
           ) d(dim, key)) g
   GROUP BY 1, 2, 3, 4, 5, 6, 7
$$;
--> statement-breakpoint
-- The given people's contributions, counted per cell, with a sign.
CREATE FUNCTION rollup_cell_deltas(ids uuid[], sign integer) RETURNS rollup_cell_delta[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(row(c.start_date, c.end_date, c.office_code, c.dim, c.subject, c.key, sign * c.n)::rollup_cell_delta), '{}')
    FROM (SELECT start_date, end_date, office_code, dim, subject, key, count(*)::int AS n
            FROM rollup_contributions(ids, NULL, NULL) GROUP BY 1, 2, 3, 4, 5, 6) c
$$;
--> statement-breakpoint
-- One upsert in key order (so concurrent writers take the cells' row locks in the same order), then
-- the cells that fell to zero are removed.
CREATE FUNCTION rollup_apply_cell_deltas(deltas rollup_cell_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(deltas) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO rollup_cells AS c (start_date, end_date, office_code, dim, subject, key, n)
  SELECT d.start_date, d.end_date, d.office_code, d.dim, d.subject, d.key, sum(d.n)::int
    FROM unnest(deltas) d
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d.n) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (start_date, end_date, office_code, dim, subject, key) DO UPDATE SET n = c.n + excluded.n;
  DELETE FROM rollup_cells c
   USING (SELECT DISTINCT start_date, end_date, office_code, dim, subject, key FROM unnest(deltas)) d
   WHERE c.n = 0 AND (c.start_date, c.end_date, c.office_code, c.dim, c.subject, c.key)
       = (d.start_date, d.end_date, d.office_code, d.dim, d.subject, d.key);
  IF EXISTS (SELECT 1 FROM rollup_cells c
               JOIN (SELECT DISTINCT start_date, end_date, office_code, dim, subject, key FROM unnest(deltas)) d
                 ON (c.start_date, c.end_date, c.office_code, c.dim, c.subject, c.key)
                  = (d.start_date, d.end_date, d.office_code, d.dim, d.subject, d.key)
              WHERE c.n < 0) THEN
    RAISE EXCEPTION 'rollup_cells went negative: the maintained counts are inconsistent';
  END IF;
END
$$;
--> statement-breakpoint
-- Recounts every maintained cell (or one range's) from the facts in one pass.
CREATE FUNCTION rollup_rebuild_cells(only_start date, only_end date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF only_start IS NULL THEN
    DELETE FROM rollup_cells;
  ELSE
    DELETE FROM rollup_cells WHERE start_date = only_start AND end_date = only_end;
  END IF;
  INSERT INTO rollup_cells (start_date, end_date, office_code, dim, subject, key, n)
  SELECT start_date, end_date, office_code, dim, subject, key, count(*)::int
    FROM rollup_contributions(NULL, only_start, only_end)
   GROUP BY 1, 2, 3, 4, 5, 6;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_refresh_people(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  removed rollup_cell_delta[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  removed := rollup_cell_deltas(ids, -1);
  DELETE FROM rollup_facts WHERE beneficiary_id = ANY (ids);
  PERFORM rollup_insert_facts(ids, NULL);
  PERFORM rollup_apply_cell_deltas(removed || rollup_cell_deltas(ids, 1));
END
$$;
--> statement-breakpoint
-- A definition change can move people between programmes or in and out of the active set, which a
-- per-person difference computed after the change cannot see: recount every cell.
CREATE OR REPLACE FUNCTION rollup_refresh_indicator(code text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_facts WHERE indicator_code = code;
  PERFORM rollup_insert_facts(NULL, code);
  PERFORM rollup_rebuild_cells(NULL, NULL);
END
$$;
--> statement-breakpoint
-- A new reporting period brings its range (and its calendar years) into the maintained set.
CREATE FUNCTION reporting_periods_cells() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    INSERT INTO rollup_cell_ranges (start_date, end_date)
    SELECT p.start_date, p.end_date FROM new_rows p
     WHERE p.start_date = date_trunc('month', p.start_date)::date
       AND p.end_date = (date_trunc('month', p.end_date) + interval '1 month' - interval '1 day')::date
    UNION
    SELECT make_date(y, 1, 1), make_date(y, 12, 31)
      FROM new_rows p
     CROSS JOIN LATERAL generate_series(extract(year FROM p.start_date)::int, extract(year FROM p.end_date)::int) y
    ON CONFLICT DO NOTHING
    RETURNING start_date, end_date
  LOOP
    PERFORM rollup_rebuild_cells(r.start_date, r.end_date);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reporting_periods_cells_after_insert
  AFTER INSERT ON reporting_periods REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_periods_cells();
--> statement-breakpoint
SELECT rollup_sync_cell_ranges();
--> statement-breakpoint
SELECT rollup_rebuild_cells(NULL, NULL);
