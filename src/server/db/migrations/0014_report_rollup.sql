CREATE TABLE "report_cell" (
	"period" text NOT NULL,
	"area" text COLLATE "C" NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "report_cell_period_area_pk" PRIMARY KEY("period","area")
);
--> statement-breakpoint
CREATE TABLE "report_dirty" (
	"leaf" text NOT NULL,
	"queued_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
-- Screening writes mark the leaf (village, or subdistrict||'00') of the person screened. One
-- statement-level insert per write statement keeps the write path cheap (issue 4's 1,000/s).
CREATE FUNCTION report_dirty_from_screening() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_dirty (leaf)
    SELECT DISTINCT coalesce(p.village_code, p.area_code || '00')
    FROM new_rows s JOIN person p ON p.id = s.person_id
    WHERE s.instrument = 'wellbeing20';
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO report_dirty (leaf)
    SELECT DISTINCT coalesce(p.village_code, p.area_code || '00')
    FROM old_rows s JOIN person p ON p.id = s.person_id
    WHERE s.instrument = 'wellbeing20';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER screening_report_insert AFTER INSERT ON screening
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_from_screening();
--> statement-breakpoint
CREATE TRIGGER screening_report_update AFTER UPDATE ON screening
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_from_screening();
--> statement-breakpoint
CREATE TRIGGER screening_report_delete AFTER DELETE ON screening
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_from_screening();
--> statement-breakpoint
-- Person writes mark the leaves a person leaves and joins, when something a report counts by
-- changed: address, household, sex, birth date, vulnerability, ADL group, merge, registration.
CREATE FUNCTION report_dirty_from_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_dirty (leaf)
    SELECT DISTINCT coalesce(village_code, area_code || '00') FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_dirty (leaf)
    SELECT DISTINCT coalesce(village_code, area_code || '00') FROM old_rows;
  ELSE
    INSERT INTO report_dirty (leaf)
    SELECT DISTINCT leaf FROM (
      SELECT coalesce(o.village_code, o.area_code || '00') AS old_leaf,
             coalesce(n.village_code, n.area_code || '00') AS new_leaf
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.area_code, o.village_code, o.household_id, o.sex, o.birth_date, o.vulnerability,
             o.adl_group, o.merged_into, o.created_at)
        IS DISTINCT FROM
            (n.area_code, n.village_code, n.household_id, n.sex, n.birth_date, n.vulnerability,
             n.adl_group, n.merged_into, n.created_at)
    ) changed, LATERAL (VALUES (old_leaf), (new_leaf)) AS l (leaf);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_report_insert AFTER INSERT ON person
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_from_person();
--> statement-breakpoint
CREATE TRIGGER person_report_update AFTER UPDATE ON person
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_from_person();
--> statement-breakpoint
CREATE TRIGGER person_report_delete AFTER DELETE ON person
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_dirty_from_person();
