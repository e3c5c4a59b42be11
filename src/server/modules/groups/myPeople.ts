/** "My people": everyone assigned to the caller in the groups that are running, identified. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { bangkokMonth, monthStart, shiftMonth } from '../../../core/screenings/month.ts';
import { ageOn } from '../../../core/thai/birthDate.ts';
import { careGroups, groupAssignments, groupMembers, groupPersons, persons } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { areaNames } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { iso } from '../users/repo.ts';
import { filterAccessible } from './access.ts';
import type { GroupContext } from './context.ts';
import { levelsOf } from './persons.ts';
import { latestWellbeing, screenedBetween, sharesWithGroups } from './repo.ts';

export async function myPeople(c: GroupContext, q: { limit: number; cursor?: string }) {
  const me = c.actor.userId;
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await c.db
    .select({
      assignmentId: groupAssignments.id,
      assignedAt: groupAssignments.assignedAt,
      groupId: careGroups.id,
      groupName: careGroups.name,
      person: persons,
    })
    .from(groupAssignments)
    .innerJoin(careGroups, eq(careGroups.id, groupAssignments.groupId))
    .innerJoin(
      groupMembers,
      and(
        eq(groupMembers.groupId, groupAssignments.groupId),
        eq(groupMembers.userId, me),
        isNull(groupMembers.removedAt),
      ),
    )
    .innerJoin(
      groupPersons,
      and(
        eq(groupPersons.groupId, groupAssignments.groupId),
        eq(groupPersons.personId, groupAssignments.personId),
        isNull(groupPersons.dischargedAt),
      ),
    )
    .innerJoin(persons, eq(persons.id, groupAssignments.personId))
    .where(
      and(
        eq(groupAssignments.userId, me),
        isNull(groupAssignments.endedAt),
        sql`${careGroups.startsOn} <= ${c.today}::date`,
        sql`(${careGroups.endsOn} is null or ${careGroups.endsOn} >= ${c.today}::date)`,
        isNull(persons.mergedInto),
        sharesWithGroups(persons.id),
        after
          ? sql`(${groupAssignments.assignedAt}, ${groupAssignments.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(groupAssignments.assignedAt), asc(groupAssignments.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => [iso(last.assignedAt), last.assignmentId]);
  // The policy has the last word (a member made a viewer keeps no identified cases).
  const readable = new Set(
    (
      await filterAccessible(
        c,
        'person.read',
        page.items.map((r) => r.person),
      )
    ).map((p) => p.id),
  );
  const shown = page.items.filter((r) => readable.has(r.person.id));
  const ids = [...new Set(shown.map((r) => r.person.id))];
  const month = bangkokMonth(c.now);
  const [latest, screened, villages] = await Promise.all([
    latestWellbeing(c.db, ids),
    screenedBetween(c.db, ids, monthStart(month), monthStart(shiftMonth(month, 1))),
    areaNames(c.db, [
      ...new Set(shown.map((r) => r.person.villageCode).filter((v): v is string => v !== null)),
    ]),
  ]);
  const items = shown.map(({ person: p, groupId, groupName, assignedAt }) => ({
    personId: p.id,
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    sex: p.sex,
    age: ageOn(p.birthDate, c.today),
    phone: p.phone,
    houseNo: p.houseNo,
    villageNo: p.villageNo,
    villageName: p.villageCode ? (villages.get(p.villageCode) ?? null) : null,
    levels: levelsOf(latest.get(p.id)),
    lastScreenedAt: latest.get(p.id)?.takenAt ?? null,
    dueThisMonth: !screened.has(p.id),
    group: { id: groupId, name: groupName },
    assignedAt: iso(assignedAt),
  }));
  await audit(c.db, c.actor, {
    action: 'me.people.list',
    entity: 'person',
    detail: { count: items.length },
    subjectIds: ids,
  });
  return { items, nextCursor: page.nextCursor };
}
