-- The duplicate check scores a name against people of one nationality, compatible sex and a
-- four-year birth window. At a million people that window holds thousands of people, every one
-- scored. This index finds the few worth scoring first: two names whose trigram sets have a
-- Jaccard similarity (pg_trgm's similarity) of at least 0.5 share at least half the trigrams of
-- each, so under any fixed order of trigrams the first |A| - ceil(|A|/2) + 1 trigrams of one and
-- the first |B| - ceil(|B|/2) + 1 of the other have one in common (prefix filtering). Each person
-- is indexed under those first trigrams only, each tagged with nationality, birth year and sex;
-- a check looks up its own first trigrams under every year and sex its window allows, then
-- scores only the people found.
--
-- The order puts the trigrams that most names share last (the 64 most frequent across the seed's
-- name lists, most frequent last), so a person is indexed under their rarer trigrams. The order
-- decides only how many people are scored, never which are found. A lower threshold than 0.5
-- (DUPLICATE_SIMILARITY) needs longer prefixes, which is a new function and a new index.
--
-- PL/pgSQL rather than SQL functions: the index computes the tokens of every person written (an
-- import writes 100,000 at a time), and as SQL functions with subqueries, which cannot be inlined,
-- they took about 100 microseconds a person; these take about 13, with the same results. Their
-- bodies are resolved when they run, and PostgreSQL 17 on runs ANALYZE, VACUUM and REINDEX with
-- search_path = pg_catalog, pg_temp: so they keep the search path of this migration, wherever
-- pg_trgm was installed.
CREATE FUNCTION duplicate_name_prefix(name_key text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
DECLARE
  grams text[] := show_trgm(name_key);
  n int := cardinality(grams);
BEGIN
  RETURN ARRAY(
    SELECT g FROM unnest(grams) AS g
    ORDER BY coalesce(1000 - array_position(ARRAY['  a', '  m', ' ab', '  k', '  h', ' as', 'mn ', '  s', 'md ', 'abd', 'hmd', ' mh', 'mhm', 'rhm', ' ms', ' ad', 'tr ', 'as ', ' hs', 'hsn', 'sn ', 'dl ', '  t', ' am', 'sd ', '  y', ' tr', 'hmn', 'mr ', ' kl', 'bdr', 'drh', ' mr', 'asm', 'smn', 'adr', 'drs', 'rs ', 'mrm', 'rm ', 'bdl', 'sf ', '  n', 'abk', 'bkr', 'kr ', '  f', 'hmt', 'mt ', 'lm ', ' km', '  d', 'nd ', ' sn', 'sng', ' ys', 'ysf', 'abr', 'brh', 'hm ', ' ft', 'ftm', 'tm ', ' sd']::text[], g), 0), g COLLATE "C"
    LIMIT n - ceil(n / 2.0)::int + 1
  );
END $$;
--> statement-breakpoint
CREATE FUNCTION duplicate_sex_code(sex sex) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE sex WHEN 'male' THEN 'm' WHEN 'female' THEN 'f' ELSE 'u' END;
--> statement-breakpoint
-- What a person is indexed under: 'NER:1995:m:hmd' for each of their first trigrams.
CREATE FUNCTION duplicate_tokens(nationality bpchar, sex sex, date_of_birth date, name_key text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
DECLARE
  tag text := concat_ws(':', nationality, extract(year FROM date_of_birth)::int, duplicate_sex_code(sex), '');
BEGIN
  RETURN ARRAY(SELECT tag || g FROM unnest(duplicate_name_prefix(name_key)) AS g);
END $$;
--> statement-breakpoint
-- What a check looks up: its first trigrams under every birth year and sex it accepts.
CREATE FUNCTION duplicate_query_tokens(nationality bpchar, sexes sex[], born_from date, born_to date, name_key text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
  SELECT coalesce(array_agg(concat_ws(':', nationality, y, duplicate_sex_code(s), g)), '{}')
  FROM unnest(duplicate_name_prefix(name_key)) AS g,
    generate_series(extract(year FROM born_from)::int, extract(year FROM born_to)::int) AS y,
    unnest(sexes) AS s
);
--> statement-breakpoint
CREATE INDEX beneficiaries_duplicate_tokens ON beneficiaries
  USING gin (duplicate_tokens(nationality, sex, date_of_birth, name_key));
