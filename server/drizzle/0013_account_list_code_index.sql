DROP INDEX "accounts_kind_grade_idx";--> statement-breakpoint
CREATE INDEX "accounts_kind_grade_code_idx" ON "accounts" USING btree ("kind","grade","code","id");