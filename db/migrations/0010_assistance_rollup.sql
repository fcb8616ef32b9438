CREATE TYPE "public"."assistance_type" AS ENUM('vhr_departure', 'reintegration_support', 'nfi_kit', 'mhpss_session', 'cp_service', 'atd_placement', 'mrrm_outreach', 'disembarkation_assistance', 'cs_participation');--> statement-breakpoint
CREATE TYPE "public"."counting_rule" AS ENUM('distinct_people');--> statement-breakpoint
CREATE TYPE "public"."detention_filter" AS ENUM('any', 'detained', 'community');--> statement-breakpoint
CREATE TABLE "assistance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"assistance_type" "assistance_type" NOT NULL,
	"programme_code" varchar(12) NOT NULL,
	"service_date" date NOT NULL,
	"baladiya_pcode" varchar(8) NOT NULL,
	"office_code" varchar(3) NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"donor_project_id" uuid,
	"provided_by" uuid NOT NULL,
	"referral_id" uuid,
	"population_type" "population_type" NOT NULL,
	"detained_at_service" boolean NOT NULL,
	"age_at_service" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	"replaces_id" uuid,
	CONSTRAINT "assistance_records_quantity" CHECK ("assistance_records"."quantity" between 1 and 100000),
	CONSTRAINT "assistance_records_age" CHECK ("assistance_records"."age_at_service" between 0 and 130),
	CONSTRAINT "assistance_records_void_shape" CHECK (("assistance_records"."voided_at" is null and "assistance_records"."voided_by" is null and "assistance_records"."void_reason" is null) or ("assistance_records"."voided_at" is not null and "assistance_records"."voided_by" is not null and length("assistance_records"."void_reason") >= 10))
);
--> statement-breakpoint
CREATE TABLE "rollup_facts" (
	"indicator_code" varchar(40) NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"month" date NOT NULL,
	"first_date" date NOT NULL,
	"baladiya_pcode" varchar(8) NOT NULL,
	"mantika_pcode" varchar(6) NOT NULL,
	"region_pcode" varchar(4) NOT NULL,
	"office_code" varchar(3) NOT NULL,
	"donor_project_id" uuid,
	"sex" "sex" NOT NULL,
	"nationality" char(3) NOT NULL,
	"population_type" "population_type" NOT NULL,
	"age_at" integer NOT NULL,
	"detained" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_types" (
	"code" "assistance_type" PRIMARY KEY NOT NULL,
	"programme_code" varchar(12) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donor_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"donor" text NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_assistance_types" (
	"indicator_code" varchar(40) NOT NULL,
	"assistance_type" "assistance_type" NOT NULL,
	CONSTRAINT "indicator_assistance_types_indicator_code_assistance_type_pk" PRIMARY KEY("indicator_code","assistance_type")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"indicator_code" varchar(40) NOT NULL,
	"period_id" uuid NOT NULL,
	"target" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_indicator_code_period_id_pk" PRIMARY KEY("indicator_code","period_id"),
	CONSTRAINT "indicator_targets_non_negative" CHECK ("indicator_targets"."target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"programme_code" varchar(12) NOT NULL,
	"label" text NOT NULL,
	"population_types" "population_type"[] DEFAULT '{}' NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"detention" "detention_filter" DEFAULT 'any' NOT NULL,
	"counting_rule" "counting_rule" DEFAULT 'distinct_people' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicators_code_shape" CHECK ("indicators"."code" ~ '^[a-z][a-z0-9_]{1,39}$'),
	CONSTRAINT "indicators_age_band" CHECK (("indicators"."age_min" is null or "indicators"."age_min" >= 0) and ("indicators"."age_max" is null or "indicators"."age_max" >= 0) and ("indicators"."age_min" is null or "indicators"."age_max" is null or "indicators"."age_min" <= "indicators"."age_max"))
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"funding_usd" bigint DEFAULT 0 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(32) NOT NULL,
	"label" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_order" CHECK ("reporting_periods"."start_date" <= "reporting_periods"."end_date")
);
--> statement-breakpoint
CREATE TABLE "rollup_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"suppression_threshold" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_settings_single_row" CHECK ("rollup_settings"."id" = 1),
	CONSTRAINT "rollup_settings_threshold" CHECK ("rollup_settings"."suppression_threshold" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_baladiya_pcode_baladiyas_pcode_fk" FOREIGN KEY ("baladiya_pcode") REFERENCES "public"."baladiyas"("pcode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_donor_project_id_donor_projects_id_fk" FOREIGN KEY ("donor_project_id") REFERENCES "public"."donor_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_provided_by_users_id_fk" FOREIGN KEY ("provided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_types" ADD CONSTRAINT "assistance_types_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_assistance_types" ADD CONSTRAINT "indicator_assistance_types_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_assistance_types" ADD CONSTRAINT "indicator_assistance_types_assistance_type_assistance_types_code_fk" FOREIGN KEY ("assistance_type") REFERENCES "public"."assistance_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_records_beneficiary_idx" ON "assistance_records" USING btree ("beneficiary_id","service_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assistance_records_service_date_idx" ON "assistance_records" USING btree ("service_date") WHERE "assistance_records"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "assistance_records_referral_idx" ON "assistance_records" USING btree ("referral_id") WHERE "assistance_records"."referral_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "assistance_records_replaces_key" ON "assistance_records" USING btree ("replaces_id") WHERE "assistance_records"."replaces_id" is not null;--> statement-breakpoint
CREATE INDEX "rollup_facts_indicator_month_idx" ON "rollup_facts" USING btree ("indicator_code","month");--> statement-breakpoint
CREATE INDEX "rollup_facts_mantika_month_idx" ON "rollup_facts" USING btree ("mantika_pcode","month");--> statement-breakpoint
CREATE INDEX "rollup_facts_office_month_idx" ON "rollup_facts" USING btree ("office_code","month");--> statement-breakpoint
CREATE INDEX "rollup_facts_beneficiary_idx" ON "rollup_facts" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE UNIQUE INDEX "donor_projects_code_key" ON "donor_projects" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_periods_code_key" ON "reporting_periods" USING btree ("code");