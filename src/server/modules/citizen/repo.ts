import { and, asc, desc, eq, gt, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  alerts,
  auditLog,
  careGroups,
  consents,
  groupAssignments,
  groupMembers,
  groupPersons,
  households,
  linkCodes,
  organizations,
  personLinks,
  persons,
  planActivities,
  planProgress,
  plans,
  planVersions,
  users,
} from '../../db/schema.ts';

export type LinkCodeRow = typeof linkCodes.$inferSelect;
export type PersonLinkRow = typeof personLinks.$inferSelect;

/** A code that can still be used: unused, unexpired, for a live record. */
export async function usableCode(db: Db, codeHash: string): Promise<LinkCodeRow | undefined> {
  const [row] = await db
    .select({ code: linkCodes })
    .from(linkCodes)
    .innerJoin(persons, eq(persons.id, linkCodes.personId))
    .where(
      and(
        eq(linkCodes.codeHash, codeHash),
        isNull(linkCodes.usedAt),
        gt(linkCodes.expiresAt, sql`now()`),
        isNull(persons.mergedInto),
      ),
    )
    .limit(1);
  return row?.code;
}

/** Marks the code used, once: of two claims racing for one code only one gets the row. */
export async function consumeCode(db: Db, id: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(linkCodes)
    .set({ usedAt: sql`now()`, usedBy: userId })
    .where(and(eq(linkCodes.id, id), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, sql`now()`)))
    .returning({ id: linkCodes.id });
  return rows.length === 1;
}

/** A new code for a person and relation voids the earlier unused ones (they expire now). */
export async function voidOpenCodes(db: Db, personId: string, relation: string): Promise<number> {
  const rows = await db
    .update(linkCodes)
    .set({ expiresAt: sql`now()` })
    .where(
      and(
        eq(linkCodes.personId, personId),
        eq(linkCodes.relation, relation),
        isNull(linkCodes.usedAt),
        gt(linkCodes.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: linkCodes.id });
  return rows.length;
}

export async function activeLink(
  db: Db,
  personId: string,
  userId: string,
): Promise<PersonLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(personLinks)
    .where(
      and(eq(personLinks.personId, personId), eq(personLinks.userId, userId), isNull(personLinks.revokedAt)),
    )
    .limit(1);
  return row;
}

/** The account's live links with the names of the people they reach. */
export async function linksOfUser(db: Db, userId: string) {
  return db
    .select({
      id: personLinks.id,
      personId: personLinks.personId,
      relation: personLinks.relation,
      linkedAt: personLinks.linkedAt,
      title: persons.title,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(personLinks)
    .innerJoin(persons, eq(persons.id, personLinks.personId))
    .where(and(eq(personLinks.userId, userId), isNull(personLinks.revokedAt)))
    .orderBy(personLinks.linkedAt, personLinks.id);
}

/** Every account ever linked to a person, live or revoked. */
export async function linksOfPerson(db: Db, personId: string) {
  return db
    .select({
      id: personLinks.id,
      relation: personLinks.relation,
      userId: personLinks.userId,
      displayName: users.displayName,
      username: users.username,
      linkedAt: personLinks.linkedAt,
      revokedAt: personLinks.revokedAt,
    })
    .from(personLinks)
    .innerJoin(users, eq(users.id, personLinks.userId))
    .where(eq(personLinks.personId, personId))
    .orderBy(desc(personLinks.linkedAt), desc(personLinks.id));
}

export async function pendingCodesOf(db: Db, personId: string) {
  return db
    .select({
      id: linkCodes.id,
      relation: linkCodes.relation,
      issuedAt: linkCodes.issuedAt,
      expiresAt: linkCodes.expiresAt,
    })
    .from(linkCodes)
    .where(
      and(eq(linkCodes.personId, personId), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, sql`now()`)),
    )
    .orderBy(desc(linkCodes.issuedAt));
}

/** Ends a live link; `userId` narrows it to the account's own links. Returns the ended link. */
export async function revokeLinkRow(
  db: Db,
  where: { id: string; personId?: string; userId?: string },
): Promise<PersonLinkRow | undefined> {
  const [row] = await db
    .update(personLinks)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(personLinks.id, where.id),
        where.personId ? eq(personLinks.personId, where.personId) : undefined,
        where.userId ? eq(personLinks.userId, where.userId) : undefined,
        isNull(personLinks.revokedAt),
      ),
    )
    .returning();
  return row;
}

/**
 * The audit rows about one person, newest first: those naming the person's
 * record, and list reads that returned them (`subject_ids`, GIN indexed). Two
 * index-served halves merged here, so neither an OR nor the whole log is scanned.
 */
export async function auditIdsAbout(
  db: Db,
  q: { personId: string; beforeId: number | null; limit: number; excludeActor?: string },
): Promise<number[]> {
  const common: SQL[] = [];
  if (q.beforeId !== null) common.push(lt(auditLog.id, q.beforeId));
  if (q.excludeActor) common.push(sql`${auditLog.actorId} is distinct from ${q.excludeActor}::uuid`);
  const [byRecord, byList] = await Promise.all([
    db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, q.personId), ...common))
      .orderBy(desc(auditLog.id))
      .limit(q.limit),
    db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(sql`${auditLog.subjectIds} @> array[${q.personId}::uuid]`, ...common))
      .orderBy(desc(auditLog.id))
      .limit(q.limit),
  ]);
  const ids = new Set([...byRecord, ...byList].map((r) => r.id));
  return [...ids].sort((a, b) => b - a).slice(0, q.limit);
}

/** The audit rows by id with who did it (name, roles, organisation) and through which group, newest first. */
export async function auditEntries(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      outcome: auditLog.outcome,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      actorId: auditLog.actorId,
      actorName: users.displayName,
      actorRoles: users.roles,
      organizationName: organizations.name,
      groupId: auditLog.groupId,
      groupName: careGroups.name,
      groupRole: sql<string | null>`(select ${groupMembers.role} from ${groupMembers}
        where ${groupMembers.groupId} = ${auditLog.groupId} and ${groupMembers.userId} = ${auditLog.actorId}
        order by ${groupMembers.addedAt} desc limit 1)`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(careGroups, eq(careGroups.id, auditLog.groupId))
    .where(inArray(auditLog.id, ids))
    .orderBy(desc(auditLog.id));
}

export async function householdOf(db: Db, id: string) {
  const [row] = await db.select().from(households).where(eq(households.id, id)).limit(1);
  return row;
}

/** Every consent record of the person, newest first, with who recorded it. */
export async function consentRecordsOf(db: Db, personId: string) {
  return db
    .select({ consent: consents, recordedByName: users.displayName })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.recordedBy))
    .where(eq(consents.personId, personId))
    .orderBy(desc(consents.recordedAt), desc(consents.id));
}

/** Inbox alerts raised about the person: what, when, to whom, read or not (ids and codes only). */
export async function alertsAbout(db: Db, personId: string) {
  return db
    .select({ alert: alerts, recipientName: users.displayName })
    .from(alerts)
    .leftJoin(users, eq(users.id, alerts.recipientId))
    .where(eq(alerts.personId, personId))
    .orderBy(desc(alerts.createdAt), desc(alerts.id));
}

export async function enrolmentsOf(db: Db, personId: string) {
  return db
    .select({
      groupId: careGroups.id,
      groupName: careGroups.name,
      enrolledAt: groupPersons.enrolledAt,
      dischargedAt: groupPersons.dischargedAt,
      dischargeReason: groupPersons.dischargeReason,
    })
    .from(groupPersons)
    .innerJoin(careGroups, eq(careGroups.id, groupPersons.groupId))
    .where(eq(groupPersons.personId, personId))
    .orderBy(desc(groupPersons.enrolledAt));
}

export async function assignmentsOf(db: Db, personId: string) {
  return db
    .select({
      groupId: careGroups.id,
      groupName: careGroups.name,
      assigneeName: users.displayName,
      organizationName: organizations.name,
      assignedAt: groupAssignments.assignedAt,
      endedAt: groupAssignments.endedAt,
    })
    .from(groupAssignments)
    .innerJoin(careGroups, eq(careGroups.id, groupAssignments.groupId))
    .innerJoin(users, eq(users.id, groupAssignments.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(groupAssignments.personId, personId))
    .orderBy(desc(groupAssignments.assignedAt));
}

/** Every plan of the person, newest first (a person has few: one active, the rest closed). */
export async function plansOf(db: Db, personId: string) {
  return db
    .select({ plan: plans, createdByName: users.displayName })
    .from(plans)
    .leftJoin(users, eq(users.id, plans.createdBy))
    .where(eq(plans.personId, personId))
    .orderBy(desc(plans.createdAt), desc(plans.id));
}

/** Every version of the given plans as it was (its snapshot), oldest first, with who made it. */
export async function planVersionsOf(db: Db, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({ version: planVersions, createdByName: users.displayName })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.createdBy))
    .where(inArray(planVersions.planId, planIds))
    .orderBy(asc(planVersions.planId), asc(planVersions.version));
}

/** Every activity ever in the given plans, the dropped ones too, with the responsible organisation's name. */
export async function planActivitiesOfPlans(db: Db, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({ activity: planActivities, organizationName: organizations.name })
    .from(planActivities)
    .leftJoin(organizations, eq(organizations.id, planActivities.organizationId))
    .where(inArray(planActivities.planId, planIds))
    .orderBy(asc(planActivities.createdAt), asc(planActivities.id));
}

/** Every progress report on the given plans, superseded ones too, oldest first, with who reported. */
export async function planProgressOfPlans(db: Db, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({ progress: planProgress, reportedByName: users.displayName })
    .from(planProgress)
    .leftJoin(users, eq(users.id, planProgress.reportedBy))
    .where(inArray(planProgress.planId, planIds))
    .orderBy(asc(planProgress.month), asc(planProgress.createdAt), asc(planProgress.id));
}
