/** Partner accounts in a group: added, re-roled and removed by its admins, with history kept. */
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { GroupRole } from '../../../core/schemas/group.ts';
import type { Db } from '../../db/client.ts';
import { careGroups, groupAssignments, groupMembers, organizations, users } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { iso } from '../users/repo.ts';
import type { GroupContext } from './context.ts';
import { groupRule, loadGroup } from './load.ts';
import type { GroupMember } from './schemas.ts';

/** Roles that carry cases; their assignments end when a member leaves these roles. */
export const CASE_ROLES: readonly GroupRole[] = ['case_worker', 'volunteer'];

type MemberRow = typeof groupMembers.$inferSelect;

/**
 * Adds a partner account from any organisation. Adding an existing member
 * with another role ends the old row and starts a new one (role history).
 */
export async function addMember(
  c: GroupContext,
  groupId: string,
  input: { userId: string; role: GroupRole },
): Promise<{ member: GroupMember; created: boolean }> {
  const { group } = await loadGroup(c, groupId, 'group.manage');
  const [user] = await c.db.select().from(users).where(eq(users.id, input.userId));
  if (!user || user.disabled) throw invalid('userId', 'group_user_unknown');
  if (user.roles.every((r) => r === 'citizen')) throw invalid('userId', 'group_user_citizen');

  const result = await c.db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const current = await activeMember(tx, groupId, input.userId);
    if (current?.role === input.role) return { row: current, created: false };
    let ended: string[] = [];
    if (current) {
      if (current.role === 'admin' && input.role !== 'admin') await ensureAnotherAdmin(tx, groupId);
      ended = await endMembership(tx, c, current, !CASE_ROLES.includes(input.role));
    }
    const [row] = await tx
      .insert(groupMembers)
      .values({ groupId, userId: input.userId, role: input.role, addedBy: c.actor.userId })
      .returning();
    await audit(tx, c.actor, {
      action: current ? 'group.member.role' : 'group.member.add',
      entity: 'user',
      entityId: input.userId,
      areaCode: group.areaCode,
      groupId,
      detail: {
        role: input.role,
        ...(current ? { previousRole: current.role, casesEnded: ended.length } : {}),
      },
      subjectIds: ended,
    });
    return { row: row!, created: true };
  });
  const [member] = await membersOf(c.db, groupId, { userId: input.userId });
  return { member: member ?? toMember(result.row, user.displayName, null), created: result.created };
}

/** Removes a member (history stays); the last admin cannot go. Their open cases are unassigned. */
export async function removeMember(c: GroupContext, groupId: string, userId: string): Promise<void> {
  const { group } = await loadGroup(c, groupId, 'group.manage');
  await c.db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    const current = await activeMember(tx, groupId, userId);
    if (!current) throw notFound();
    if (current.role === 'admin') await ensureAnotherAdmin(tx, groupId);
    const ended = await endMembership(tx, c, current, true);
    await audit(tx, c.actor, {
      action: 'group.member.remove',
      entity: 'user',
      entityId: userId,
      areaCode: group.areaCode,
      groupId,
      detail: { role: current.role, casesEnded: ended.length },
      subjectIds: ended,
    });
  });
}

export async function listMembers(
  c: GroupContext,
  groupId: string,
  q: { limit: number; cursor?: string },
): Promise<{ items: GroupMember[]; nextCursor: string | null }> {
  const { group } = await loadGroup(c, groupId, 'group.read');
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await membersOf(c.db, groupId, { after, limit: q.limit + 1 });
  const page = pageOf(rows, q.limit, (last) => [last.addedAt, last.id]);
  // Accounts hold names and contacts, so reading them is audited like user.list.
  await audit(c.db, c.actor, {
    action: 'group.member.list',
    entity: 'group',
    entityId: groupId,
    areaCode: group.areaCode,
    groupId,
    detail: { count: page.items.length },
  });
  return { items: page.items.map(({ id: _id, ...m }) => m), nextCursor: page.nextCursor };
}

/**
 * Accounts an admin may add, from every organisation, found by name or
 * username: display name, organisation and roles, nothing more.
 */
export async function memberCandidates(c: GroupContext, groupId: string, q: { q?: string; limit: number }) {
  const { group } = await loadGroup(c, groupId, 'group.manage');
  const text = q.q?.trim() ?? '';
  const escaped = text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const match = text
    ? or(ilike(users.displayName, `%${escaped}%`), ilike(users.username, `${escaped}%`))
    : undefined;
  const rows = await c.db
    .select({
      id: users.id,
      displayName: users.displayName,
      organizationName: organizations.name,
      roles: users.roles,
      memberRole: groupMembers.role,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(
      groupMembers,
      and(
        eq(groupMembers.userId, users.id),
        eq(groupMembers.groupId, groupId),
        isNull(groupMembers.removedAt),
      ),
    )
    .where(and(eq(users.disabled, false), sql`${users.roles} <> array['citizen']::text[]`, match))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(q.limit);
  await audit(c.db, c.actor, {
    action: 'group.member.candidates.list',
    entity: 'user',
    areaCode: group.areaCode,
    groupId,
    detail: { count: rows.length },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      organizationName: r.organizationName,
      roles: r.roles,
      memberRole: (r.memberRole as GroupRole | null) ?? null,
    })),
  };
}

async function membersOf(
  db: Db,
  groupId: string,
  opts: { userId?: string; after?: [string, string] | null; limit?: number },
): Promise<(GroupMember & { id: string })[]> {
  const rows = await db
    .select({ member: groupMembers, displayName: users.displayName, organizationName: organizations.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        isNull(groupMembers.removedAt),
        opts.userId ? eq(groupMembers.userId, opts.userId) : undefined,
        opts.after
          ? sql`(${groupMembers.addedAt}, ${groupMembers.id}) > (${opts.after[0]}::timestamptz, ${opts.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(groupMembers.addedAt), asc(groupMembers.id))
    .limit(opts.limit ?? 1000);
  return rows.map((r) => ({ id: r.member.id, ...toMember(r.member, r.displayName, r.organizationName) }));
}

function toMember(row: MemberRow, displayName: string, organizationName: string | null): GroupMember {
  return {
    userId: row.userId,
    displayName,
    organizationName,
    role: row.role as GroupRole,
    addedAt: iso(row.addedAt),
  };
}

/** Serialises membership changes of one group, so two admins cannot remove each other at once. */
async function lockGroup(db: Db, groupId: string) {
  await db.select({ id: careGroups.id }).from(careGroups).where(eq(careGroups.id, groupId)).for('update');
}

async function activeMember(db: Db, groupId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(groupMembers)
    .where(
      and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), isNull(groupMembers.removedAt)),
    );
  return row;
}

async function ensureAnotherAdmin(db: Db, groupId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(groupMembers)
    .where(
      and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'admin'), isNull(groupMembers.removedAt)),
    );
  if ((row?.n ?? 0) <= 1) throw groupRule('group_last_admin', 'userId');
}

/** Ends a membership row; with `endCases`, the member's open assignments end too. Returns those people. */
async function endMembership(db: Db, c: GroupContext, row: MemberRow, endCases: boolean): Promise<string[]> {
  await db
    .update(groupMembers)
    .set({ removedAt: sql`now()`, removedBy: c.actor.userId })
    .where(eq(groupMembers.id, row.id));
  if (!endCases) return [];
  const ended = await db
    .update(groupAssignments)
    .set({ endedAt: sql`now()`, endedBy: c.actor.userId })
    .where(
      and(
        eq(groupAssignments.groupId, row.groupId),
        eq(groupAssignments.userId, row.userId),
        isNull(groupAssignments.endedAt),
      ),
    )
    .returning({ personId: groupAssignments.personId });
  return ended.map((e) => e.personId);
}
