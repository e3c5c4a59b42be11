/** People in a group: enrolled and discharged by its admins, listed as each member may see them. */

import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Level } from '../../../core/instruments/index.ts';
import { ageBandOf } from '../../../core/reports/bands.ts';
import { ageOn } from '../../../core/thai/birthDate.ts';
import { groupAssignments, groupPersons, persons } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { notFound, Problem } from '../../http/problem.ts';
import { areaNames } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { consentStates, findPerson } from '../persons/repo.ts';
import { iso } from '../users/repo.ts';
import { ensurePersonAccess, filterAccessible } from './access.ts';
import { aliasOf } from './alias.ts';
import type { GroupContext } from './context.ts';
import { ensureRunning, groupRule, type LoadedGroup, loadGroup } from './load.ts';
import { assigneesOf, type LatestScreening, latestWellbeing, visibleEnrolment } from './repo.ts';
import { dimensions, type GroupPersonRow } from './schemas.ts';

type EnrolmentRow = typeof groupPersons.$inferSelect;

/**
 * Enrols a person: only someone living in the group's area (and villages, when
 * the group names some) who consents to sharing within a group, and only by an
 * admin who may read the person.
 */
export async function enrolPerson(c: GroupContext, groupId: string, personId: string) {
  const loaded = await loadGroup(c, groupId, 'group.manage');
  ensureRunning(loaded);
  const { group } = loaded;
  const person = await findPerson(c.db, personId);
  if (!person || person.mergedInto) throw notFound();
  await ensurePersonAccess(c, 'person.read', person);
  const inVillages = group.villageCodes.length === 0 || group.villageCodes.includes(person.villageCode ?? '');
  if (person.areaCode !== group.areaCode || !inVillages) throw groupRule('group_enrol_outside', 'personId');
  const consent = (await consentStates(c.db, [personId])).get(personId)!;
  if (!consent.shareGroup) throw groupRule('group_enrol_no_consent', 'personId');

  return c.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(groupPersons)
      .where(
        and(
          eq(groupPersons.groupId, groupId),
          eq(groupPersons.personId, personId),
          isNull(groupPersons.dischargedAt),
        ),
      )
      .for('update');
    if (current) return { enrolment: toEnrolment(current), created: false };
    const [row] = await tx
      .insert(groupPersons)
      .values({ groupId, personId, areaCode: person.areaCode, enrolledBy: c.actor.userId })
      .returning();
    await audit(tx, c.actor, {
      action: 'group.person.enrol',
      entity: 'person',
      entityId: personId,
      areaCode: person.areaCode,
      groupId,
      subjectIds: [personId],
    });
    return { enrolment: toEnrolment(row!), created: true };
  });
}

/** Discharges a person (the enrolment row stays as history) and ends their assignment in the group. */
export async function dischargePerson(
  c: GroupContext,
  groupId: string,
  input: { personId: string; reason?: string },
): Promise<void> {
  await loadGroup(c, groupId, 'group.manage');
  await c.db.transaction(async (tx) => {
    const [row] = await tx
      .update(groupPersons)
      .set({ dischargedAt: sql`now()`, dischargedBy: c.actor.userId, dischargeReason: input.reason ?? null })
      .where(
        and(
          eq(groupPersons.groupId, groupId),
          eq(groupPersons.personId, input.personId),
          isNull(groupPersons.dischargedAt),
        ),
      )
      .returning();
    if (!row) throw notFound();
    await tx
      .update(groupAssignments)
      .set({ endedAt: sql`now()`, endedBy: c.actor.userId })
      .where(
        and(
          eq(groupAssignments.groupId, groupId),
          eq(groupAssignments.personId, input.personId),
          isNull(groupAssignments.endedAt),
        ),
      );
    await audit(tx, c.actor, {
      action: 'group.person.discharge',
      entity: 'person',
      entityId: input.personId,
      areaCode: row.areaCode,
      groupId,
      // The reason is free text and may name people: the audit keeps only that one was given.
      detail: { reasonGiven: Boolean(input.reason) },
      subjectIds: [input.personId],
    });
  });
}

/**
 * The group's people as the caller may see each: identified where the policy
 * lets them read the person (group admins, their assigned cases, the area's own
 * team), pseudonymous otherwise. Viewers get 403 (aggregates are on the home
 * page); people who withdrew their consent to share are not listed at all.
 */
export async function listGroupPersons(
  c: GroupContext,
  groupId: string,
  q: { limit: number; cursor?: string },
): Promise<{ items: GroupPersonRow[]; nextCursor: string | null }> {
  const loaded = await loadGroup(c, groupId, 'group.listPersons');
  ensureReadable(loaded);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await c.db
    .select({ enrolment: groupPersons, person: persons })
    .from(groupPersons)
    .innerJoin(persons, eq(persons.id, groupPersons.personId))
    .where(
      and(
        visibleEnrolment(groupId),
        after
          ? sql`(${groupPersons.enrolledAt}, ${groupPersons.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(groupPersons.enrolledAt), asc(groupPersons.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => [iso(last.enrolment.enrolledAt), last.enrolment.id]);
  const items = await presentRows(
    c,
    loaded,
    page.items.map((r) => ({ ...r.person, enrolledAt: r.enrolment.enrolledAt })),
  );
  await audit(c.db, c.actor, {
    action: 'group.person.list',
    entity: 'person',
    areaCode: loaded.group.areaCode,
    groupId,
    detail: { count: items.length, identified: items.filter((i) => i.view === 'identified').length },
    subjectIds: page.items.map((r) => r.person.id),
  });
  return { items, nextCursor: page.nextCursor };
}

/** Reading people through a group needs the group to be running. */
export function ensureReadable(loaded: LoadedGroup): void {
  if (!loaded.active) throw new Problem(403, 'forbidden', 'group_ended');
}

type PersonWithEnrolment = typeof persons.$inferSelect & { enrolledAt: string };

async function presentRows(
  c: GroupContext,
  loaded: LoadedGroup,
  people: PersonWithEnrolment[],
): Promise<GroupPersonRow[]> {
  const ids = people.map((p) => p.id);
  const [identified, latest, assignees, villages] = await Promise.all([
    filterAccessible(c, 'person.read', people).then((seen) => new Set(seen.map((p) => p.id))),
    latestWellbeing(c.db, ids),
    assigneesOf(c.db, loaded.group.id, ids),
    areaNames(c.db, [...new Set(people.map((p) => p.villageCode).filter((v): v is string => v !== null))]),
  ]);
  return people.map((p): GroupPersonRow => {
    const alias = aliasOf(c.aliasKey, loaded.group.id, p.id);
    const villageName = p.villageCode ? (villages.get(p.villageCode) ?? null) : null;
    const screening = latest.get(p.id);
    const assignee = assignees.get(p.id) ?? null;
    if (identified.has(p.id)) {
      return {
        view: 'identified',
        personId: p.id,
        alias,
        title: p.title,
        firstName: p.firstName,
        lastName: p.lastName,
        sex: p.sex,
        age: ageOn(p.birthDate, c.today),
        villageNo: p.villageNo,
        villageName,
        levels: levelsOf(screening),
        lastScreenedAt: screening?.takenAt ?? null,
        assignee,
        enrolledAt: iso(p.enrolledAt),
      };
    }
    return {
      view: 'pseudonymous',
      alias,
      sex: p.sex,
      ageBand: ageBandOf(ageOn(p.birthDate, c.today)),
      villageName,
      levels: levelsOf(screening),
      assignee,
    };
  });
}

export function levelsOf(
  screening: LatestScreening | undefined,
): Partial<Record<string, Level | null>> | null {
  if (!screening) return null;
  return Object.fromEntries(dimensions.map((d) => [d, (screening.levels[d] as Level | undefined) ?? null]));
}

function toEnrolment(row: EnrolmentRow) {
  return {
    personId: row.personId,
    groupId: row.groupId,
    enrolledAt: iso(row.enrolledAt),
    dischargedAt: row.dischargedAt ? iso(row.dischargedAt) : null,
  };
}
