import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { decide, taskView } from '../../../core/policy/index.ts';
import type {
  ActivityMode,
  PlanDimension,
  ProgressReporter,
  ProgressStatus,
} from '../../../core/schemas/index.ts';
import { consents, persons, planActivities, plans } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { areaNames } from '../areas/repo.ts';
import { audit } from '../audit/service.ts';
import { filterAccessible } from '../groups/access.ts';
import { isoOf } from '../screenings/iso.ts';
import { progressOf } from './repo.ts';
import type { TaskDto } from './schemas.ts';
import { accessOf, effectiveProgress, type PlanContext } from './service.ts';

/**
 * An organisation's task list: the activities of current plan versions (active plans) it is
 * responsible for. Who the person is shows only as `taskView` allows (core/policy): their name when
 * the member may read them anyway or they share with agencies; else the village and the task.
 */
export async function listTasks(c: PlanContext, q: { limit: number; cursor?: string }) {
  const org = c.actor.organizationId;
  if (!org || !decide(c.actor, { action: 'task.read', organizationId: org }).allow) {
    return { items: [], nextCursor: null };
  }
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const where: SQL[] = [
    eq(planActivities.organizationId, org),
    isNull(planActivities.removedInVersion),
    eq(plans.status, 'active'),
  ];
  if (after) {
    where.push(
      sql`(${planActivities.createdAt}, ${planActivities.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    );
  }
  const rows = await c.db
    .select({
      pa: planActivities,
      personId: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(planActivities)
    .innerJoin(plans, eq(plans.id, planActivities.planId))
    .innerJoin(persons, eq(persons.id, planActivities.personId))
    .where(and(...where))
    .orderBy(asc(planActivities.createdAt), asc(planActivities.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => [isoOf(last.pa.createdAt), last.pa.id]);
  const people = page.items.map((r) => ({
    id: r.personId,
    areaCode: r.areaCode,
    villageCode: r.villageCode,
  }));
  const [readable, consent, progress, villages] = await Promise.all([
    filterAccessible(accessOf(c), 'person.read', people),
    sharedWith(c, org, [...new Set(people.map((p) => p.id))]),
    progressOf(
      c.db,
      page.items.map((r) => r.pa.id),
    ),
    areaNames(
      c.db,
      page.items.flatMap((r) => (r.villageCode ? [r.villageCode] : [])),
    ),
  ]);
  const mayRead = new Set(readable.map((p) => p.id));
  const latest = new Map<string, (typeof progress)[number]>();
  for (const p of effectiveProgress(progress)) {
    const seen = latest.get(p.planActivityId);
    if (!seen || p.month > seen.month) latest.set(p.planActivityId, p);
  }
  const items: TaskDto[] = page.items.map((r) => {
    const view = taskView({
      mayReadPerson: mayRead.has(r.personId),
      shareAgencies: consent.has(r.personId),
    });
    const p = latest.get(r.pa.id);
    return {
      planActivityId: r.pa.id,
      planId: r.pa.planId,
      activityId: r.pa.activityId,
      dimension: r.pa.dimension as PlanDimension,
      title: r.pa.title,
      mode: r.pa.mode as ActivityMode,
      goal: r.pa.goal,
      startsOn: r.pa.startsOn,
      endsOn: r.pa.endsOn,
      areaCode: r.areaCode,
      villageCode: r.villageCode,
      villageName: r.villageCode ? (villages.get(r.villageCode) ?? null) : null,
      view,
      person: view === 'identified' ? { id: r.personId, firstName: r.firstName, lastName: r.lastName } : null,
      latestProgress: p
        ? {
            month: p.month,
            status: p.status as ProgressStatus,
            note: view === 'identified' ? p.note : null,
            reportedAs: p.reportedAs as ProgressReporter,
            reportedAt: isoOf(p.createdAt),
          }
        : null,
    };
  });
  await audit(c.db, c.actor, {
    action: 'plan.tasks',
    entity: 'organization',
    entityId: org,
    subjectIds: [...new Set(page.items.map((r) => r.personId))],
    detail: { count: items.length, identified: items.filter((i) => i.view === 'identified').length },
  });
  return { items, nextCursor: page.nextCursor };
}

/**
 * The people whose current consent to share with agencies (`share_agencies`, the latest record)
 * names this organisation.
 */
async function sharedWith(c: PlanContext, org: string, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await c.db
    .selectDistinctOn([consents.personId], {
      personId: consents.personId,
      granted: consents.granted,
      agencies: consents.agencies,
    })
    .from(consents)
    .where(and(inArray(consents.personId, personIds), eq(consents.purpose, 'share_agencies')))
    .orderBy(consents.personId, desc(consents.recordedAt), desc(consents.id));
  return new Set(rows.filter((r) => r.granted && r.agencies.includes(org)).map((r) => r.personId));
}
