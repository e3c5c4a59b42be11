/**
 * The group's home page (issue 5 item 6): members by role, how many people are
 * enrolled, their latest well-being levels, and who is due this month. Admins
 * of a running group see names and every number; everyone else sees counts
 * with small cells hidden, and names only of the people assigned to them.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { groupRoles } from '../../../core/schemas/group.ts';
import { bangkokMonth, monthStart, shiftMonth } from '../../../core/screenings/month.ts';
import { suppressSmallCells } from '../../../core/stats/suppress.ts';
import { groupMembers, persons } from '../../db/schema.ts';
import { areaNames } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { filterAccessible } from './access.ts';
import type { GroupContext } from './context.ts';
import { loadGroup } from './load.ts';
import { assigneesOf, latestWellbeing, screenedBetween, visibleIds } from './repo.ts';
import { dimensions } from './schemas.ts';

/** At most this many names in the due list of the home page; the count is always whole. */
const DUE_ITEMS = 200;

type Cells = { green: number; yellow: number; red: number };

export async function groupHome(c: GroupContext, groupId: string) {
  const { group, manager, active } = await loadGroup(c, groupId, 'group.read');
  const entitled = manager && active;

  const byRole = await c.db
    .select({ role: groupMembers.role, n: sql<number>`count(*)::int` })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), isNull(groupMembers.removedAt)))
    .groupBy(groupMembers.role);
  const membersByRole = Object.fromEntries(groupRoles.map((r) => [r, 0])) as Record<string, number>;
  for (const r of byRole) membersByRole[r.role] = r.n;

  const ids = await visibleIds(c.db, groupId);
  const latest = await latestWellbeing(c.db, ids);
  const levels = {} as Record<string, { green: number | null; yellow: number | null; red: number | null }>;
  for (const d of dimensions) {
    const cells: Cells = { green: 0, yellow: 0, red: 0 };
    for (const s of latest.values()) {
      const level = s.levels[d];
      if (level === 'green' || level === 'yellow' || level === 'red') cells[level] += 1;
    }
    levels[d] = entitled ? cells : suppressSmallCells(cells);
  }

  const month = bangkokMonth(c.now);
  const [thisMonth, lastMonth] = await Promise.all([
    screenedBetween(c.db, ids, monthStart(month), monthStart(shiftMonth(month, 1))),
    screenedBetween(c.db, ids, monthStart(shiftMonth(month, -1)), monthStart(month)),
  ]);
  const dueIds = ids.filter((id) => !thisMonth.has(id));
  const dueCells = { count: dueIds.length, done: ids.length - dueIds.length };
  const dueCounts = entitled ? dueCells : suppressSmallCells(dueCells);

  const assignees = await assigneesOf(c.db, groupId, dueIds);
  // Admins see everyone due; other members only their own cases, and only while the policy lets them read them.
  const candidates = entitled
    ? dueIds.slice(0, DUE_ITEMS)
    : active
      ? dueIds.filter((id) => assignees.get(id)?.userId === c.actor.userId).slice(0, DUE_ITEMS)
      : [];
  const rows =
    candidates.length === 0
      ? []
      : await c.db
          .select({
            id: persons.id,
            areaCode: persons.areaCode,
            villageCode: persons.villageCode,
            title: persons.title,
            firstName: persons.firstName,
            lastName: persons.lastName,
          })
          .from(persons)
          .where(inArray(persons.id, candidates));
  const order = new Map(candidates.map((id, i) => [id, i]));
  const visible = (await filterAccessible(c, 'person.read', rows)).sort(
    (a, b) => order.get(a.id)! - order.get(b.id)!,
  );
  const villages = await areaNames(c.db, [
    ...new Set(visible.map((p) => p.villageCode).filter((v): v is string => v !== null)),
  ]);
  const items = visible.map((p) => ({
    personId: p.id,
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    villageName: p.villageCode ? (villages.get(p.villageCode) ?? null) : null,
    lastScreenedAt: latest.get(p.id)?.takenAt ?? null,
    overdue: !lastMonth.has(p.id),
    assignee: assignees.get(p.id) ?? null,
  }));

  await audit(c.db, c.actor, {
    action: 'group.home.read',
    entity: 'group',
    entityId: groupId,
    areaCode: group.areaCode,
    groupId,
    detail: { named: items.length },
    subjectIds: items.map((i) => i.personId),
  });
  return {
    membersByRole,
    enrolled: ids.length,
    screened: latest.size,
    levels,
    suppressed:
      dueCounts.count === null ||
      Object.values(levels).some((cells) => Object.values(cells).some((v) => v === null)),
    due: {
      month,
      count: dueCounts.count,
      done: dueCounts.done,
      items,
      complete: entitled && dueIds.length <= DUE_ITEMS,
    },
  };
}
