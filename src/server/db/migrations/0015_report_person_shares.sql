-- The queue now holds people, not villages: what it held is rebuilt (no meta, so the worker rebuilds).
DELETE FROM "report_dirty";--> statement-breakpoint
DELETE FROM "report_meta";--> statement-breakpoint
CREATE TABLE "report_person" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid,
	"state" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_dirty" ADD COLUMN "person_id" uuid NOT NULL;--> statement-breakpoint
CREATE INDEX "report_person_household_idx" ON "report_person" USING btree ("household_id");--> statement-breakpoint
ALTER TABLE "report_dirty" DROP COLUMN "leaf";--> statement-breakpoint
-- Screening writes queue the person screened: no join, one insert per write statement.
CREATE OR REPLACE FUNCTION report_dirty_from_screening() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_dirty (person_id)
    SELECT DISTINCT person_id FROM new_rows WHERE instrument = 'wellbeing20';
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO report_dirty (person_id)
    SELECT DISTINCT person_id FROM old_rows WHERE instrument = 'wellbeing20';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Person writes queue the person when something a report counts by changed.
CREATE OR REPLACE FUNCTION report_dirty_from_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_dirty (person_id) SELECT id FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_dirty (person_id) SELECT id FROM old_rows;
  ELSE
    INSERT INTO report_dirty (person_id)
    SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.area_code, o.village_code, o.household_id, o.sex, o.birth_date, o.vulnerability,
           o.adl_group, o.merged_into, o.created_at)
      IS DISTINCT FROM
          (n.area_code, n.village_code, n.household_id, n.sex, n.birth_date, n.vulnerability,
           n.adl_group, n.merged_into, n.created_at);
  END IF;
  RETURN NULL;
END $$;
