ALTER TABLE "consent" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "import_job" ADD COLUMN "dry_run_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_client_key" ON "consent" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_job_dry_run_key" ON "import_job" USING btree ("dry_run_id");