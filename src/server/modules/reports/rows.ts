import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { WELLBEING_INSTRUMENT } from '../../../core/plans/screening.ts';
import type { ReportPerson, ReportProgress, ReportScreening } from '../../../core/reports/expected.ts';
import type { ProgressStatus } from '../../../core/schemas/plan.ts';
import type { Db } from '../../db/client.ts';
import { persons, planProgress, plans, screenings } from '../../db/schema.ts';
import { isoOf } from '../screenings/iso.ts';

/** The rows reports count from, in the shapes of `core/reports/expected.ts`: one loader each. */

/** People with the fields a report counts by. */
export async function reportPeopleWhere(db: Db, where: SQL | undefined): Promise<ReportPerson[]> {
  const rows = await db
    .select({
      id: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      householdId: persons.householdId,
      sex: persons.sex,
      birthDate: persons.birthDate,
      vulnerability: persons.vulnerability,
      adlGroup: persons.adlGroup,
      mergedInto: persons.mergedInto,
      createdAt: persons.createdAt,
    })
    .from(persons)
    .where(where);
  return rows.map((p) => ({ ...p, createdAt: isoOf(p.createdAt) }));
}

/** The `wellbeing20` screenings of some people. */
export async function wellbeingScreeningsOf(
  db: Db,
  personIds: readonly string[],
): Promise<ReportScreening[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({
      id: screenings.id,
      personId: screenings.personId,
      instrument: screenings.instrument,
      version: screenings.version,
      takenAt: screenings.takenAt,
      scores: screenings.scores,
      levels: screenings.levels,
      answers: screenings.answers,
    })
    .from(screenings)
    .where(
      and(inArray(screenings.personId, [...personIds]), eq(screenings.instrument, WELLBEING_INSTRUMENT)),
    );
  return rows.map((s) => ({ ...s, takenAt: isoOf(s.takenAt) }) as ReportScreening);
}

/** Plan progress reports, with whose plan they are (`where` may use person, plan and progress columns). */
export async function progressWhere(db: Db, where: SQL | undefined): Promise<ReportProgress[]> {
  const rows = await db
    .select({
      personId: plans.personId,
      planActivityId: planProgress.planActivityId,
      month: planProgress.month,
      status: planProgress.status,
      createdAt: planProgress.createdAt,
    })
    .from(planProgress)
    .innerJoin(plans, eq(plans.id, planProgress.planId))
    .innerJoin(persons, eq(persons.id, plans.personId))
    .where(where);
  return rows.map((e) => ({ ...e, status: e.status as ProgressStatus, createdAt: isoOf(e.createdAt) }));
}
