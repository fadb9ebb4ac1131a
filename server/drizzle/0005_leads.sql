CREATE TABLE "call_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "call_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"caller_user_id" bigint NOT NULL,
	"plan_date" date NOT NULL,
	"target_calls" integer NOT NULL,
	"note" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_plans_target_check" CHECK ("call_plans"."target_calls" >= 0)
);
--> statement-breakpoint
CREATE TABLE "lead_assignment_cursors" (
	"assigner_user_id" bigint PRIMARY KEY NOT NULL,
	"last_assignee_user_id" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_follow_ups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_follow_ups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"lead_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"outcome" text,
	"note" text,
	"scheduled_for" timestamp with time zone,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_follow_ups_appointment_check" CHECK (("lead_follow_ups"."kind" = 'appointment') = ("lead_follow_ups"."scheduled_for" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "lead_teams" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"vendor" text NOT NULL,
	"contact" text,
	"phone" text,
	"contract_start" date NOT NULL,
	"contract_end" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_teams_contract_check" CHECK ("lead_teams"."contract_end" >= "lead_teams"."contract_start")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "leads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"company" text,
	"mobile" text,
	"source" text NOT NULL,
	"campaign" text,
	"team_id" bigint,
	"status" text DEFAULT 'new' NOT NULL,
	"owner_user_id" bigint,
	"geography_id" bigint,
	"province" text,
	"city" text,
	"notes" text,
	"lost_reason" text,
	"converted_account_id" bigint,
	"converted_at" timestamp with time zone,
	"next_follow_up_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_lost_check" CHECK (("leads"."status" = 'lost') = ("leads"."lost_reason" IS NOT NULL)),
	CONSTRAINT "leads_converted_check" CHECK (("leads"."status" = 'converted') = ("leads"."converted_account_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "call_plans" ADD CONSTRAINT "call_plans_caller_user_id_users_id_fk" FOREIGN KEY ("caller_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_plans" ADD CONSTRAINT "call_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignment_cursors" ADD CONSTRAINT "lead_assignment_cursors_assigner_user_id_users_id_fk" FOREIGN KEY ("assigner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignment_cursors" ADD CONSTRAINT "lead_assignment_cursors_last_assignee_user_id_users_id_fk" FOREIGN KEY ("last_assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_follow_ups" ADD CONSTRAINT "lead_follow_ups_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_follow_ups" ADD CONSTRAINT "lead_follow_ups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_team_id_lead_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."lead_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_account_id_accounts_id_fk" FOREIGN KEY ("converted_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_plans_caller_date_key" ON "call_plans" USING btree ("caller_user_id","plan_date");--> statement-breakpoint
CREATE INDEX "call_plans_date_idx" ON "call_plans" USING btree ("plan_date");--> statement-breakpoint
CREATE INDEX "lead_follow_ups_lead_idx" ON "lead_follow_ups" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "lead_follow_ups_user_idx" ON "lead_follow_ups" USING btree ("user_id","kind","at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_teams_name_key" ON "lead_teams" USING btree ("name");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("owner_user_id","id");--> statement-breakpoint
CREATE INDEX "leads_geography_idx" ON "leads" USING btree ("geography_id","id");--> statement-breakpoint
CREATE INDEX "leads_status_created_idx" ON "leads" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leads_team_idx" ON "leads" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_mobile_idx" ON "leads" USING btree ("mobile");