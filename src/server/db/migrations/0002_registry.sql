CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"method" text NOT NULL,
	"witness_name" text,
	"agencies" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"village_code" text,
	"village_no" integer,
	"house_no" text,
	"postcode" text,
	"housing_type" text,
	"head_person_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"client_id" uuid,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_error" (
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"column" text,
	"message" text NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"mode" text NOT NULL,
	"format" text NOT NULL,
	"area_code" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"mapping" jsonb,
	"encoding" text,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"preview" jsonb,
	"failure" text,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp(3) with time zone,
	"heartbeat_at" timestamp(3) with time zone,
	"finished_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "person_revision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"version" integer NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" text NOT NULL,
	"village_code" text,
	"village_no" integer,
	"house_no" text,
	"postcode" text,
	"household_id" uuid,
	"relation_to_head" text,
	"id_type" text NOT NULL,
	"national_id_enc" text,
	"national_id_hash" text,
	"no_id_reason" text,
	"title" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_date_estimated" boolean DEFAULT false NOT NULL,
	"nationality" text,
	"religion" text,
	"marital_status" text,
	"education" text,
	"occupation" text,
	"income_band" text,
	"health_coverage" text,
	"phone" text,
	"chronic_conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"disability_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"disability_card_no" text,
	"vulnerability" text[] DEFAULT '{}'::text[] NOT NULL,
	"caregiver" jsonb,
	"latitude" double precision,
	"longitude" double precision,
	"merged_into" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"client_id" uuid,
	"source_key" text,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_error" ADD CONSTRAINT "import_error_import_id_import_job_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_person_idx" ON "consent" USING btree ("person_id","purpose","recorded_at");--> statement-breakpoint
CREATE INDEX "household_area_idx" ON "household" USING btree ("area_code","village_code","house_no");--> statement-breakpoint
CREATE UNIQUE INDEX "household_client_key" ON "household" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "import_error_job_idx" ON "import_error" USING btree ("import_id","row");--> statement-breakpoint
CREATE INDEX "import_job_status_idx" ON "import_job" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "person_revision_person_idx" ON "person_revision" USING btree ("person_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "person_source_key" ON "person" USING btree ("source_key");--> statement-breakpoint
CREATE UNIQUE INDEX "person_national_id_hash_key" ON "person" USING btree ("national_id_hash") WHERE "person"."merged_into" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "person_client_key" ON "person" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "person_area_idx" ON "person" USING btree ("area_code","village_code","last_name","id");--> statement-breakpoint
CREATE INDEX "person_household_idx" ON "person" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "person_birth_idx" ON "person" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "person_phone_idx" ON "person" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "person_name_trgm" ON "person" USING gin (("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_vulnerability_idx" ON "person" USING gin ("vulnerability");