/** The monthly follow-up lists: who is due, who got worse. */
import { type SQL, sql } from 'drizzle-orm';
import type { Level } from '../../../core/instruments/index.ts';
import { type DueItem, type DueQuery, uuid } from '../../../core/schemas/index.ts';
import { worseDimensions } from '../../../core/screenings/change.ts';
import { bangkokMonth, monthStart, shiftMonth } from '../../../core/screenings/month.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { filterAccessible } from '../groups/access.ts';
import { findGroup, roleIn } from '../groups/repo.ts';
import { accessOf, type ScreeningContext } from './context.ts';
import { isoOf } from './iso.ts';
import { type DueRow, dueRows, MONTHLY, type PersonColumns, worseRows } from './listsRepo.ts';
import { areaCondition, codeCondition } from './scope.ts';

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

/** The rows whose person the actor may see (area team, a group that identifies them, or the person). */
async function visibleRows<T extends PersonColumns>(c: ScreeningContext, rows: T[]): Promise<T[]> {
  const placed = rows.map((r) => ({ id: r.id, areaCode: r.area_code, villageCode: r.village_code, row: r }));
  return (await filterAccessible(accessOf(c), 'screening.read', placed)).map((p) => p.row);
}

/**
 * Who the list covers: the enrolled people of one group the actor may read
 * (DOMAIN.md step 9: the group follows up its people), else the actor's areas.
 */
async function dueScope(c: ScreeningContext, q: DueQuery): Promise<SQL | null> {
  if (q.group === undefined) return areaCondition(c.actor, q.area, personSql);
  const id = uuid.safeParse(q.group);
  if (!id.success) throw invalid('query.group', 'invalid');
  const group = await findGroup(c.db, id.data);
  if (!group) throw notFound();
  ensureAllowed(c.actor, {
    action: 'group.read',
    areaCode: group.areaCode,
    role: await roleIn(c.db, group.id, c.actor.userId),
  });
  const enrolled = sql`p.id in (select gp.person_id from group_person gp
    where gp.group_id = ${group.id} and gp.discharged_at is null)`;
  return q.area ? sql`${enrolled} and ${codeCondition(q.area, personSql)}` : enrolled;
}

export async function dueList(c: ScreeningContext, q: DueQuery) {
  const month = q.month ?? bangkokMonth(c.now);
  const where = await dueScope(c, q);
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
  const items = (await visibleRows(c, page)).map((r) => dueItem(r, monthStart(month)));
  await audit(c.db, c.actor, {
    action: 'screening.due.list',
    entity: 'screening',
    groupId: q.group ?? null,
    detail: { month, count: items.length, ...(q.area ? { area: q.area } : {}) },
    subjectIds: items.map((i) => i.personId),
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
  const items = (await visibleRows(c, page)).map((r) => ({
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
    subjectIds: items.map((i) => i.personId),
  });
  return {
    month,
    items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([isoOf(last.taken_at), last.screening_id]) : null,
  };
}
