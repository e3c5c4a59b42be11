CREATE TABLE "alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"screening_id" uuid,
	"area_code" text NOT NULL,
	"instrument" text,
	"flag" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_revision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"screening_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"revision" integer NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"levels" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"flags" text[] NOT NULL,
	"follow_ups" jsonb NOT NULL,
	"reason" text,
	"made_by" uuid,
	"made_at" timestamp(3) with time zone NOT NULL,
	"superseded_by_client_id" uuid,
	"superseded_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"instrument" text NOT NULL,
	"version" integer NOT NULL,
	"taken_at" timestamp(3) with time zone NOT NULL,
	"taken_month" text NOT NULL,
	"method" text NOT NULL,
	"taken_by" uuid,
	"client_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"revision_reason" text,
	"revised_by" uuid,
	"revised_at" timestamp(3) with time zone,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"levels" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_up_instruments" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_recipient_id_app_user_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_screening_id_screening_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screening"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_revision" ADD CONSTRAINT "screening_revision_screening_id_screening_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screening"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening" ADD CONSTRAINT "screening_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_screening_recipient_flag_key" ON "alert" USING btree ("screening_id","recipient_id","flag");--> statement-breakpoint
CREATE INDEX "alert_recipient_idx" ON "alert" USING btree ("recipient_id","created_at","id");--> statement-breakpoint
CREATE INDEX "alert_recipient_unread_idx" ON "alert" USING btree ("recipient_id","created_at","id") WHERE "alert"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "screening_revision_key" ON "screening_revision" USING btree ("screening_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_revision_client_key" ON "screening_revision" USING btree ("superseded_by_client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_client_key" ON "screening" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "screening_person_instrument_idx" ON "screening" USING btree ("person_id","instrument","taken_at","id");--> statement-breakpoint
CREATE INDEX "screening_person_taken_idx" ON "screening" USING btree ("person_id","taken_at","id");--> statement-breakpoint
CREATE INDEX "screening_area_month_idx" ON "screening" USING btree ("area_code","taken_month","instrument");--> statement-breakpoint
CREATE INDEX "screening_taken_by_idx" ON "screening" USING btree ("taken_by","person_id");--> statement-breakpoint
CREATE INDEX "screening_follow_up_idx" ON "screening" USING btree ("person_id","taken_at") WHERE cardinality("screening"."follow_up_instruments") > 0;