-- A name key's trigrams, as pg_trgm's similarity() compares them (show_trgm), folded into 64 bits:
-- each trigram sets the bit its hashtext() picks. The value is stored (a generated column), so the
-- hash must not change under it: hashtext is hash_any, which hash indexes and hash partitions also
-- keep across pg_upgrade, and a dump and restore computes generated columns afresh. (md5 cost four
-- times as much: 2.4 s more a 100,000-row import.) The duplicate check compares signatures before
-- it scores names (lib/dal/beneficiaries/name-signature.ts). show_trgm is qualified: a restore runs
-- with an empty search_path, and the function computes a generated column.
CREATE FUNCTION name_trigram_signature(name_key text) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  trigram text;
  signature bigint := 0;
BEGIN
  FOREACH trigram IN ARRAY public.show_trgm(name_key) LOOP
    signature := signature | (1::bigint << (hashtext(trigram) & 63));
  END LOOP;
  RETURN signature;
END $$;
