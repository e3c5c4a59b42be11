/**
 * What partners did in a group: the audit rows written with this group's id,
 * newest first. Reads are left out (the feed is about work done). A person is
 * named only to a caller the policy lets read them; others see the person's
 * alias in this group while they are enrolled and consenting, or nothing.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { GroupRole } from '../../../core/schemas/group.ts';
import { auditLog, groupPersons, persons, users } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { invalid } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { iso } from '../users/repo.ts';
import { filterAccessible } from './access.ts';
import { aliasOf } from './alias.ts';
import type { GroupContext } from './context.ts';
import { loadGroup } from './load.ts';
import { visibleEnrolment } from './repo.ts';

/** Actions that only looked at something: not activity. */
const READ = sql`${auditLog.action} !~ '\\.(read|list)$'`;

export async function groupActivity(c: GroupContext, groupId: string, q: { limit: number; cursor?: string }) {
  const { group } = await loadGroup(c, groupId, 'group.read');
  // Newest first along audit_group_idx (group_id, at); the id breaks ties within a millisecond.
  const after = decodeCursor(q.cursor, 2) as [string, number] | null;
  if (
    after &&
    (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || !Number.isSafeInteger(after[1]))
  )
    throw invalid('query.cursor', 'bad_cursor');
  const rows = await c.db
    .select({ row: auditLog, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.groupId, groupId),
        eq(auditLog.outcome, 'ok'),
        READ,
        after ? sql`(${auditLog.at}, ${auditLog.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => [iso(last.row.at), last.row.id]);

  const personIds = [
    ...new Set(
      page.items.flatMap(({ row }) =>
        row.entity === 'person' && row.entityId ? [row.entityId] : (row.subjectIds ?? []).slice(0, 1),
      ),
    ),
  ];
  const assigneeOf = (detail: unknown) => {
    const id = (detail as { userId?: unknown } | null)?.userId;
    return typeof id === 'string' ? id : null;
  };
  const memberIds = [
    ...new Set(
      page.items.flatMap(({ row }) => [
        ...(row.entity === 'user' && row.entityId ? [row.entityId] : []),
        ...(row.action.startsWith('group.assignment.') && assigneeOf(row.detail)
          ? [assigneeOf(row.detail)!]
          : []),
      ]),
    ),
  ];
  const [people, enrolled, members] = await Promise.all([
    personIds.length === 0
      ? []
      : c.db
          .select({
            id: persons.id,
            areaCode: persons.areaCode,
            villageCode: persons.villageCode,
            title: persons.title,
            firstName: persons.firstName,
            lastName: persons.lastName,
          })
          .from(persons)
          .where(inArray(persons.id, personIds)),
    personIds.length === 0
      ? []
      : c.db
          .select({ id: groupPersons.personId })
          .from(groupPersons)
          .innerJoin(persons, eq(persons.id, groupPersons.personId))
          .where(and(visibleEnrolment(groupId), inArray(groupPersons.personId, personIds))),
    memberIds.length === 0
      ? []
      : c.db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, memberIds)),
  ]);
  const named = new Map((await filterAccessible(c, 'person.read', people)).map((p) => [p.id, p]));
  const aliased = new Set(enrolled.map((e) => e.id));
  const memberNames = new Map(members.map((m) => [m.id, m.displayName]));

  const items = page.items.map(({ row, actorName }) => {
    const detail = (row.detail ?? {}) as Record<string, unknown>;
    const personId = row.entity === 'person' ? row.entityId : (row.subjectIds?.[0] ?? null);
    let subject = null as
      | { kind: 'person'; personId?: string; name?: string; alias?: string }
      | { kind: 'member'; userId: string; displayName: string | null }
      | null;
    if (row.entity === 'user' && row.entityId) {
      subject = { kind: 'member', userId: row.entityId, displayName: memberNames.get(row.entityId) ?? null };
    } else if (personId) {
      const p = named.get(personId);
      subject = p
        ? {
            kind: 'person',
            personId,
            name: `${p.firstName} ${p.lastName}`,
            alias: aliasOf(c.aliasKey, groupId, personId),
          }
        : aliased.has(personId)
          ? { kind: 'person', alias: aliasOf(c.aliasKey, groupId, personId) }
          : { kind: 'person' };
    }
    return {
      id: row.id,
      at: iso(row.at),
      action: row.action,
      actor: row.actorId ? { id: row.actorId, displayName: actorName ?? '' } : null,
      subject,
      ...(typeof detail.role === 'string' ? { role: detail.role as GroupRole } : {}),
      ...(typeof detail.previousRole === 'string' ? { previousRole: detail.previousRole as GroupRole } : {}),
      ...(Array.isArray(detail.fields) ? { fields: detail.fields.map(String) } : {}),
      ...(row.action.startsWith('group.assignment.') && assigneeOf(row.detail)
        ? {
            assignee: {
              userId: assigneeOf(row.detail)!,
              displayName: memberNames.get(assigneeOf(row.detail)!) ?? null,
            },
          }
        : {}),
    };
  });
  await audit(c.db, c.actor, {
    action: 'group.activity.list',
    entity: 'group',
    entityId: groupId,
    areaCode: group.areaCode,
    groupId,
    detail: { count: items.length },
    subjectIds: [...named.keys()],
  });
  return { items, nextCursor: page.nextCursor };
}
