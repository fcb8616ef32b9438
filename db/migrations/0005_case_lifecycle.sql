CREATE TYPE "public"."closure_decision" AS ENUM('approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."closure_reason" AS ENUM('returned_vhr', 'durable_solution', 'transferred', 'turned_18', 'lost_contact', 'deceased', 'no_longer_needs_services');--> statement-breakpoint
CREATE TYPE "public"."plan_action_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TYPE "public"."plan_goal_status" AS ENUM('open', 'achieved', 'discontinued');--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" "plan_action_status" DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_plan_actions_done_shape" CHECK (("case_plan_actions"."status" = 'done') = ("case_plan_actions"."done_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "case_plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"status" "plan_goal_status" DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"from_status" "case_status" NOT NULL,
	"to_status" "case_status" NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closure_request_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"assignee_id" uuid NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_tasks_done_shape" CHECK (("case_tasks"."done_at" is null) = ("case_tasks"."done_by" is null))
);
--> statement-breakpoint
CREATE TABLE "closure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"reason" "closure_reason" NOT NULL,
	"note" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"open_referrals_at_request" integer DEFAULT 0 NOT NULL,
	"decision" "closure_decision",
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"override_reason" text,
	"open_referrals_at_decision" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "closure_requests_decision_shape" CHECK (("closure_requests"."decision" is null) = ("closure_requests"."decided_by" is null) and ("closure_requests"."decision" is null) = ("closure_requests"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_actions" ADD CONSTRAINT "case_plan_actions_goal_id_case_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."case_plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_actions" ADD CONSTRAINT "case_plan_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_actions" ADD CONSTRAINT "case_plan_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_goals" ADD CONSTRAINT "case_plan_goals_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_goals" ADD CONSTRAINT "case_plan_goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_status_changes" ADD CONSTRAINT "case_status_changes_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_status_changes" ADD CONSTRAINT "case_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_status_changes" ADD CONSTRAINT "case_status_changes_closure_request_id_closure_requests_id_fk" FOREIGN KEY ("closure_request_id") REFERENCES "public"."closure_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_requests" ADD CONSTRAINT "closure_requests_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_requests" ADD CONSTRAINT "closure_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_requests" ADD CONSTRAINT "closure_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_notes_beneficiary_idx" ON "case_notes" USING btree ("beneficiary_id","created_at");--> statement-breakpoint
CREATE INDEX "case_plan_actions_goal_idx" ON "case_plan_actions" USING btree ("goal_id","due_date");--> statement-breakpoint
CREATE INDEX "case_plan_goals_beneficiary_idx" ON "case_plan_goals" USING btree ("beneficiary_id","created_at");--> statement-breakpoint
CREATE INDEX "case_status_changes_beneficiary_idx" ON "case_status_changes" USING btree ("beneficiary_id","changed_at");--> statement-breakpoint
CREATE INDEX "case_tasks_beneficiary_idx" ON "case_tasks" USING btree ("beneficiary_id","due_date");--> statement-breakpoint
CREATE INDEX "case_tasks_assignee_open_idx" ON "case_tasks" USING btree ("assignee_id","due_date") WHERE "case_tasks"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "closure_requests_one_pending_key" ON "closure_requests" USING btree ("beneficiary_id") WHERE "closure_requests"."decision" is null;--> statement-breakpoint
CREATE INDEX "closure_requests_beneficiary_idx" ON "closure_requests" USING btree ("beneficiary_id","requested_at");