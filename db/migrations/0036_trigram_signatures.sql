DROP INDEX "beneficiaries_owner_name_idx";--> statement-breakpoint
DROP INDEX "beneficiaries_dup_idx";--> statement-breakpoint
-- Both columns in one statement: one rewrite of the table instead of two.
ALTER TABLE "beneficiaries" ADD COLUMN "name_signature" bigint GENERATED ALWAYS AS (name_trigram_signature(name_key)) STORED NOT NULL,
  ADD COLUMN "name_trigrams" smallint GENERATED ALWAYS AS (cardinality(public.show_trgm(name_key))::smallint) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "beneficiaries_owner_name_idx" ON "beneficiaries" USING btree ("owner_id","name_key","id","name_signature","name_trigrams");--> statement-breakpoint
CREATE INDEX "beneficiaries_dup_idx" ON "beneficiaries" USING btree ("nationality","sex","date_of_birth","name_key","id","name_signature","name_trigrams");