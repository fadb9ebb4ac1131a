ALTER TABLE "accounts" ADD COLUMN "credit_limit_fen" bigint;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "credit_rating" text;--> statement-breakpoint
ALTER TABLE "customer_settings" ADD COLUMN "holding_limits" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_settings" ADD COLUMN "pool_scope" text DEFAULT 'market' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_credit_limit_not_negative" CHECK ("accounts"."credit_limit_fen" >= 0);