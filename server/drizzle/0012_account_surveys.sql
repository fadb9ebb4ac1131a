CREATE TABLE "account_surveys" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_surveys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"surveyed_on" date NOT NULL,
	"channel" text NOT NULL,
	"overall_score" smallint NOT NULL,
	"product_score" smallint,
	"delivery_score" smallint,
	"service_score" smallint,
	"price_score" smallint,
	"would_recommend" smallint,
	"comment" text,
	"surveyed_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_surveys_overall_range" CHECK ("account_surveys"."overall_score" BETWEEN 1 AND 5),
	CONSTRAINT "account_surveys_product_range" CHECK ("account_surveys"."product_score" BETWEEN 1 AND 5),
	CONSTRAINT "account_surveys_delivery_range" CHECK ("account_surveys"."delivery_score" BETWEEN 1 AND 5),
	CONSTRAINT "account_surveys_service_range" CHECK ("account_surveys"."service_score" BETWEEN 1 AND 5),
	CONSTRAINT "account_surveys_price_range" CHECK ("account_surveys"."price_score" BETWEEN 1 AND 5),
	CONSTRAINT "account_surveys_recommend_range" CHECK ("account_surveys"."would_recommend" BETWEEN 0 AND 10)
);
--> statement-breakpoint
ALTER TABLE "account_surveys" ADD CONSTRAINT "account_surveys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_surveys" ADD CONSTRAINT "account_surveys_surveyed_by_users_id_fk" FOREIGN KEY ("surveyed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_surveys_account_day_idx" ON "account_surveys" USING btree ("account_id","surveyed_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "account_surveys_day_idx" ON "account_surveys" USING btree ("surveyed_on");