import { and, arrayOverlaps, asc, desc, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import { statusesOnCalendar, type VisitSlot } from '../../../core/services/calendar.ts';
import type { Db } from '../../db/client.ts';
import {
  areas,
  consents,
  organizations,
  persons,
  planActivities,
  users,
  visitAssignments,
  visits,
} from '../../db/schema.ts';
import { isoOf } from '../screenings/iso.ts';

export type VisitRow = typeof visits.$inferSelect;

/**
 * Ids as one array parameter, as elsewhere in the server (`sql.param`): thousands of bound parameters
 * cost more to build and plan than the query takes to run.
 */
const uuidArray = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;

export async function findVisit(db: Db, id: string): Promise<VisitRow | undefined> {
  const [row] = await db.select().from(visits).where(eq(visits.id, id)).limit(1);
  return row;
}

export async function findVisitByClientId(db: Db, clientId: string): Promise<VisitRow | undefined> {
  const [row] = await db.select().from(visits).where(eq(visits.clientId, clientId)).limit(1);
  return row;
}

export async function lockVisit(db: Db, id: string): Promise<VisitRow | undefined> {
  const [row] = await db.select().from(visits).where(eq(visits.id, id)).for('update');
  return row;
}

/** A person's visits, latest first (keyset on starts_at, id). */
export async function visitsOfPerson(
  db: Db,
  personId: string,
  q: { status?: string; after: [string, string] | null; limit: number },
): Promise<VisitRow[]> {
  return db
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.personId, personId),
        q.status ? eq(visits.status, q.status) : undefined,
        q.after
          ? sql`(${visits.startsAt}, ${visits.id}) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(visits.startsAt), desc(visits.id))
    .limit(q.limit + 1);
}

export type CalendarScope =
  | { kind: 'organization'; organizationId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'area'; areaCode: string };

function scopeWhere(scope: CalendarScope): SQL {
  switch (scope.kind) {
    case 'organization':
      return eq(visits.organizationId, scope.organizationId);
    case 'user':
      return arrayOverlaps(visits.assigneeIds, [scope.userId]);
    case 'area':
      // Visits carry the subdistrict and the village. Equality on the subdistrict uses visit_area_idx;
      // a village narrows it further, a district or province is a prefix.
      if (scope.areaCode.length > 6) {
        return and(
          eq(visits.areaCode, scope.areaCode.slice(0, 6)),
          eq(visits.villageCode, scope.areaCode),
        ) as SQL;
      }
      return scope.areaCode.length === 6
        ? eq(visits.areaCode, scope.areaCode)
        : like(visits.areaCode, `${scope.areaCode}%`);
  }
}

/** The visits of one calendar that start in [start, end), in time order; one more than `limit` if more. */
export async function calendarRows(
  db: Db,
  scope: CalendarScope,
  range: { start: string; end: string },
  limit: number,
): Promise<VisitRow[]> {
  return db
    .select()
    .from(visits)
    .where(and(scopeWhere(scope), gte(visits.startsAt, range.start), lt(visits.startsAt, range.end)))
    .orderBy(asc(visits.startsAt), asc(visits.id))
    .limit(limit + 1);
}

/** An instant range, ISO: [start, end). */
interface Span {
  start: string;
  end: string;
}

interface CandidateQuery {
  shownIds: string[];
  /** The people's visits in this span (whole ISO weeks). */
  people: Span & { ids: string[] };
  /** The users' busy days and overlap runs in this span (whole Thai days and a margin). */
  users: Span & { ids: string[]; visitsPerDay: number };
}

/**
 * The visits that could take part in a warning about the `shown` visits — not every visit their people
 * and assignees have: every visit of the people in `people`'s span (their weeks are judged whole), and
 * of the assignees' visits in `users`' span only the days over `visitsPerDay` and the runs of
 * overlapping visits that hold a shown visit. Every group that can warn about a shown visit comes whole, so the
 * rules in core judge these as they would judge all (an organisation's month reached 22,000
 * neighbouring visits, too many to judge per request); a group that comes in part cannot name one.
 */
export async function conflictCandidates(db: Db, q: CandidateQuery): Promise<VisitSlot[]> {
  const inRange = and(
    gte(visits.startsAt, q.people.start),
    lt(visits.startsAt, q.people.end),
    inArray(visits.status, [...statusesOnCalendar]),
  );
  const [ofPeople, ofUsers] = await Promise.all([
    q.people.ids.length > 0
      ? db
          .select({
            id: visits.id,
            personId: visits.personId,
            organizationId: visits.organizationId,
            assigneeIds: visits.assigneeIds,
            startsAt: visits.startsAt,
            durationMinutes: visits.durationMinutes,
            status: visits.status,
          })
          .from(visits)
          .where(and(sql`${visits.personId} = any(${uuidArray(q.people.ids)})`, inRange))
      : [],
    q.users.ids.length > 0 ? busyAssignees(db, q.shownIds, q.users) : [],
  ]);
  const people = ofPeople.map((r) => ({ ...r, startsAt: isoOf(r.startsAt) }));
  return [...new Map([...people, ...ofUsers].map((r) => [r.id, r])).values()];
}

/**
 * The assignees' busy days and overlap runs that hold a shown visit, whole. Per user in start order: a
 * visit starts a new run unless it overlaps one before it; then each day's and each run's size and
 * whether it holds a shown visit.
 */
async function busyAssignees(db: Db, shownIds: string[], q: CandidateQuery['users']): Promise<VisitSlot[]> {
  // The assignees' rows come from visit_assignment's index, narrow and in each user's time order (no
  // unnesting of every visit of the span, no wide rows through the sorts); the few visits picked are
  // read whole by their primary key at the end.
  const result = (await db.execute(sql`
    with assigned as (
      select a.visit_id as id, a.user_id, a.starts_at, a.ends_at,
        a.visit_id = any(${uuidArray(shownIds)}) as shown,
        -- The Thai day, as thaiDay in core: UTC+7, no daylight saving.
        date_trunc('day', (a.starts_at at time zone 'UTC') + interval '7 hours') as thai_day
      from ${visitAssignments} a
      where a.user_id = any(${uuidArray(q.ids)}) and a.starts_at >= ${q.start} and a.starts_at < ${q.end}
        and a.status = any(${sql.param([...statusesOnCalendar])}::text[])
    ), marked as (
      select *,
        coalesce(starts_at < max(ends_at) over (partition by user_id order by starts_at, id
          rows between unbounded preceding and 1 preceding), false) as overlaps_before
      from assigned
    ), runs as (
      select *,
        sum(case when overlaps_before then 0 else 1 end) over (partition by user_id order by starts_at, id
          rows between unbounded preceding and current row) as run
      from marked
    ), flagged as (
      select id,
        count(*) over (partition by user_id, thai_day) as on_day,
        bool_or(shown) over (partition by user_id, thai_day) as day_shown,
        count(*) over (partition by user_id, run) as run_size,
        bool_or(shown) over (partition by user_id, run) as run_shown
      from runs
    )
    select id, person_id, organization_id, assignee_ids, starts_at, duration_minutes, status
    from ${visits}
    where id = any(array(
      select id from flagged where (on_day > ${q.visitsPerDay} and day_shown) or (run_size > 1 and run_shown)
    ))`)) as unknown as {
    rows: {
      id: string;
      person_id: string;
      organization_id: string | null;
      assignee_ids: string[];
      starts_at: unknown;
      duration_minutes: number;
      status: string;
    }[];
  };
  return result.rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    organizationId: r.organization_id,
    assigneeIds: r.assignee_ids,
    startsAt: isoOf(r.starts_at),
    durationMinutes: r.duration_minutes,
    status: r.status,
  }));
}

export const slotOf = (v: VisitRow): VisitSlot => ({
  id: v.id,
  personId: v.personId,
  organizationId: v.organizationId,
  assigneeIds: v.assigneeIds,
  startsAt: isoOf(v.startsAt),
  durationMinutes: v.durationMinutes,
  status: v.status,
});

export interface PersonNameRow {
  id: string;
  areaCode: string;
  villageCode: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
}

export async function personNames(db: Db, ids: string[]): Promise<Map<string, PersonNameRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      title: persons.title,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(persons)
    .where(sql`${persons.id} = any(${uuidArray(wanted)})`);
  return new Map(rows.map((r) => [r.id, r]));
}

export interface UserBrief {
  id: string;
  displayName: string;
  roles: string[];
  organizationId: string | null;
  areaCodes: string[];
  disabled: boolean;
}

export async function usersByIds(db: Db, ids: readonly string[]): Promise<Map<string, UserBrief>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      organizationId: users.organizationId,
      areaCodes: users.areaCodes,
      disabled: users.disabled,
    })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Active staff accounts that work in a subdistrict (an area code covering it or inside it) or belong to
 * an organisation: whom a visit to someone there may be given to. Citizens never.
 */
export async function assignableUsers(
  db: Db,
  q: { subdistrict: string; organizationId: string | null; text?: string; limit: number },
): Promise<(UserBrief & { organizationName: string | null })[]> {
  const covering = [q.subdistrict.slice(0, 2), q.subdistrict.slice(0, 4), q.subdistrict];
  const where = [
    sql`(${arrayOverlaps(users.areaCodes, covering)} or exists (select 1 from unnest(${users.areaCodes}) c where c like ${`${q.subdistrict}%`})${q.organizationId ? sql` or ${eq(users.organizationId, q.organizationId)}` : sql``})`,
    eq(users.disabled, false),
    sql`not (${users.roles} <@ array['citizen']::text[])`,
    sql`not (${users.roles} && array['operator']::text[])`,
  ];
  if (q.text) where.push(sql`${users.displayName} ilike ${`%${q.text.replace(/[\\%_]/g, '\\$&')}%`}`);
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      organizationId: users.organizationId,
      areaCodes: users.areaCodes,
      disabled: users.disabled,
      organizationName: organizations.name,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(...where))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(q.limit);
  return rows;
}

export async function areaName(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ name: areas.nameTh }).from(areas).where(eq(areas.code, code)).limit(1);
  return row?.name ?? null;
}

/** The plan activity, if it is one of this person's (any version of any of their plans). */
export async function planActivityOf(
  db: Db,
  personId: string,
  id: string,
): Promise<{ id: string; title: string } | undefined> {
  const [row] = await db
    .select({ id: planActivities.id, title: planActivities.title })
    .from(planActivities)
    .where(and(eq(planActivities.id, id), eq(planActivities.personId, personId)))
    .limit(1);
  return row;
}

export async function planActivityTitles(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: planActivities.id, title: planActivities.title })
    .from(planActivities)
    .where(sql`${planActivities.id} = any(${uuidArray(wanted)})`);
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The people whose current consent to share with agencies names this organisation. */
export async function sharingWith(db: Db, organizationId: string, personIds: string[]): Promise<Set<string>> {
  const wanted = [...new Set(personIds)];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectDistinctOn([consents.personId], {
      personId: consents.personId,
      granted: consents.granted,
      agencies: consents.agencies,
    })
    .from(consents)
    .where(and(sql`${consents.personId} = any(${uuidArray(wanted)})`, eq(consents.purpose, 'share_agencies')))
    .orderBy(consents.personId, desc(consents.recordedAt), desc(consents.id));
  return new Set(rows.filter((r) => r.granted && r.agencies.includes(organizationId)).map((r) => r.personId));
}
