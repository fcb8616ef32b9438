CREATE TYPE "public"."sensitive_category" AS ENUM('trafficking', 'gbv', 'health', 'bid', 'detention', 'sogi');--> statement-breakpoint
CREATE TABLE "user_category_grants" (
	"user_id" uuid NOT NULL,
	"category" "sensitive_category" NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_category_grants_user_id_category_pk" PRIMARY KEY("user_id","category")
);
--> statement-breakpoint
ALTER TABLE "user_category_grants" ADD CONSTRAINT "user_category_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_category_grants" ADD CONSTRAINT "user_category_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;