CREATE TYPE "public"."referral_recipient_kind" AS ENUM('internal', 'external');--> statement-breakpoint
CREATE TYPE "public"."referral_event" AS ENUM('submit', 'approve', 'return', 'send', 'accept', 'decline', 'expire', 'complete', 'not_complete', 'withdraw', 'withdraw_consent', 'close');--> statement-breakpoint
CREATE TYPE "public"."referral_service" AS ENUM('vhr', 'reintegration', 'mhpss', 'child_protection', 'bid', 'health', 'direct_assistance', 'atd', 'counter_trafficking', 'legal');--> statement-breakpoint
CREATE TYPE "public"."referral_state" AS ENUM('draft', 'submitted', 'approved', 'returned', 'sent', 'accepted', 'declined', 'expired', 'completed', 'not_completed', 'withdrawn', 'closed');--> statement-breakpoint
CREATE TYPE "public"."referral_urgency" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TABLE "partner_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_organisations_code_shape" CHECK ("partner_organisations"."code" ~ '^[A-Za-z0-9_-]{2,16}$')
);
--> statement-breakpoint
CREATE TABLE "partner_services" (
	"organisation_id" uuid NOT NULL,
	"service" "referral_service" NOT NULL,
	CONSTRAINT "partner_services_organisation_id_service_pk" PRIMARY KEY("organisation_id","service")
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"event" "referral_event",
	"from_state" "referral_state",
	"to_state" "referral_state" NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "referral_services" (
	"service" "referral_service" PRIMARY KEY NOT NULL,
	"internal_unit" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"high_hours" integer DEFAULT 24 NOT NULL,
	"medium_hours" integer DEFAULT 72 NOT NULL,
	"low_hours" integer DEFAULT 168 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_settings_single_row" CHECK ("referral_settings"."id" = 1),
	CONSTRAINT "referral_settings_hours" CHECK ("referral_settings"."high_hours" between 1 and 2160 and "referral_settings"."medium_hours" between 1 and 2160 and "referral_settings"."low_hours" between 1 and 2160)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"service" "referral_service" NOT NULL,
	"recipient_kind" "referral_recipient_kind" NOT NULL,
	"organisation_id" uuid,
	"urgency" "referral_urgency" NOT NULL,
	"reason" text NOT NULL,
	"share_phone" boolean DEFAULT false NOT NULL,
	"state" "referral_state" DEFAULT 'draft' NOT NULL,
	"due_at" timestamp with time zone,
	"source_screening_id" uuid,
	"consent_override_reason" text,
	"consent_override_by" uuid,
	"consent_override_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "referrals_recipient_shape" CHECK (("referrals"."recipient_kind" = 'internal' and "referrals"."organisation_id" is null) or ("referrals"."recipient_kind" = 'external' and "referrals"."organisation_id" is not null)),
	CONSTRAINT "referrals_override_shape" CHECK (("referrals"."consent_override_reason" is null) = ("referrals"."consent_override_by" is null) and ("referrals"."consent_override_by" is null) = ("referrals"."consent_override_at" is null))
);
--> statement-breakpoint
CREATE TABLE "user_services" (
	"user_id" uuid NOT NULL,
	"service" "referral_service" NOT NULL,
	CONSTRAINT "user_services_user_id_service_pk" PRIMARY KEY("user_id","service")
);
--> statement-breakpoint
ALTER TABLE "partner_services" ADD CONSTRAINT "partner_services_organisation_id_partner_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_settings" ADD CONSTRAINT "referral_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_partner_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consent_override_by_users_id_fk" FOREIGN KEY ("consent_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_services" ADD CONSTRAINT "user_services_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_organisations_code_key" ON "partner_organisations" USING btree (upper("code"));--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_beneficiary_idx" ON "referrals" USING btree ("beneficiary_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_state_due_idx" ON "referrals" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "referrals_service_state_idx" ON "referrals" USING btree ("service","state");--> statement-breakpoint
CREATE INDEX "user_services_service_idx" ON "user_services" USING btree ("service");