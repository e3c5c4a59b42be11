CREATE TABLE "visit_assignment" (
	"visit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp(3) with time zone NOT NULL,
	"ends_at" timestamp(3) with time zone NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "visit_assignment_visit_id_user_id_pk" PRIMARY KEY("visit_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "visit_assignment" ADD CONSTRAINT "visit_assignment_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_assignment_user_idx" ON "visit_assignment" USING btree ("user_id","starts_at","visit_id","ends_at","status");--> statement-breakpoint
-- Whichever code path writes a visit (scheduling, moving, recording, cancelling, demo data, a bulk
-- load), its assignees' rows follow: statement triggers with the rows as tables, so a bulk insert costs
-- one statement here. An update replaces the visit's rows whole.
CREATE FUNCTION "visit_assignment_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM "visit_assignment" AS "a" USING "before" AS "b" WHERE "a"."visit_id" = "b"."id";
  END IF;
  INSERT INTO "visit_assignment" ("visit_id", "user_id", "starts_at", "ends_at", "status")
  SELECT DISTINCT "v"."id", "u"."user_id", "v"."starts_at",
         "v"."starts_at" + make_interval(mins => "v"."duration_minutes"), "v"."status"
    FROM "after" AS "v" CROSS JOIN LATERAL unnest("v"."assignee_ids") AS "u"("user_id");
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "visit_assignment_on_insert" AFTER INSERT ON "visit" REFERENCING NEW TABLE AS "after"
  FOR EACH STATEMENT EXECUTE FUNCTION "visit_assignment_follow"();--> statement-breakpoint
CREATE TRIGGER "visit_assignment_on_update" AFTER UPDATE ON "visit"
  REFERENCING OLD TABLE AS "before" NEW TABLE AS "after"
  FOR EACH STATEMENT EXECUTE FUNCTION "visit_assignment_follow"();--> statement-breakpoint
INSERT INTO "visit_assignment" ("visit_id", "user_id", "starts_at", "ends_at", "status")
  SELECT DISTINCT "v"."id", "u"."user_id", "v"."starts_at",
         "v"."starts_at" + make_interval(mins => "v"."duration_minutes"), "v"."status"
    FROM "visit" AS "v" CROSS JOIN LATERAL unnest("v"."assignee_ids") AS "u"("user_id");
