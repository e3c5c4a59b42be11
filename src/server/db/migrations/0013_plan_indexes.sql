DROP INDEX "plan_activity_org_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "plan_active_key" ON "plan" USING btree ("person_id") WHERE "plan"."status" = 'active';--> statement-breakpoint
CREATE INDEX "plan_activity_org_idx" ON "plan_activity" USING btree ("organization_id","created_at","id") WHERE "plan_activity"."removed_in_version" is null;