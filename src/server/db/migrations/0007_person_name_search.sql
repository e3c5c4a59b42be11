CREATE INDEX "person_first_name_trgm" ON "person" USING gin ("first_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_last_name_trgm" ON "person" USING gin ("last_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_given_name_idx" ON "person" USING btree ("first_name","last_name","id") WHERE "person"."merged_into" is null;