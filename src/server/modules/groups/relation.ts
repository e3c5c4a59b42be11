import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PersonRelation } from '../../../core/policy/index.ts';
import type { GroupRole } from '../../../core/schemas/group.ts';
import type { Db } from '../../db/client.ts';
import { careGroups, groupAssignments, groupMembers, groupPersons, personLinks } from '../../db/schema.ts';
import { consentStates } from '../persons/repo.ts';

/**
 * What the actor's group memberships and citizen links give them over each of
 * `personIds`, for the policy to judge. Only the actor's own rows are read.
 */
export async function relationsOf(
  db: Db,
  userId: string,
  personIds: readonly string[],
  today: string,
): Promise<Map<string, PersonRelation>> {
  const out = new Map<string, PersonRelation>();
  if (personIds.length === 0) return out;
  const ids = [...new Set(personIds)];

  const [enrolments, links] = await Promise.all([
    db
      .select({
        personId: groupPersons.personId,
        groupId: careGroups.id,
        role: groupMembers.role,
        assignee: groupAssignments.userId,
        startsOn: careGroups.startsOn,
        endsOn: careGroups.endsOn,
      })
      .from(groupMembers)
      .innerJoin(careGroups, eq(careGroups.id, groupMembers.groupId))
      .innerJoin(
        groupPersons,
        and(eq(groupPersons.groupId, careGroups.id), isNull(groupPersons.dischargedAt)),
      )
      .leftJoin(
        groupAssignments,
        and(
          eq(groupAssignments.groupId, careGroups.id),
          eq(groupAssignments.personId, groupPersons.personId),
          isNull(groupAssignments.endedAt),
          eq(groupAssignments.userId, userId),
        ),
      )
      .where(
        and(
          eq(groupMembers.userId, userId),
          isNull(groupMembers.removedAt),
          inArray(groupPersons.personId, ids),
        ),
      ),
    db
      .select({ personId: personLinks.personId })
      .from(personLinks)
      .where(
        and(
          eq(personLinks.userId, userId),
          isNull(personLinks.revokedAt),
          inArray(personLinks.personId, ids),
        ),
      ),
  ]);

  const consent =
    enrolments.length > 0 ? await consentStates(db, [...new Set(enrolments.map((e) => e.personId))]) : null;
  const linked = new Set(links.map((l) => l.personId));
  for (const id of ids) out.set(id, { groups: [], linked: linked.has(id) });
  for (const e of enrolments) {
    const relation = out.get(e.personId)!;
    (relation.groups as PersonRelation['groups'][number][]).push({
      groupId: e.groupId,
      role: e.role as GroupRole,
      assigned: e.assignee === userId,
      active: e.startsOn <= today && (e.endsOn === null || e.endsOn >= today),
      consentToShare: consent?.get(e.personId)?.shareGroup ?? false,
    });
  }
  return out;
}

/** The same for one person. */
export async function relationOf(
  db: Db,
  userId: string,
  personId: string,
  today: string,
): Promise<PersonRelation> {
  return (await relationsOf(db, userId, [personId], today)).get(personId)!;
}

/** Active group roles of a user, by group, for the group pages. */
export async function memberRoles(db: Db, userId: string): Promise<Map<string, GroupRole>> {
  const rows = await db
    .select({ groupId: groupMembers.groupId, role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, userId), isNull(groupMembers.removedAt)));
  return new Map(rows.map((r) => [r.groupId, r.role as GroupRole]));
}
