CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"dimension" text NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text,
	"description_th" text NOT NULL,
	"description_en" text,
	"how_th" text,
	"how_en" text,
	"addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"duration_weeks" integer,
	"provider_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"adl_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"source" text,
	"area_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid,
	"schedule" text,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"title" text NOT NULL,
	"addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"responsible" text NOT NULL,
	"organization_id" uuid,
	"responsible_user_id" uuid,
	"responsible_name" text,
	"mode" text NOT NULL,
	"activity_group_id" uuid,
	"goal" text,
	"starts_on" date,
	"ends_on" date,
	"added_in_version" integer NOT NULL,
	"removed_in_version" integer,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_activity_id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"photo" jsonb,
	"reported_as" text NOT NULL,
	"reported_by" uuid,
	"client_id" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"goals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"screening_id" uuid,
	"group_id" uuid,
	"client_id" uuid,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_activity_group_id_activity_group_id_fk" FOREIGN KEY ("activity_group_id") REFERENCES "public"."activity_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_group" ADD CONSTRAINT "activity_group_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_group" ADD CONSTRAINT "activity_group_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity" ADD CONSTRAINT "plan_activity_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity" ADD CONSTRAINT "plan_activity_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity" ADD CONSTRAINT "plan_activity_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity" ADD CONSTRAINT "plan_activity_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress" ADD CONSTRAINT "plan_progress_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress" ADD CONSTRAINT "plan_progress_plan_activity_id_plan_activity_id_fk" FOREIGN KEY ("plan_activity_id") REFERENCES "public"."plan_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_code_key" ON "activity" USING btree ("code");--> statement-breakpoint
CREATE INDEX "activity_dimension_idx" ON "activity" USING btree ("dimension");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_attendance_key" ON "activity_attendance" USING btree ("activity_group_id","person_id","held_on");--> statement-breakpoint
CREATE INDEX "activity_group_area_idx" ON "activity_group" USING btree ("area_code","activity_id");--> statement-breakpoint
CREATE INDEX "plan_activity_plan_idx" ON "plan_activity" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_activity_activity_idx" ON "plan_activity" USING btree ("activity_id","person_id");--> statement-breakpoint
CREATE INDEX "plan_activity_org_idx" ON "plan_activity" USING btree ("organization_id") WHERE "plan_activity"."removed_in_version" is null;--> statement-breakpoint
CREATE INDEX "plan_activity_group_idx" ON "plan_activity" USING btree ("activity_group_id");--> statement-breakpoint
CREATE INDEX "plan_progress_activity_idx" ON "plan_progress" USING btree ("plan_activity_id","month","created_at");--> statement-breakpoint
CREATE INDEX "plan_progress_plan_idx" ON "plan_progress" USING btree ("plan_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_progress_client_key" ON "plan_progress" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_version_key" ON "plan_version" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_client_key" ON "plan" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "plan_person_idx" ON "plan" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_area_idx" ON "plan" USING btree ("area_code","status");