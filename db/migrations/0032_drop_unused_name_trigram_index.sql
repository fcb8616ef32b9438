-- No query uses this index: a name search reads beneficiaries_office_name_knn (GiST, nearest
-- first) and the duplicate check beneficiaries_dup_idx. Every person written cost it some ten GIN
-- entries.
DROP INDEX "beneficiaries_name_key_trgm";
