CREATE TABLE "accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"normalized_name" text NOT NULL,
	"kind" text NOT NULL,
	"party_type" text DEFAULT 'company' NOT NULL,
	"credit_code" text,
	"mobile" text,
	"grade" text,
	"status" text DEFAULT 'active' NOT NULL,
	"owner_user_id" bigint,
	"geography_id" bigint,
	"province" text,
	"city" text,
	"address" text,
	"source" text DEFAULT 'field' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"last_follow_up_at" timestamp with time zone,
	"last_deal_at" timestamp with time zone,
	"pool_entered_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_normalized_name_key" ON "accounts" USING btree ("normalized_name");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_credit_code_key" ON "accounts" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_mobile_key" ON "accounts" USING btree ("mobile");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_user_id","id");--> statement-breakpoint
CREATE INDEX "accounts_geography_idx" ON "accounts" USING btree ("geography_id","id");--> statement-breakpoint
CREATE INDEX "accounts_kind_grade_idx" ON "accounts" USING btree ("kind","grade");--> statement-breakpoint
CREATE INDEX "accounts_pool_idx" ON "accounts" USING btree ("pool_entered_at") WHERE "accounts"."owner_user_id" IS NULL;