DROP INDEX "beneficiaries_office_created_idx";--> statement-breakpoint
DROP INDEX "beneficiaries_owner_created_idx";--> statement-breakpoint
DROP INDEX "beneficiaries_dup_idx";--> statement-breakpoint
CREATE INDEX "beneficiaries_office_created_idx" ON "beneficiaries" USING btree ("office_code","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "beneficiaries_owner_created_idx" ON "beneficiaries" USING btree ("owner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "beneficiaries_dup_idx" ON "beneficiaries" USING btree ("nationality","sex","date_of_birth","name_key","id");