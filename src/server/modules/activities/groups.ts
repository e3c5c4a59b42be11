import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { registryScope } from '../../../core/policy/index.ts';
import type { PlanDimension } from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import type { Db } from '../../db/client.ts';
import {
  activities,
  activityAttendance,
  activityGroups,
  areas,
  organizations,
  persons,
  planActivities,
  plans,
} from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { type FieldError, notFound, Problem } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { filterAccessible } from '../groups/access.ts';
import { isoOf } from '../screenings/iso.ts';
import { findActivity, visibleToActor } from './repo.ts';
import type { ActivityContext } from './service.ts';

const accessOf = (c: ActivityContext) => ({ db: c.db, actor: c.actor, today: bangkokDate(c.now) });

async function loadGroup(db: Db, id: string) {
  const [row] = await db
    .select({
      group: activityGroups,
      activityTitle: activities.titleTh,
      dimension: activities.dimension,
      organizationName: organizations.name,
    })
    .from(activityGroups)
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .leftJoin(organizations, eq(organizations.id, activityGroups.organizationId))
    .where(eq(activityGroups.id, id))
    .limit(1);
  return row;
}

/** The plan activities linked to a group: current versions of active plans. */
async function membersOf(db: Db, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({
      groupId: planActivities.activityGroupId,
      planActivityId: planActivities.id,
      planId: planActivities.planId,
      personId: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(planActivities)
    .innerJoin(plans, eq(plans.id, planActivities.planId))
    .innerJoin(persons, eq(persons.id, planActivities.personId))
    .where(
      and(
        inArray(planActivities.activityGroupId, groupIds),
        isNull(planActivities.removedInVersion),
        eq(plans.status, 'active'),
      ),
    )
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(planActivities.id));
}

function toGroupDto(
  r: NonNullable<Awaited<ReturnType<typeof loadGroup>>>,
  memberCount: number,
): {
  id: string;
  activityId: string;
  activityTitle: string;
  dimension: PlanDimension;
  areaCode: string;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
  schedule: string | null;
  memberCount: number;
  createdAt: string;
} {
  return {
    id: r.group.id,
    activityId: r.group.activityId,
    activityTitle: r.activityTitle,
    dimension: r.dimension as PlanDimension,
    areaCode: r.group.areaCode,
    name: r.group.name,
    organizationId: r.group.organizationId,
    organizationName: r.organizationName,
    schedule: r.group.schedule,
    memberCount,
    createdAt: isoOf(r.group.createdAt),
  };
}

export async function createActivityGroup(
  c: ActivityContext,
  input: { activityId: string; areaCode: string; name: string; organizationId?: string; schedule?: string },
) {
  // Forming a group is the area team's: the responsible organisation runs it once it exists.
  ensureAllowed(c.actor, { action: 'activityGroup.manage', areaCode: input.areaCode, organizationId: null });
  const errors: FieldError[] = [];
  const activity = await findActivity(c.db, input.activityId, visibleToActor(c.actor));
  if (!activity) errors.push({ path: 'activityId', detail: 'activity_unknown' });
  const [area] = await c.db.select({ code: areas.code }).from(areas).where(eq(areas.code, input.areaCode));
  if (!area) errors.push({ path: 'areaCode', detail: 'area_unknown', params: { code: input.areaCode } });
  if (input.organizationId) {
    const [org] = await c.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId));
    if (!org) errors.push({ path: 'organizationId', detail: 'organization_unknown' });
  }
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);
  const id = await c.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activityGroups)
      .values({
        activityId: input.activityId,
        areaCode: input.areaCode,
        name: input.name,
        organizationId: input.organizationId ?? null,
        schedule: input.schedule ?? null,
        createdBy: c.actor.userId,
      })
      .returning({ id: activityGroups.id });
    await audit(tx, c.actor, {
      action: 'activityGroup.create',
      entity: 'activity_group',
      entityId: row!.id,
      areaCode: input.areaCode,
      detail: { activityId: input.activityId },
    });
    return row!.id;
  });
  return toGroupDto((await loadGroup(c.db, id))!, 0);
}

/** Groups of the actor's areas, and those their organisation runs. */
export async function listActivityGroups(
  c: ActivityContext,
  q: { area?: string; limit: number; cursor?: string },
) {
  const scopes = registryScope(c.actor);
  const reach: SQL[] = [];
  if (scopes === 'all') reach.push(sql`true`);
  else for (const s of scopes) reach.push(areaOrBelow(s));
  if (c.actor.organizationId) reach.push(eq(activityGroups.organizationId, c.actor.organizationId));
  if (reach.length === 0) return { items: [], nextCursor: null };
  const where: SQL[] = [or(...reach)!];
  if (q.area) where.push(areaOrBelow(q.area));
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  if (after)
    where.push(sql`(${activityGroups.name}, ${activityGroups.id}) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await c.db
    .select({
      group: activityGroups,
      activityTitle: activities.titleTh,
      dimension: activities.dimension,
      organizationName: organizations.name,
    })
    .from(activityGroups)
    .innerJoin(activities, eq(activities.id, activityGroups.activityId))
    .leftJoin(organizations, eq(organizations.id, activityGroups.organizationId))
    .where(and(...where))
    .orderBy(asc(activityGroups.name), asc(activityGroups.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => [last.group.name, last.group.id]);
  const counts = new Map<string, number>();
  for (const m of await membersOf(
    c.db,
    page.items.map((r) => r.group.id),
  )) {
    counts.set(m.groupId!, (counts.get(m.groupId!) ?? 0) + 1);
  }
  return {
    items: page.items.map((r) => toGroupDto(r, counts.get(r.group.id) ?? 0)),
    nextCursor: page.nextCursor,
  };
}

/** An 8-digit village code matches itself; shorter codes match everything beneath them. */
function areaOrBelow(code: string): SQL {
  if (code.length === 8) return eq(activityGroups.areaCode, code);
  return sql`left(${activityGroups.areaCode}, ${code.length}) = ${code}`;
}

async function visibleGroup(c: ActivityContext, id: string) {
  const row = await loadGroup(c.db, id);
  if (!row) throw notFound();
  ensureAllowed(c.actor, {
    action: 'activityGroup.read',
    areaCode: row.group.areaCode,
    organizationId: row.group.organizationId,
  });
  return row;
}

/** A group with its members: identities only of those the actor may read; the rest are a count. */
export async function getActivityGroup(c: ActivityContext, id: string) {
  const row = await visibleGroup(c, id);
  const members = await membersOf(c.db, [id]);
  const readable = new Set(
    (
      await filterAccessible(
        accessOf(c),
        'plan.read',
        members.map((m) => ({ id: m.personId, areaCode: m.areaCode, villageCode: m.villageCode })),
      )
    ).map((m) => m.id),
  );
  const attendance = await c.db
    .select({
      personId: activityAttendance.personId,
      heldOn: activityAttendance.heldOn,
      present: activityAttendance.present,
    })
    .from(activityAttendance)
    .where(eq(activityAttendance.activityGroupId, id))
    .orderBy(asc(activityAttendance.heldOn));
  const sessions = new Map<string, { present: number; absent: number }>();
  const byPerson = new Map<string, { sessions: number; attended: number }>();
  for (const a of attendance) {
    const s = sessions.get(a.heldOn) ?? { present: 0, absent: 0 };
    if (a.present) s.present++;
    else s.absent++;
    sessions.set(a.heldOn, s);
    const p = byPerson.get(a.personId) ?? { sessions: 0, attended: 0 };
    p.sessions++;
    if (a.present) p.attended++;
    byPerson.set(a.personId, p);
  }
  const shown = members.filter((m) => readable.has(m.personId));
  await audit(c.db, c.actor, {
    action: 'activityGroup.read',
    entity: 'activity_group',
    entityId: id,
    areaCode: row.group.areaCode,
    subjectIds: shown.map((m) => m.personId),
    detail: { members: members.length, identified: shown.length },
  });
  return {
    ...toGroupDto(row, members.length),
    members: shown.map((m) => ({
      planActivityId: m.planActivityId,
      planId: m.planId,
      personId: m.personId,
      firstName: m.firstName,
      lastName: m.lastName,
      villageCode: m.villageCode,
      ...(byPerson.get(m.personId) ?? { sessions: 0, attended: 0 }),
    })),
    otherMembers: members.length - shown.length,
    sessions: [...sessions].map(([heldOn, s]) => ({ heldOn, ...s })),
  };
}

/**
 * Who came to a session. Attendance is kept apart from the monthly progress reports (the person
 * or their carer still reports those); the plan shows the attendance counts beside them.
 */
export async function recordAttendance(
  c: ActivityContext,
  id: string,
  input: { heldOn: string; present: { personId: string; present: boolean }[] },
) {
  const row = await visibleGroup(c, id);
  ensureAllowed(c.actor, {
    action: 'activityGroup.manage',
    areaCode: row.group.areaCode,
    organizationId: row.group.organizationId,
  });
  const errors: FieldError[] = [];
  if (input.heldOn > bangkokDate(c.now)) errors.push({ path: 'heldOn', detail: 'attendance_future' });
  const members = new Set((await membersOf(c.db, [id])).map((m) => m.personId));
  const seen = new Set<string>();
  input.present.forEach((p, i) => {
    if (!members.has(p.personId))
      errors.push({ path: `present.${i}.personId`, detail: 'attendance_not_member' });
    else if (seen.has(p.personId))
      errors.push({ path: `present.${i}.personId`, detail: 'progress_duplicate_entry' });
    seen.add(p.personId);
  });
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);
  await c.db.transaction(async (tx) => {
    await tx
      .insert(activityAttendance)
      .values(
        input.present.map((p) => ({
          activityGroupId: id,
          personId: p.personId,
          heldOn: input.heldOn,
          present: p.present,
          recordedBy: c.actor.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [activityAttendance.activityGroupId, activityAttendance.personId, activityAttendance.heldOn],
        set: { present: sql`excluded.present`, recordedBy: sql`excluded.recorded_by` },
      });
    await audit(tx, c.actor, {
      action: 'activityGroup.attendance',
      entity: 'activity_group',
      entityId: id,
      areaCode: row.group.areaCode,
      subjectIds: input.present.map((p) => p.personId),
      detail: { heldOn: input.heldOn, recorded: input.present.length },
    });
  });
  return {
    activityGroupId: id,
    heldOn: input.heldOn,
    recorded: input.present.length,
    present: input.present.filter((p) => p.present).length,
  };
}
