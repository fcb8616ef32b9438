CREATE TYPE "public"."case_status" AS ENUM('open', 'active', 'closure_requested', 'closed');--> statement-breakpoint
CREATE TYPE "public"."consent_giver" AS ENUM('self', 'parent', 'guardian', 'caregiver');--> statement-breakpoint
CREATE TYPE "public"."consent_purpose" AS ENUM('services', 'sharing', 'tracing', 'reporting');--> statement-breakpoint
CREATE TYPE "public"."population_type" AS ENUM('migrant', 'refugee', 'idp', 'returnee', 'host');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."uasc_status" AS ENUM('unaccompanied', 'separated', 'accompanied');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'caseworker', 'supervisor', 'bid_panel', 'programme_manager');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"ip" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" varchar(13) NOT NULL,
	"family_name" text NOT NULL,
	"given_names" text NOT NULL,
	"name_ar" text,
	"name_key" text NOT NULL,
	"sex" "sex" NOT NULL,
	"date_of_birth" date NOT NULL,
	"dob_estimated" boolean DEFAULT false NOT NULL,
	"nationality" char(3) NOT NULL,
	"population_type" "population_type" NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone" text,
	"baladiya_pcode" varchar(8) NOT NULL,
	"detained" boolean DEFAULT false NOT NULL,
	"detention_centre" text,
	"detained_since" date,
	"uasc_status" "uasc_status",
	"vulnerabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"office_code" varchar(3) NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"duplicate_override_reason" text,
	"duplicate_candidates" text[],
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "beneficiaries_detention_shape" CHECK (("beneficiaries"."detained" and "beneficiaries"."detention_centre" is not null and "beneficiaries"."detained_since" is not null) or (not "beneficiaries"."detained" and "beneficiaries"."detention_centre" is null and "beneficiaries"."detained_since" is null))
);
--> statement-breakpoint
CREATE TABLE "case_assignments" (
	"beneficiary_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assignments_beneficiary_id_user_id_pk" PRIMARY KEY("beneficiary_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"granted" boolean NOT NULL,
	"given_by" "consent_giver",
	"given_on" date,
	"vital_interest_reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "consents_basis" CHECK (("consents"."granted" and "consents"."given_by" is not null and "consents"."given_on" is not null) or (not "consents"."granted"))
);
--> statement-breakpoint
CREATE TABLE "baladiyas" (
	"pcode" varchar(8) PRIMARY KEY NOT NULL,
	"mantika_pcode" varchar(6) NOT NULL,
	"name_en" text NOT NULL,
	"name_ar" text
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"alpha2" char(2)
);
--> statement-breakpoint
CREATE TABLE "mantikas" (
	"pcode" varchar(6) PRIMARY KEY NOT NULL,
	"region_pcode" varchar(4) NOT NULL,
	"name_en" text NOT NULL,
	"name_ar" text
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"code" varchar(3) PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_ar" text NOT NULL,
	"baladiya_pcode" varchar(8)
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"pcode" varchar(4) PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_ar" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"office_code" varchar(3) NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_shape" CHECK ("users"."email" ~ '^[^@\s]+@[^@\s]+$')
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_nationality_countries_code_fk" FOREIGN KEY ("nationality") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_baladiya_pcode_baladiyas_pcode_fk" FOREIGN KEY ("baladiya_pcode") REFERENCES "public"."baladiyas"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baladiyas" ADD CONSTRAINT "baladiyas_mantika_pcode_mantikas_pcode_fk" FOREIGN KEY ("mantika_pcode") REFERENCES "public"."mantikas"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mantikas" ADD CONSTRAINT "mantikas_region_pcode_regions_pcode_fk" FOREIGN KEY ("region_pcode") REFERENCES "public"."regions"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offices" ADD CONSTRAINT "offices_baladiya_pcode_baladiyas_pcode_fk" FOREIGN KEY ("baladiya_pcode") REFERENCES "public"."baladiyas"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiaries_case_number_key" ON "beneficiaries" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "beneficiaries_name_key_trgm" ON "beneficiaries" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "beneficiaries_office_created_idx" ON "beneficiaries" USING btree ("office_code","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "beneficiaries_owner_created_idx" ON "beneficiaries" USING btree ("owner_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "beneficiaries_dup_idx" ON "beneficiaries" USING btree ("nationality","sex","date_of_birth");--> statement-breakpoint
CREATE INDEX "beneficiaries_baladiya_idx" ON "beneficiaries" USING btree ("baladiya_pcode");--> statement-breakpoint
CREATE INDEX "case_assignments_user_idx" ON "case_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_current_key" ON "consents" USING btree ("beneficiary_id","purpose") WHERE "consents"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_office_role_idx" ON "users" USING btree ("office_code","role");