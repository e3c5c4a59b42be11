CREATE TABLE "person_name" (
	"kind" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "person_name_kind_name_pk" PRIMARY KEY("kind","name")
);
--> statement-breakpoint
DROP INDEX "person_name_trgm";--> statement-breakpoint
DROP INDEX "person_first_name_trgm";--> statement-breakpoint
DROP INDEX "person_last_name_trgm";--> statement-breakpoint
CREATE INDEX "person_name_name_trgm" ON "person_name" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_given_area_idx" ON "person" USING btree ("first_name","area_code","village_code","id") WHERE "person"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "person_surname_area_idx" ON "person" USING btree ("last_name","area_code","village_code","id") WHERE "person"."merged_into" is null;--> statement-breakpoint
-- Every name a person row is given lands in person_name, whichever code path wrote it. Statement
-- triggers with the new rows as a table: an import's 2,500-row insert costs one statement here, not
-- 2,500. Names go in sorted, so two statements adding the same new names wait for each other rather than deadlock.
CREATE FUNCTION "person_name_remember"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "person_name" ("kind", "name")
  SELECT "kind", "name" FROM (
    SELECT 'given' AS "kind", "first_name" AS "name" FROM "added"
    UNION SELECT 'surname', "last_name" FROM "added"
  ) AS "n"
  WHERE "name" <> ''
  ORDER BY "kind", "name"
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "person_name_on_insert" AFTER INSERT ON "person" REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "person_name_remember"();--> statement-breakpoint
CREATE TRIGGER "person_name_on_update" AFTER UPDATE ON "person" REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "person_name_remember"();--> statement-breakpoint
INSERT INTO "person_name" ("kind", "name")
  SELECT 'given', "first_name" FROM "person" WHERE "first_name" <> ''
  UNION SELECT 'surname', "last_name" FROM "person" WHERE "last_name" <> ''
  ON CONFLICT DO NOTHING;
