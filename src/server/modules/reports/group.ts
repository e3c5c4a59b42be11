import { eq, inArray } from 'drizzle-orm';
import { WELLBEING_INSTRUMENT } from '../../../core/plans/screening.ts';
import { expectedReport, type ReportScreening } from '../../../core/reports/expected.ts';
import type { ProgressStatus } from '../../../core/schemas/plan.ts';
import type { ReportQuery, WellbeingReport } from '../../../core/schemas/report.ts';
import type { Db } from '../../db/client.ts';
import { persons, planProgress, plans, screenings } from '../../db/schema.ts';
import { visibleIds } from '../groups/repo.ts';
import { isoOf } from '../screenings/iso.ts';

/**
 * A group's report, computed from its members' raw rows with the reference implementation: a
 * closed group holds tens or hundreds of people (DOMAIN.md step 5), not a province, and the people
 * it may count (enrolled, not discharged, still consenting) change with every enrolment.
 */
export async function groupReport(
  db: Db,
  groupId: string,
  q: ReportQuery,
  now: Date,
): Promise<WellbeingReport> {
  const ids = await visibleIds(db, groupId);
  const people = ids.length
    ? await db
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
        .where(inArray(persons.id, ids))
    : [];
  const rows = ids.length
    ? await db
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
        .where(inArray(screenings.personId, ids))
    : [];
  const planRows = ids.length
    ? await db
        .select({ personId: plans.personId, createdAt: plans.createdAt })
        .from(plans)
        .where(inArray(plans.personId, ids))
    : [];
  const progress = ids.length
    ? await db
        .select({
          personId: plans.personId,
          planActivityId: planProgress.planActivityId,
          month: planProgress.month,
          status: planProgress.status,
          createdAt: planProgress.createdAt,
        })
        .from(planProgress)
        .innerJoin(plans, eq(plans.id, planProgress.planId))
        .where(inArray(plans.personId, ids))
    : [];
  return expectedReport({
    scope: { kind: 'group', id: groupId, personIds: ids },
    yearBE: q.yearBE,
    ...(q.month !== undefined ? { month: q.month } : {}),
    by: q.by,
    now,
    people: people.map((p) => ({ ...p, createdAt: isoOf(p.createdAt) })),
    screenings: rows
      .filter((s) => s.instrument === WELLBEING_INSTRUMENT)
      .map((s) => ({ ...s, takenAt: isoOf(s.takenAt) }) as ReportScreening),
    plans: planRows.map((p) => ({ ...p, createdAt: isoOf(p.createdAt) })),
    progress: progress.map((e) => ({
      ...e,
      status: e.status as ProgressStatus,
      createdAt: isoOf(e.createdAt),
    })),
  });
}
