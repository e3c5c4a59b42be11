/** Who in a group works a person's case (issue 5 item 3): assigned by admins, reassignment keeps history. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { GroupRole } from '../../../core/schemas/group.ts';
import type { Db } from '../../db/client.ts';
import { groupAssignments, groupPersons, persons, users } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { iso } from '../users/repo.ts';
import type { GroupContext } from './context.ts';
import { ensureRunning, groupRule, loadGroup } from './load.ts';
import { CASE_ROLES } from './members.ts';
import { roleIn, sharesWithGroups, visibleEnrolment } from './repo.ts';

type AssignmentRow = typeof groupAssignments.$inferSelect;

export async function assign(c: GroupContext, groupId: string, input: { personId: string; userId: string }) {
  const loaded = await loadGroup(c, groupId, 'group.manage');
  ensureRunning(loaded);
  await ensureEnrolled(c.db, groupId, input.personId);
  const role = await roleIn(c.db, groupId, input.userId);
  if (!role || !CASE_ROLES.includes(role as GroupRole)) throw groupRule('group_assignee_role', 'userId');

  const result = await c.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(groupAssignments)
      .where(
        and(
          eq(groupAssignments.groupId, groupId),
          eq(groupAssignments.personId, input.personId),
          isNull(groupAssignments.endedAt),
        ),
      )
      .for('update');
    if (current?.userId === input.userId) return { row: current, created: false };
    if (current) await end(tx, c, current.id);
    const [row] = await tx
      .insert(groupAssignments)
      .values({ groupId, personId: input.personId, userId: input.userId, assignedBy: c.actor.userId })
      .returning();
    await audit(tx, c.actor, {
      action: current ? 'group.assignment.change' : 'group.assignment.add',
      entity: 'person',
      entityId: input.personId,
      areaCode: loaded.group.areaCode,
      groupId,
      detail: { userId: input.userId, ...(current ? { previousUserId: current.userId } : {}) },
      subjectIds: [input.personId],
    });
    return { row: row!, created: true };
  });
  return { assignment: await present(c.db, result.row), created: result.created };
}

export async function unassign(c: GroupContext, groupId: string, personId: string): Promise<void> {
  const { group } = await loadGroup(c, groupId, 'group.manage');
  await c.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(groupAssignments)
      .where(
        and(
          eq(groupAssignments.groupId, groupId),
          eq(groupAssignments.personId, personId),
          isNull(groupAssignments.endedAt),
        ),
      )
      .for('update');
    if (!current) throw notFound();
    await end(tx, c, current.id);
    await audit(tx, c.actor, {
      action: 'group.assignment.end',
      entity: 'person',
      entityId: personId,
      areaCode: group.areaCode,
      groupId,
      detail: { userId: current.userId },
      subjectIds: [personId],
    });
  });
}

/** Every assignment of one person in the group, newest first: who, from when, until when, by whom. */
export async function assignmentHistory(c: GroupContext, groupId: string, personId: string) {
  const { group } = await loadGroup(c, groupId, 'group.manage');
  // A person who withdrew consent to share is not visible through the group, history included.
  await ensureEnrolled(c.db, groupId, personId, true);
  const assignedBy = alias(users, 'assigned_by_user');
  const endedBy = alias(users, 'ended_by_user');
  const rows = await c.db
    .select({
      row: groupAssignments,
      displayName: users.displayName,
      assignedByName: assignedBy.displayName,
      endedByName: endedBy.displayName,
    })
    .from(groupAssignments)
    .innerJoin(users, eq(users.id, groupAssignments.userId))
    .leftJoin(assignedBy, eq(assignedBy.id, groupAssignments.assignedBy))
    .leftJoin(endedBy, eq(endedBy.id, groupAssignments.endedBy))
    .where(and(eq(groupAssignments.groupId, groupId), eq(groupAssignments.personId, personId)))
    .orderBy(desc(groupAssignments.assignedAt), desc(groupAssignments.id));
  await audit(c.db, c.actor, {
    action: 'group.assignment.history.read',
    entity: 'person',
    entityId: personId,
    areaCode: group.areaCode,
    groupId,
    subjectIds: [personId],
  });
  return {
    items: rows.map((r) => ({
      ...toAssignment(r.row, r.displayName),
      assignedByName: r.assignedByName,
      endedByName: r.endedByName,
    })),
  };
}

/** 404 unless the person is enrolled (or, with `everEnrolled`, was) and still consents to sharing. */
async function ensureEnrolled(db: Db, groupId: string, personId: string, everEnrolled = false) {
  const condition = everEnrolled
    ? and(
        eq(groupPersons.groupId, groupId),
        isNull(persons.mergedInto),
        sharesWithGroups(groupPersons.personId),
      )
    : visibleEnrolment(groupId);
  const [row] = await db
    .select({ id: groupPersons.id })
    .from(groupPersons)
    .innerJoin(persons, eq(persons.id, groupPersons.personId))
    .where(and(condition, eq(groupPersons.personId, personId)))
    .limit(1);
  if (!row) throw notFound();
}

async function end(db: Db, c: GroupContext, id: string) {
  await db
    .update(groupAssignments)
    .set({ endedAt: sql`now()`, endedBy: c.actor.userId })
    .where(eq(groupAssignments.id, id));
}

async function present(db: Db, row: AssignmentRow) {
  const [user] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.userId));
  return toAssignment(row, user?.name ?? '');
}

function toAssignment(row: AssignmentRow, displayName: string) {
  return {
    personId: row.personId,
    userId: row.userId,
    displayName,
    assignedAt: iso(row.assignedAt),
    endedAt: row.endedAt ? iso(row.endedAt) : null,
  };
}
