CREATE TABLE "visit_compliance_freezes" (
	"month" date PRIMARY KEY NOT NULL,
	"stores" integer NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_compliance_snapshots" (
	"month" date NOT NULL,
	"account_id" bigint NOT NULL,
	"owner_user_id" bigint NOT NULL,
	"geography_id" bigint,
	"grade" text NOT NULL,
	"required" integer NOT NULL,
	"done" integer NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_compliance_snapshots_month_account_id_pk" PRIMARY KEY("month","account_id")
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rep_user_id" bigint NOT NULL,
	"geography_id" bigint,
	"week_start" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_plans_monday_check" CHECK (extract(isodow from "visit_plans"."week_start") = 1)
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"visit_date" date NOT NULL,
	"account_id" bigint NOT NULL,
	"rep_user_id" bigint NOT NULL,
	"geography_id" bigint,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"planned_for" date,
	"checked_in_at" timestamp with time zone,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"purpose" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"cancel_reason" text,
	"plan_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_pkey" PRIMARY KEY("id","visit_date"),
	CONSTRAINT "visits_done_check" CHECK (("visits"."status" = 'done') = ("visits"."checked_in_at" IS NOT NULL)),
	CONSTRAINT "visits_planned_check" CHECK ("visits"."status" <> 'planned' OR "visits"."planned_for" IS NOT NULL),
	CONSTRAINT "visits_position_check" CHECK (("visits"."latitude" IS NULL) = ("visits"."longitude" IS NULL)),
	CONSTRAINT "visits_latitude_check" CHECK ("visits"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "visits_longitude_check" CHECK ("visits"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "work_log_comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_log_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"log_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_logs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"geography_id" bigint,
	"log_date" date NOT NULL,
	"progress" text NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"help_needed" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_compliance_snapshots" ADD CONSTRAINT "visit_compliance_snapshots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_compliance_snapshots" ADD CONSTRAINT "visit_compliance_snapshots_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_compliance_snapshots" ADD CONSTRAINT "visit_compliance_snapshots_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_rep_user_id_users_id_fk" FOREIGN KEY ("rep_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_rep_user_id_users_id_fk" FOREIGN KEY ("rep_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_plan_id_visit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."visit_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_log_comments" ADD CONSTRAINT "work_log_comments_log_id_work_logs_id_fk" FOREIGN KEY ("log_id") REFERENCES "public"."work_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_log_comments" ADD CONSTRAINT "work_log_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_compliance_snapshots_owner_idx" ON "visit_compliance_snapshots" USING btree ("month","owner_user_id");--> statement-breakpoint
CREATE INDEX "visit_compliance_snapshots_geography_idx" ON "visit_compliance_snapshots" USING btree ("month","geography_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plans_rep_week_key" ON "visit_plans" USING btree ("rep_user_id","week_start");--> statement-breakpoint
CREATE INDEX "visit_plans_geography_idx" ON "visit_plans" USING btree ("geography_id","week_start");--> statement-breakpoint
CREATE INDEX "visits_rep_idx" ON "visits" USING btree ("rep_user_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_account_idx" ON "visits" USING btree ("account_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_geography_idx" ON "visits" USING btree ("geography_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_plan_idx" ON "visits" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "visits_compliance_idx" ON "visits" USING btree ("account_id","visit_date") WHERE "visits"."status" = 'done' AND "visits"."kind" = 'onsite';--> statement-breakpoint
CREATE INDEX "work_log_comments_log_idx" ON "work_log_comments" USING btree ("log_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_logs_user_date_key" ON "work_logs" USING btree ("user_id","log_date");--> statement-breakpoint
CREATE INDEX "work_logs_geography_idx" ON "work_logs" USING btree ("geography_id","log_date");