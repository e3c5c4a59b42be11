ALTER TABLE "person" ADD COLUMN "adl_group" text;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "adl_screening_id" uuid;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "adl_taken_at" timestamp(3) with time zone;