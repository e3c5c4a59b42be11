import { inArray } from 'drizzle-orm';
import { expectedReport } from '../../../core/reports/expected.ts';
import type { ReportQuery, WellbeingReport } from '../../../core/schemas/report.ts';
import type { Db } from '../../db/client.ts';
import { persons, plans } from '../../db/schema.ts';
import { visibleIds } from '../groups/repo.ts';
import { isoOf } from '../screenings/iso.ts';
import { progressWhere, reportPeopleWhere, wellbeingScreeningsOf } from './rows.ts';

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
  const people = ids.length ? await reportPeopleWhere(db, inArray(persons.id, ids)) : [];
  const planRows = ids.length
    ? await db
        .select({ personId: plans.personId, createdAt: plans.createdAt })
        .from(plans)
        .where(inArray(plans.personId, ids))
    : [];
  const progress = ids.length ? await progressWhere(db, inArray(plans.personId, ids)) : [];
  return expectedReport({
    scope: { kind: 'group', id: groupId, personIds: ids },
    yearBE: q.yearBE,
    ...(q.month !== undefined ? { month: q.month } : {}),
    by: q.by,
    now,
    people,
    screenings: await wellbeingScreeningsOf(db, ids),
    plans: planRows.map((p) => ({ ...p, createdAt: isoOf(p.createdAt) })),
    progress,
  });
}
