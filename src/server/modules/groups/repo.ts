/** The SQL of closed groups. Services decide; this only reads and writes rows. */
import { type AnyColumn, and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { GroupRole } from '../../../core/schemas/group.ts';
import type { Db } from '../../db/client.ts';
import { careGroups, groupAssignments, groupMembers, groupPersons, persons, users } from '../../db/schema.ts';

export type GroupRow = typeof careGroups.$inferSelect;
export const WELLBEING = 'wellbeing20';

export async function findGroup(db: Db, id: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(careGroups).where(eq(careGroups.id, id));
  return row;
}

export function isActive(group: Pick<GroupRow, 'startsOn' | 'endsOn'>, today: string): boolean {
  return group.startsOn <= today && (group.endsOn === null || group.endsOn >= today);
}

export async function roleIn(db: Db, groupId: string, userId: string): Promise<GroupRole | null> {
  const [row] = await db
    .select({ role: groupMembers.role })
    .from(groupMembers)
    .where(
      and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), isNull(groupMembers.removedAt)),
    );
  return (row?.role as GroupRole | undefined) ?? null;
}

/**
 * The person's consent to share within a group is in force: the latest
 * share_group record grants it (consent_person_idx serves the lookup).
 */
export function sharesWithGroups(personId: AnyColumn | SQL): SQL {
  return sql`coalesce((select c.granted from consent c
    where c.person_id = ${personId} and c.purpose = 'share_group'
    order by c.recorded_at desc, c.id desc limit 1), false)`;
}

/** Enrolled, not discharged, not merged away, and still consenting: the people a group works with. */
export function visibleEnrolment(groupId: string): SQL {
  return and(
    eq(groupPersons.groupId, groupId),
    isNull(groupPersons.dischargedAt),
    isNull(persons.mergedInto),
    sharesWithGroups(groupPersons.personId),
  )!;
}

/** Active members and visible enrolled people per group, for the group cards. */
export async function countsOf(
  db: Db,
  groupIds: string[],
): Promise<Map<string, { members: number; persons: number }>> {
  const out = new Map(groupIds.map((id) => [id, { members: 0, persons: 0 }]));
  if (groupIds.length === 0) return out;
  const [members, enrolled] = await Promise.all([
    db
      .select({ id: groupMembers.groupId, n: sql<number>`count(*)::int` })
      .from(groupMembers)
      .where(and(inArray(groupMembers.groupId, groupIds), isNull(groupMembers.removedAt)))
      .groupBy(groupMembers.groupId),
    db
      .select({ id: groupPersons.groupId, n: sql<number>`count(*)::int` })
      .from(groupPersons)
      .innerJoin(persons, eq(persons.id, groupPersons.personId))
      .where(
        and(
          inArray(groupPersons.groupId, groupIds),
          isNull(groupPersons.dischargedAt),
          isNull(persons.mergedInto),
          sharesWithGroups(groupPersons.personId),
        ),
      )
      .groupBy(groupPersons.groupId),
  ]);
  for (const m of members) out.get(m.id)!.members = m.n;
  for (const e of enrolled) out.get(e.id)!.persons = e.n;
  return out;
}

/** Current assignee of each person in a group. */
export async function assigneesOf(
  db: Db,
  groupId: string,
  personIds: string[],
): Promise<Map<string, { userId: string; displayName: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({
      personId: groupAssignments.personId,
      userId: groupAssignments.userId,
      displayName: users.displayName,
    })
    .from(groupAssignments)
    .innerJoin(users, eq(users.id, groupAssignments.userId))
    .where(
      and(
        eq(groupAssignments.groupId, groupId),
        inArray(groupAssignments.personId, personIds),
        isNull(groupAssignments.endedAt),
      ),
    );
  return new Map(rows.map((r) => [r.personId, { userId: r.userId, displayName: r.displayName }]));
}

export interface LatestScreening {
  levels: Record<string, string>;
  takenAt: string;
}

/** Each person's latest monthly well-being screening (screening_person_instrument_idx). */
export async function latestWellbeing(db: Db, personIds: string[]): Promise<Map<string, LatestScreening>> {
  if (personIds.length === 0) return new Map();
  const result = (await db.execute(
    sql`select distinct on (s.person_id) s.person_id, s.levels, s.taken_at
      from screening s
      where s.person_id = any(${sql.param(personIds)}::uuid[]) and s.instrument = ${WELLBEING}
      order by s.person_id, s.taken_at desc, s.id desc`,
  )) as unknown as { rows: { person_id: string; levels: Record<string, string>; taken_at: unknown }[] };
  return new Map(result.rows.map((r) => [r.person_id, { levels: r.levels, takenAt: isoOf(r.taken_at) }]));
}

/** Who among `personIds` has a monthly screening in [start, end). */
export async function screenedBetween(
  db: Db,
  personIds: string[],
  start: string,
  end: string,
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const result = (await db.execute(
    sql`select distinct s.person_id from screening s
      where s.person_id = any(${sql.param(personIds)}::uuid[]) and s.instrument = ${WELLBEING}
        and s.taken_at >= ${start}::timestamptz and s.taken_at < ${end}::timestamptz`,
  )) as unknown as { rows: { person_id: string }[] };
  return new Set(result.rows.map((r) => r.person_id));
}

/** Ids of every visible enrolled person of a group (bounded by the group's size). */
export async function visibleIds(db: Db, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ id: groupPersons.personId })
    .from(groupPersons)
    .innerJoin(persons, eq(persons.id, groupPersons.personId))
    .where(visibleEnrolment(groupId))
    .orderBy(asc(groupPersons.enrolledAt), asc(groupPersons.id));
  return rows.map((r) => r.id);
}

/** Timestamps arrive as text (pg) or Date (PGlite raw queries); the API speaks ISO 8601. */
export function isoOf(value: unknown): string {
  return new Date(value as string | Date).toISOString();
}
