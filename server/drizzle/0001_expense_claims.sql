CREATE TABLE "expense_claims" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expense_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"claimant_id" bigint NOT NULL,
	"geography_id" bigint,
	"claim_date" date NOT NULL,
	"category" text NOT NULL,
	"amount" bigint NOT NULL,
	"customer_id" bigint,
	"description" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_id" bigint,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"paid_by" bigint,
	"payment_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_claims_amount_check" CHECK ("expense_claims"."amount" > 0 AND "expense_claims"."amount" <= 100000000),
	CONSTRAINT "expense_claims_paid_check" CHECK (("expense_claims"."status" = 'paid') = ("expense_claims"."paid_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_entity" text,
	"owner_id" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "attachments_owner_check" CHECK (("attachments"."owner_entity" IS NULL) = ("attachments"."owner_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_claimant_id_users_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_geography_id_geographies_id_fk" FOREIGN KEY ("geography_id") REFERENCES "public"."geographies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expense_claims_claimant_idx" ON "expense_claims" USING btree ("claimant_id","claim_date");--> statement-breakpoint
CREATE INDEX "expense_claims_geography_idx" ON "expense_claims" USING btree ("geography_id","claim_date");--> statement-breakpoint
CREATE INDEX "expense_claims_status_idx" ON "expense_claims" USING btree ("status","claim_date");--> statement-breakpoint
CREATE UNIQUE INDEX "expense_claims_approval_key" ON "expense_claims" USING btree ("approval_id");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_entity","owner_id");--> statement-breakpoint
CREATE INDEX "attachments_unattached_idx" ON "attachments" USING btree ("uploaded_by") WHERE "attachments"."owner_entity" IS NULL;