/** The monthly follow-up lists: who is due, who got worse. */
import { sql } from 'drizzle-orm';
import type { Level } from '../../../core/instruments/index.ts';
import { decide, placeOf } from '../../../core/policy/index.ts';
import type { DueItem, DueQuery } from '../../../core/schemas/index.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { invalid } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { worseDimensions } from './change.ts';
import type { ScreeningContext } from './context.ts';
import { type DueRow, dueRows, MONTHLY, type PersonColumns, worseRows } from './listsRepo.ts';
import { bangkokMonth, isoOf, monthStart, shiftMonth } from './month.ts';
import { areaCondition } from './scope.ts';

const personSql = { areaCode: sql`p.area_code`, villageCode: sql`p.village_code` };

function personOf(r: PersonColumns) {
  return {
    id: r.id,
    title: r.title,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    areaCode: r.area_code,
    villageCode: r.village_code,
    villageNo: r.village_no,
    houseNo: r.house_no,
  };
}

const visible = (c: ScreeningContext, r: PersonColumns) =>
  decide(c.actor, {
    action: 'screening.read',
    areaCode: placeOf({ areaCode: r.area_code, villageCode: r.village_code }),
  }).allow;

export async function dueList(c: ScreeningContext, q: DueQuery) {
  // Closed groups come with a later issue; say so rather than answer an empty list.
  if (q.group !== undefined) throw invalid('query.group', 'groups_not_available');
  const month = q.month ?? bangkokMonth(c.now);
  const where = areaCondition(c.actor, q.area, personSql);
  const after = decodeCursor(q.cursor, 3) as [string, string, string] | null;
  const rows = where
    ? await dueRows(c.db, {
        where,
        start: monthStart(month),
        end: monthStart(shiftMonth(month, 1)),
        previousStart: monthStart(shiftMonth(month, -1)),
        assignee: q.assignee === 'me' ? c.actor.userId : null,
        after,
        limit: q.limit,
      })
    : [];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const items = page.filter((r) => visible(c, r)).map((r) => dueItem(r, monthStart(month)));
  await audit(c.db, c.actor, {
    action: 'screening.due.list',
    entity: 'screening',
    detail: { month, count: items.length, ...(q.area ? { area: q.area } : {}) },
  });
  return {
    month,
    items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.last_name, last.first_name, last.id]) : null,
  };
}

function dueItem(r: DueRow, start: string): DueItem {
  const overdue = !r.done_this && !r.done_last && r.registered_before_month;
  const monthly = r.done_this
    ? []
    : [{ instrument: MONTHLY, reason: 'monthly', overdue, screeningId: null, since: null }];
  const followUps = r.follow_ups.map((f) => {
    const since = isoOf(f.since);
    return {
      instrument: f.instrument,
      reason: f.reason,
      overdue: since < start,
      screeningId: f.screeningId,
      since,
    };
  });
  return {
    personId: r.id,
    person: personOf(r),
    due: [...monthly, ...followUps],
    overdue,
    lastScreenedAt: r.last_taken ? isoOf(r.last_taken) : null,
  };
}

export async function worseList(
  c: ScreeningContext,
  q: { month?: string; area?: string; limit: number; cursor?: string },
) {
  const month = q.month ?? bangkokMonth(c.now);
  const where = areaCondition(c.actor, q.area, {
    areaCode: sql`s.area_code`,
    villageCode: sql`p.village_code`,
  });
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = where ? await worseRows(c.db, { where, month, after, limit: q.limit }) : [];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const items = page
    .filter((r) => visible(c, r))
    .map((r) => ({
      personId: r.id,
      person: personOf(r),
      screeningId: r.screening_id,
      takenAt: isoOf(r.taken_at),
      levels: r.levels as Record<string, Level>,
      previousScreeningId: r.previous_id,
      previousTakenAt: isoOf(r.previous_taken_at),
      previousLevels: r.previous_levels as Record<string, Level>,
      worse: worseDimensions(r.previous_levels, r.levels),
    }));
  await audit(c.db, c.actor, {
    action: 'screening.worse.list',
    entity: 'screening',
    detail: { month, count: items.length, ...(q.area ? { area: q.area } : {}) },
  });
  return {
    month,
    items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([isoOf(last.taken_at), last.screening_id]) : null,
  };
}
