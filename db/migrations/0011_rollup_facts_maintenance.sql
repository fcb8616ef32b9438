-- Age in whole years on a date, exactly as lib/domain/age.ts computes it: someone born on
-- 29 February has their birthday on 28 February in common years.
CREATE FUNCTION sanad_age_at(dob date, on_date date) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  select (extract(year from on_date)::int - extract(year from dob)::int)
    - case when (extract(month from on_date)::int, extract(day from on_date)::int)
              < (extract(month from dob)::int,
                 case when extract(month from dob)::int = 2 and extract(day from dob)::int = 29
                        and not (extract(year from on_date)::int % 4 = 0
                                 and (extract(year from on_date)::int % 100 <> 0 or extract(year from on_date)::int % 400 = 0))
                      then 28 else extract(day from dob)::int end)
           then 1 else 0 end
$$;
--> statement-breakpoint
-- Every service that counts for an indicator: not voided, of a type the indicator counts, and
-- eligible on its own date (population type and detention as recorded then, age on that date).
CREATE VIEW rollup_qualifying_services AS
SELECT i.code AS indicator_code,
       r.beneficiary_id,
       r.service_date,
       r.baladiya_pcode,
       m.pcode AS mantika_pcode,
       m.region_pcode,
       r.office_code,
       r.donor_project_id,
       b.sex,
       b.nationality,
       r.population_type,
       sanad_age_at(b.date_of_birth, r.service_date) AS age_at,
       r.detained_at_service AS detained
FROM assistance_records r
JOIN indicator_assistance_types it ON it.assistance_type = r.assistance_type
JOIN indicators i ON i.code = it.indicator_code
JOIN beneficiaries b ON b.id = r.beneficiary_id
JOIN baladiyas bl ON bl.pcode = r.baladiya_pcode
JOIN mantikas m ON m.pcode = bl.mantika_pcode
WHERE r.voided_at IS NULL
  AND (cardinality(i.population_types) = 0 OR r.population_type = ANY (i.population_types))
  AND (i.detention = 'any' OR (i.detention = 'detained') = r.detained_at_service)
  AND (i.age_min IS NULL OR sanad_age_at(b.date_of_birth, r.service_date) >= i.age_min)
  AND (i.age_max IS NULL OR sanad_age_at(b.date_of_birth, r.service_date) <= i.age_max);
--> statement-breakpoint
-- One fact per indicator, person, month, place, office and project: the first qualifying service of
-- the group; on a tie the detained service, then the first population type in enum order, wins.
CREATE FUNCTION rollup_insert_facts(ids uuid[], only_indicator text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO rollup_facts (indicator_code, beneficiary_id, month, first_date, baladiya_pcode, mantika_pcode,
                            region_pcode, office_code, donor_project_id, sex, nationality, population_type, age_at, detained)
  SELECT DISTINCT ON (q.indicator_code, q.beneficiary_id, date_trunc('month', q.service_date)::date,
                      q.baladiya_pcode, q.office_code, q.donor_project_id)
         q.indicator_code, q.beneficiary_id, date_trunc('month', q.service_date)::date, q.service_date,
         q.baladiya_pcode, q.mantika_pcode, q.region_pcode, q.office_code, q.donor_project_id,
         q.sex, q.nationality, q.population_type, q.age_at, q.detained
  FROM rollup_qualifying_services q
  WHERE (ids IS NULL OR q.beneficiary_id = ANY (ids))
    AND (only_indicator IS NULL OR q.indicator_code = only_indicator)
  ORDER BY q.indicator_code, q.beneficiary_id, date_trunc('month', q.service_date)::date,
           q.baladiya_pcode, q.office_code, q.donor_project_id,
           q.service_date, q.detained DESC, q.population_type
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_refresh_people(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM rollup_facts WHERE beneficiary_id = ANY (ids);
  PERFORM rollup_insert_facts(ids, NULL);
END
$$;
--> statement-breakpoint
-- After an indicator's definition changes (types, population, age band, detention).
CREATE FUNCTION rollup_refresh_indicator(code text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_facts WHERE indicator_code = code;
  PERFORM rollup_insert_facts(NULL, code);
END
$$;
--> statement-breakpoint
CREATE FUNCTION assistance_records_refresh_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_refresh_people(ARRAY(SELECT DISTINCT beneficiary_id FROM changed));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER assistance_records_facts_after_insert
  AFTER INSERT ON assistance_records REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION assistance_records_refresh_facts();
--> statement-breakpoint
CREATE TRIGGER assistance_records_facts_after_update
  AFTER UPDATE ON assistance_records REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION assistance_records_refresh_facts();
--> statement-breakpoint
-- A corrected date of birth, sex or nationality changes who the person was at each service.
CREATE FUNCTION beneficiaries_refresh_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_refresh_people(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.date_of_birth, n.sex, n.nationality) IS DISTINCT FROM (o.date_of_birth, o.sex, o.nationality)
  ));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER beneficiaries_facts_after_update
  AFTER UPDATE ON beneficiaries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION beneficiaries_refresh_facts();
--> statement-breakpoint
-- What was delivered stays as recorded: the only change allowed is voiding, once, with a reason.
CREATE FUNCTION assistance_records_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF tg_op = 'DELETE' THEN
    RAISE EXCEPTION 'assistance records are never deleted; void them with a reason';
  END IF;
  IF old.voided_at IS NOT NULL THEN
    RAISE EXCEPTION 'a voided assistance record cannot change';
  END IF;
  IF (to_jsonb(new) - 'voided_at' - 'voided_by' - 'void_reason')
     IS DISTINCT FROM (to_jsonb(old) - 'voided_at' - 'voided_by' - 'void_reason') THEN
    RAISE EXCEPTION 'assistance records are immutable; only voiding is allowed';
  END IF;
  RETURN new;
END
$$;
--> statement-breakpoint
CREATE TRIGGER assistance_records_immutable
  BEFORE UPDATE OR DELETE ON assistance_records
  FOR EACH ROW EXECUTE FUNCTION assistance_records_guard();
--> statement-breakpoint
CREATE INDEX rollup_facts_first_date_idx ON rollup_facts (indicator_code, first_date);
