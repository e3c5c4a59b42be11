CREATE TABLE "care_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"area_code" text NOT NULL,
	"village_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"purpose" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"ended_by" uuid,
	"ended_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "group_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "group_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"enrolled_by" uuid,
	"enrolled_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"discharged_by" uuid,
	"discharged_at" timestamp(3) with time zone,
	"discharge_reason" text
);
--> statement-breakpoint
CREATE TABLE "link_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"relation" text NOT NULL,
	"proxy_name" text,
	"issued_by" uuid,
	"issued_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"used_at" timestamp(3) with time zone,
	"used_by" uuid
);
--> statement-breakpoint
CREATE TABLE "person_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"link_code_id" uuid,
	"linked_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp(3) with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject_ids" uuid[];--> statement-breakpoint
ALTER TABLE "group_assignment" ADD CONSTRAINT "group_assignment_group_id_care_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."care_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_assignment" ADD CONSTRAINT "group_assignment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_assignment" ADD CONSTRAINT "group_assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_group_id_care_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."care_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_member" ADD CONSTRAINT "group_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_person" ADD CONSTRAINT "group_person_group_id_care_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."care_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_person" ADD CONSTRAINT "group_person_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_code" ADD CONSTRAINT "link_code_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link" ADD CONSTRAINT "person_link_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link" ADD CONSTRAINT "person_link_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_group_area_idx" ON "care_group" USING btree ("area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "group_assignment_active_key" ON "group_assignment" USING btree ("group_id","person_id") WHERE "group_assignment"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "group_assignment_user_idx" ON "group_assignment" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_member_active_key" ON "group_member" USING btree ("group_id","user_id") WHERE "group_member"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "group_member_user_idx" ON "group_member" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_person_active_key" ON "group_person" USING btree ("group_id","person_id") WHERE "group_person"."discharged_at" is null;--> statement-breakpoint
CREATE INDEX "group_person_person_idx" ON "group_person" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "link_code_hash_key" ON "link_code" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "link_code_person_idx" ON "link_code" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_link_active_key" ON "person_link" USING btree ("person_id","user_id") WHERE "person_link"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "person_link_user_idx" ON "person_link" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_log" USING gin ("subject_ids");--> statement-breakpoint
CREATE INDEX "audit_group_idx" ON "audit_log" USING btree ("group_id","at");