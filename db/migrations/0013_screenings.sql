CREATE TYPE "public"."screening_instrument" AS ENUM('vulnerability', 'counter_trafficking', 'fit_to_travel', 'k10', 'phq9', 'child_protection');--> statement-breakpoint
CREATE TYPE "public"."suggestion_service" AS ENUM('vhr', 'reintegration', 'mhpss', 'child_protection', 'bid', 'health', 'direct_assistance', 'atd', 'counter_trafficking', 'legal');--> statement-breakpoint
CREATE TYPE "public"."suggestion_status" AS ENUM('pending', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."suggestion_urgency" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TABLE "screening_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"service" "suggestion_service" NOT NULL,
	"urgency" "suggestion_urgency" NOT NULL,
	"reason_key" text NOT NULL,
	"status" "suggestion_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"dismiss_reason" text,
	CONSTRAINT "screening_suggestions_decision_shape" CHECK (("screening_suggestions"."status" = 'pending' and "screening_suggestions"."decided_by" is null and "screening_suggestions"."decided_at" is null and "screening_suggestions"."dismiss_reason" is null)
        or ("screening_suggestions"."status" = 'confirmed' and "screening_suggestions"."decided_by" is not null and "screening_suggestions"."decided_at" is not null and "screening_suggestions"."dismiss_reason" is null)
        or ("screening_suggestions"."status" = 'dismissed' and "screening_suggestions"."decided_by" is not null and "screening_suggestions"."decided_at" is not null and "screening_suggestions"."dismiss_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"instrument" "screening_instrument" NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"outcome_detail" jsonb NOT NULL,
	"sensitive_category" "sensitive_category",
	"screened_on" date NOT NULL,
	"valid_until" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screenings_version_positive" CHECK ("screenings"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "screening_suggestions" ADD CONSTRAINT "screening_suggestions_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_suggestions" ADD CONSTRAINT "screening_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_suggestions_service_key" ON "screening_suggestions" USING btree ("screening_id","service");--> statement-breakpoint
CREATE INDEX "screenings_beneficiary_idx" ON "screenings" USING btree ("beneficiary_id","screened_on" DESC NULLS LAST,"created_at" DESC NULLS LAST);