CREATE TYPE "public"."bia_status" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."bid_option" AS ENUM('reunification_origin', 'reunification_third_country', 'vhr_reintegration', 'care_host_family', 'care_safe_shelter', 'care_kinship_foster', 'resettlement_other_pathway');--> statement-breakpoint
CREATE TYPE "public"."bid_outcome" AS ENUM('approved', 'approved_with_conditions', 'deferred', 'not_approved');--> statement-breakpoint
CREATE TYPE "public"."bid_position" AS ENUM('approve', 'approve_with_conditions', 'defer', 'not_approve');--> statement-breakpoint
CREATE TYPE "public"."bid_reason" AS ENUM('return_vhr', 'family_reunification', 'long_term_care', 'resettlement', 'separation_against_will');--> statement-breakpoint
CREATE TYPE "public"."bid_review_reason" AS ENUM('new_information', 'changed_circumstances', 'cannot_implement', 'child_or_family_request');--> statement-breakpoint
CREATE TYPE "public"."bid_status" AS ENUM('required', 'drafting', 'submitted', 'returned', 'ready_for_panel', 'on_agenda', 'decided', 'implementation', 'review_requested');--> statement-breakpoint
CREATE TYPE "public"."panel_agency" AS ENUM('IOM', 'UNICEF', 'UNHCR', 'other');--> statement-breakpoint
CREATE TABLE "bias" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"status" "bia_status" DEFAULT 'draft' NOT NULL,
	"situation" text DEFAULT '' NOT NULL,
	"care_arrangement" text DEFAULT '' NOT NULL,
	"tracing_status" text DEFAULT '' NOT NULL,
	"child_views" text DEFAULT '' NOT NULL,
	"how_heard" text DEFAULT '' NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"immediate_needs" text DEFAULT '' NOT NULL,
	"author_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bid_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"outcome" "bid_outcome" NOT NULL,
	"chosen_option" "bid_option",
	"conditions" text,
	"rationale" text NOT NULL,
	"questions" text,
	"consensus" boolean NOT NULL,
	"present" jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_decisions_shape" CHECK (("bid_decisions"."outcome" in ('approved','approved_with_conditions') and "bid_decisions"."chosen_option" is not null) or "bid_decisions"."outcome" in ('deferred','not_approved')),
	CONSTRAINT "bid_decisions_conditions" CHECK ("bid_decisions"."outcome" <> 'approved_with_conditions' or "bid_decisions"."conditions" is not null)
);
--> statement-breakpoint
CREATE TABLE "bid_votes" (
	"session_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency" "panel_agency" NOT NULL,
	"position" "bid_position",
	"option" "bid_option",
	"reasons" text,
	"conflict_declared" boolean DEFAULT false NOT NULL,
	"conflict_reason" text,
	"decision_id" uuid,
	"dissent" boolean,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_votes_session_id_bid_id_user_id_pk" PRIMARY KEY("session_id","bid_id","user_id"),
	CONSTRAINT "bid_votes_shape" CHECK (("bid_votes"."conflict_declared" and "bid_votes"."position" is null and "bid_votes"."conflict_reason" is not null) or (not "bid_votes"."conflict_declared" and "bid_votes"."position" is not null and "bid_votes"."reasons" is not null))
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"bia_id" uuid NOT NULL,
	"status" "bid_status" DEFAULT 'required' NOT NULL,
	"reasons" "bid_reason"[] NOT NULL,
	"reason_note" text NOT NULL,
	"required_by" uuid NOT NULL,
	"required_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report" jsonb NOT NULL,
	"missing_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author_id" uuid,
	"submitted_at" timestamp with time zone,
	"return_reason" text,
	"panel_questions" text,
	"ready_for_panel_at" timestamp with time zone,
	"informed_on" date,
	"informed_how" text,
	"implementation_plan" text,
	"follow_up" text,
	"review_date" date,
	"review_reason" "bid_review_reason",
	"review_detail" text,
	"review_requested_by" uuid,
	"review_requested_at" timestamp with time zone,
	"review_resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bids_reasons_present" CHECK (cardinality("bids"."reasons") > 0)
);
--> statement-breakpoint
CREATE TABLE "emergency_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"action" text NOT NULL,
	"taken_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_agenda_items" (
	"session_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "panel_agenda_items_session_id_bid_id_pk" PRIMARY KEY("session_id","bid_id")
);
--> statement-breakpoint
CREATE TABLE "panel_config" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"quorum" integer DEFAULT 3 NOT NULL,
	"required_agencies" "panel_agency"[] DEFAULT '{}' NOT NULL,
	"access_days" integer DEFAULT 14 NOT NULL,
	"age_out_horizon_days" integer DEFAULT 90 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "panel_config_single" CHECK ("panel_config"."id" = 1),
	CONSTRAINT "panel_config_quorum" CHECK ("panel_config"."quorum" between 2 and 20),
	CONSTRAINT "panel_config_days" CHECK ("panel_config"."access_days" between 0 and 365 and "panel_config"."age_out_horizon_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "panel_invitations" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undertaking_accepted_at" timestamp with time zone,
	CONSTRAINT "panel_invitations_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"agency" "panel_agency" NOT NULL,
	"is_chair" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"session_date" date NOT NULL,
	"chair_id" uuid NOT NULL,
	"agenda_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bias" ADD CONSTRAINT "bias_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bias" ADD CONSTRAINT "bias_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bias" ADD CONSTRAINT "bias_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_decisions" ADD CONSTRAINT "bid_decisions_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_decisions" ADD CONSTRAINT "bid_decisions_session_id_panel_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."panel_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_decisions" ADD CONSTRAINT "bid_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_votes" ADD CONSTRAINT "bid_votes_session_id_panel_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."panel_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_votes" ADD CONSTRAINT "bid_votes_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_votes" ADD CONSTRAINT "bid_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_bia_id_bias_id_fk" FOREIGN KEY ("bia_id") REFERENCES "public"."bias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_required_by_users_id_fk" FOREIGN KEY ("required_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_review_requested_by_users_id_fk" FOREIGN KEY ("review_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_actions" ADD CONSTRAINT "emergency_actions_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_actions" ADD CONSTRAINT "emergency_actions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_agenda_items" ADD CONSTRAINT "panel_agenda_items_session_id_panel_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."panel_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_agenda_items" ADD CONSTRAINT "panel_agenda_items_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_config" ADD CONSTRAINT "panel_config_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_session_id_panel_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."panel_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_sessions" ADD CONSTRAINT "panel_sessions_chair_id_users_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bias_beneficiary_idx" ON "bias" USING btree ("beneficiary_id","created_at");--> statement-breakpoint
CREATE INDEX "bid_decisions_bid_idx" ON "bid_decisions" USING btree ("bid_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_decisions_session_bid_key" ON "bid_decisions" USING btree ("session_id","bid_id");--> statement-breakpoint
CREATE INDEX "bids_beneficiary_idx" ON "bids" USING btree ("beneficiary_id","created_at");--> statement-breakpoint
CREATE INDEX "bids_status_idx" ON "bids" USING btree ("status");--> statement-breakpoint
CREATE INDEX "emergency_actions_beneficiary_idx" ON "emergency_actions" USING btree ("beneficiary_id","taken_on");--> statement-breakpoint
CREATE INDEX "panel_agenda_bid_idx" ON "panel_agenda_items" USING btree ("bid_id");--> statement-breakpoint
CREATE INDEX "panel_invitations_user_idx" ON "panel_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "panel_sessions_date_idx" ON "panel_sessions" USING btree ("session_date");