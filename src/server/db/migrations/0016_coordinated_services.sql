CREATE TABLE "assistance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"village_code" text,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"value" numeric(12, 2),
	"given_on" date NOT NULL,
	"organization_id" uuid NOT NULL,
	"funding_source" text,
	"duplicate_confirmed" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid,
	"client_id" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"village_code" text,
	"from_user_id" uuid NOT NULL,
	"from_organization_id" uuid,
	"to_organization_id" uuid NOT NULL,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason" text NOT NULL,
	"urgency" text NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"shared" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_at" timestamp(3) with time zone NOT NULL,
	"assigned_user_id" uuid,
	"closed_at" timestamp(3) with time zone,
	"client_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transport_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"village_code" text,
	"requested_by" uuid NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	"destination_organization_id" uuid,
	"destination" text,
	"pickup_at" timestamp(3) with time zone NOT NULL,
	"pickup_address" text NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"note" text,
	"client_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"village_code" text,
	"kind" text NOT NULL,
	"starts_at" timestamp(3) with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"organization_id" uuid,
	"assignee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"plan_activity_id" uuid,
	"purpose" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"record" jsonb,
	"client_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "catchment_village_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance" ADD CONSTRAINT "assistance_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_from_user_id_app_user_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_from_organization_id_organization_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_to_organization_id_organization_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_assigned_user_id_app_user_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_event" ADD CONSTRAINT "service_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_request" ADD CONSTRAINT "transport_request_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_request" ADD CONSTRAINT "transport_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_request" ADD CONSTRAINT "transport_request_provider_organization_id_organization_id_fk" FOREIGN KEY ("provider_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_request" ADD CONSTRAINT "transport_request_destination_organization_id_organization_id_fk" FOREIGN KEY ("destination_organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_plan_activity_id_plan_activity_id_fk" FOREIGN KEY ("plan_activity_id") REFERENCES "public"."plan_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assistance_client_key" ON "assistance" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "assistance_person_idx" ON "assistance" USING btree ("person_id","given_on");--> statement-breakpoint
CREATE INDEX "assistance_area_idx" ON "assistance" USING btree ("area_code","given_on");--> statement-breakpoint
CREATE INDEX "assistance_org_idx" ON "assistance" USING btree ("organization_id","given_on");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_client_key" ON "referral" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "referral_to_idx" ON "referral" USING btree ("to_organization_id","status","due_at","id");--> statement-breakpoint
CREATE INDEX "referral_from_idx" ON "referral" USING btree ("from_user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "referral_person_idx" ON "referral" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_area_idx" ON "referral" USING btree ("area_code","status","created_at");--> statement-breakpoint
CREATE INDEX "service_event_subject_idx" ON "service_event" USING btree ("subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "transport_request_client_key" ON "transport_request" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "transport_request_provider_idx" ON "transport_request" USING btree ("provider_organization_id","status","pickup_at");--> statement-breakpoint
CREATE INDEX "transport_request_person_idx" ON "transport_request" USING btree ("person_id","pickup_at");--> statement-breakpoint
CREATE INDEX "transport_request_requester_idx" ON "transport_request" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_client_key" ON "visit" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "visit_person_idx" ON "visit" USING btree ("person_id","starts_at");--> statement-breakpoint
CREATE INDEX "visit_area_idx" ON "visit" USING btree ("area_code","starts_at");--> statement-breakpoint
CREATE INDEX "visit_org_idx" ON "visit" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "visit_assignee_idx" ON "visit" USING gin ("assignee_ids");--> statement-breakpoint
CREATE INDEX "organization_catchment_idx" ON "organization" USING gin ("catchment_village_codes");--> statement-breakpoint
CREATE INDEX "organization_services_idx" ON "organization" USING gin ("services");