DROP INDEX "accounts_owner_idx";--> statement-breakpoint
DROP INDEX "accounts_geography_idx";--> statement-breakpoint
CREATE INDEX "accounts_owner_kind_grade_idx" ON "accounts" USING btree ("owner_user_id","kind","grade");--> statement-breakpoint
CREATE INDEX "accounts_geography_kind_grade_idx" ON "accounts" USING btree ("geography_id","kind","grade");