CREATE TYPE "public"."booking_status" AS ENUM('booked', 'departed', 'no_show', 'offloaded', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."departure_airport" AS ENUM('MJI', 'BEN', 'MRA', 'SEB');--> statement-breakpoint
CREATE TYPE "public"."movement_kind" AS ENUM('charter', 'commercial');--> statement-breakpoint
CREATE TYPE "public"."movement_status" AS ENUM('planned', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."offload_reason" AS ENUM('fit_to_travel', 'travel_document', 'airline_refused', 'immigration_refused', 'withdrew_at_airport', 'security', 'other');--> statement-breakpoint
CREATE TYPE "public"."travel_document_type" AS ENUM('passport', 'laissez_passer', 'emergency_travel_document', 'consular_certificate');--> statement-breakpoint
CREATE TYPE "public"."vhr_event" AS ENUM('request', 'record_counselling', 'verify_nationality', 'record_interview', 'issue_travel_document', 'book', 'cancel_booking', 'depart', 'no_show', 'offload', 'confirm_arrival', 'hand_off', 'withdraw');--> statement-breakpoint
CREATE TYPE "public"."vhr_stage" AS ENUM('requested', 'counselled', 'nationality_verified', 'interviewed', 'documented', 'booked', 'departed', 'arrived', 'handed_off', 'withdrawn');--> statement-breakpoint
CREATE TABLE "movement_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid NOT NULL,
	"vhr_case_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"status" "booking_status" DEFAULT 'booked' NOT NULL,
	"offload_reason" "offload_reason",
	"kit_assistance_id" uuid,
	"departure_assistance_id" uuid,
	"booked_by" uuid NOT NULL,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "movement_bookings_outcome_shape" CHECK (("movement_bookings"."status" = 'departed') = ("movement_bookings"."departure_assistance_id" is not null)
        and ("movement_bookings"."status" = 'offloaded') = ("movement_bookings"."offload_reason" is not null)
        and ("movement_bookings"."status" = 'booked') = ("movement_bookings"."resolved_at" is null)
        and ("movement_bookings"."resolved_at" is null) = ("movement_bookings"."resolved_by" is null))
);
--> statement-breakpoint
CREATE TABLE "movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" varchar(40) NOT NULL,
	"kind" "movement_kind" NOT NULL,
	"departs_at" timestamp with time zone NOT NULL,
	"departure_date" date NOT NULL,
	"departure_airport" "departure_airport" NOT NULL,
	"destination_country" char(3) NOT NULL,
	"destination_airport" text NOT NULL,
	"capacity" integer NOT NULL,
	"medical_escorts" integer DEFAULT 0 NOT NULL,
	"operational_escorts" integer DEFAULT 0 NOT NULL,
	"office_code" varchar(3) NOT NULL,
	"status" "movement_status" DEFAULT 'planned' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "movements_capacity" CHECK ("movements"."capacity" between 1 and 500),
	CONSTRAINT "movements_escorts" CHECK ("movements"."medical_escorts" >= 0 and "movements"."operational_escorts" >= 0),
	CONSTRAINT "movements_closed_shape" CHECK (("movements"."status" = 'planned') = ("movements"."closed_at" is null) and ("movements"."closed_at" is null) = ("movements"."closed_by" is null))
);
--> statement-breakpoint
CREATE TABLE "vhr_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"stage" "vhr_stage" DEFAULT 'requested' NOT NULL,
	"destination_country" char(3) NOT NULL,
	"informed_consent" boolean NOT NULL,
	"declared_on" date NOT NULL,
	"language" text NOT NULL,
	"interpreter" text,
	"counselled_on" date,
	"nationality_verified_on" date,
	"interviewed_on" date,
	"travel_document_type" "travel_document_type",
	"travel_document_number" text,
	"travel_document_issued_on" date,
	"travel_document_expiry" date,
	"arrived_on" date,
	"handoff_referral_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "vhr_cases_document_shape" CHECK (("vhr_cases"."travel_document_type" is null) = ("vhr_cases"."travel_document_number" is null)
        and ("vhr_cases"."travel_document_type" is null) = ("vhr_cases"."travel_document_expiry" is null)
        and ("vhr_cases"."travel_document_type" is null) = ("vhr_cases"."travel_document_issued_on" is null)),
	CONSTRAINT "vhr_cases_withdrawal_shape" CHECK (("vhr_cases"."stage" = 'withdrawn') = ("vhr_cases"."withdrawn_at" is not null) and ("vhr_cases"."withdrawn_at" is null) = ("vhr_cases"."withdrawal_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "vhr_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vhr_case_id" uuid NOT NULL,
	"event" "vhr_event" NOT NULL,
	"from_stage" "vhr_stage",
	"to_stage" "vhr_stage" NOT NULL,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"movement_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vhr_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"fit_to_travel_window_hours" integer DEFAULT 72 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "vhr_settings_single_row" CHECK ("vhr_settings"."id"),
	CONSTRAINT "vhr_settings_window" CHECK ("vhr_settings"."fit_to_travel_window_hours" between 1 and 240)
);
--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_vhr_case_id_vhr_cases_id_fk" FOREIGN KEY ("vhr_case_id") REFERENCES "public"."vhr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_kit_assistance_id_assistance_records_id_fk" FOREIGN KEY ("kit_assistance_id") REFERENCES "public"."assistance_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_departure_assistance_id_assistance_records_id_fk" FOREIGN KEY ("departure_assistance_id") REFERENCES "public"."assistance_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_bookings" ADD CONSTRAINT "movement_bookings_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_destination_country_countries_code_fk" FOREIGN KEY ("destination_country") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_cases" ADD CONSTRAINT "vhr_cases_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_cases" ADD CONSTRAINT "vhr_cases_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_cases" ADD CONSTRAINT "vhr_cases_destination_country_countries_code_fk" FOREIGN KEY ("destination_country") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_cases" ADD CONSTRAINT "vhr_cases_handoff_referral_id_referrals_id_fk" FOREIGN KEY ("handoff_referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_cases" ADD CONSTRAINT "vhr_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_events" ADD CONSTRAINT "vhr_events_vhr_case_id_vhr_cases_id_fk" FOREIGN KEY ("vhr_case_id") REFERENCES "public"."vhr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_events" ADD CONSTRAINT "vhr_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vhr_settings" ADD CONSTRAINT "vhr_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "movement_bookings_movement_idx" ON "movement_bookings" USING btree ("movement_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "movement_bookings_live_key" ON "movement_bookings" USING btree ("vhr_case_id") WHERE "movement_bookings"."status" = 'booked';--> statement-breakpoint
CREATE UNIQUE INDEX "movement_bookings_departed_key" ON "movement_bookings" USING btree ("vhr_case_id") WHERE "movement_bookings"."status" = 'departed';--> statement-breakpoint
CREATE UNIQUE INDEX "movement_bookings_departure_assistance_key" ON "movement_bookings" USING btree ("departure_assistance_id") WHERE "movement_bookings"."departure_assistance_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "movements_reference_key" ON "movements" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "movements_departure_idx" ON "movements" USING btree ("status","departs_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vhr_cases_referral_key" ON "vhr_cases" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vhr_cases_active_key" ON "vhr_cases" USING btree ("beneficiary_id") WHERE "vhr_cases"."stage" not in ('withdrawn', 'arrived', 'handed_off');--> statement-breakpoint
CREATE INDEX "vhr_cases_stage_idx" ON "vhr_cases" USING btree ("stage","destination_country");--> statement-breakpoint
CREATE INDEX "vhr_events_case_idx" ON "vhr_events" USING btree ("vhr_case_id","at");