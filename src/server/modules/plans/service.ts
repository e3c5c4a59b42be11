import { eq, inArray, sql } from 'drizzle-orm';
import {
  adherence,
  itemLevelsOfScreening,
  NEEDS_INSTRUMENT,
  needsOfScreening,
  WELLBEING_INSTRUMENT,
} from '../../../core/plans/index.ts';
import { type Actor, placeOf } from '../../../core/policy/index.ts';
import type {
  ActivityMode,
  PlanActivityInput,
  PlanCreate,
  PlanDimension,
  PlanGoals,
  PlanPatch,
  PlanResponsible,
  PlanStatus,
  ProgressReporter,
  ProgressStatus,
} from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import type { Db } from '../../db/client.ts';
import { activityGroups, organizations, planActivities, plans, planVersions } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import type { Lang } from '../../http/messages.ts';
import { conflict, type FieldError, notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { type ActivityRow, activitiesByIds, usableAt, visibleToActor } from '../activities/repo.ts';
import { audit } from '../audit/service.ts';
import { type Access, ensurePersonAccess } from '../groups/access.ts';
import { organizationNames } from '../organizations/repo.ts';
import { findPerson, type PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { isoOf } from '../screenings/iso.ts';
import {
  activePlanOf,
  attendanceOf,
  findPlan,
  findPlanByClientId,
  findScreeningRow,
  findVersion,
  isCurrent,
  latestScreening,
  lockPerson,
  lockPlan,
  type PlanActivityRow,
  type PlanRow,
  type ProgressRow,
  planActivitiesOf,
  plansOfPerson,
  progressOf,
  versionsOf,
} from './repo.ts';
import type { PlanActivityDto, PlanDto } from './schemas.ts';

export interface PlanContext {
  db: Db;
  actor: Actor;
  lang: Lang;
  now: Date;
}

export const accessOf = (c: PlanContext) => ({ db: c.db, actor: c.actor, today: bangkokDate(c.now) });

/** A version of a plan as it was: kept in plan_version.snapshot, never changed afterwards. */
export interface PlanSnapshot {
  status: PlanStatus;
  goals: PlanGoals;
  startsOn: string | null;
  endsOn: string | null;
  screeningId: string | null;
  activities: SnapshotActivity[];
}

export interface SnapshotActivity {
  id: string;
  activityId: string;
  dimension: PlanDimension;
  title: string;
  addresses: string[];
  responsible: PlanResponsible;
  organizationId: string | null;
  responsibleName: string | null;
  mode: ActivityMode;
  goal: string | null;
  startsOn: string | null;
  endsOn: string | null;
  activityGroupId: string | null;
}

const snapshotActivity = (a: PlanActivityRow): SnapshotActivity => ({
  id: a.id,
  activityId: a.activityId,
  dimension: a.dimension as PlanDimension,
  title: a.title,
  addresses: a.addresses,
  responsible: a.responsible as PlanResponsible,
  organizationId: a.organizationId,
  responsibleName: a.responsibleName,
  mode: a.mode as ActivityMode,
  goal: a.goal,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  activityGroupId: a.activityGroupId,
});

function snapshotOf(plan: PlanRow, rows: PlanActivityRow[]): PlanSnapshot {
  return {
    status: plan.status as PlanStatus,
    goals: plan.goals as PlanGoals,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    screeningId: plan.screeningId,
    activities: rows.filter(isCurrent).map(snapshotActivity),
  };
}

/** Reports are ordered by when they were stored, then by id (the same order as the SQL lists). */
export function laterThan(a: ProgressRow, b: ProgressRow): boolean {
  const x = isoOf(a.createdAt);
  const y = isoOf(b.createdAt);
  return x === y ? a.id > b.id : x > y;
}

/** The effective report of each (activity, month): the latest; earlier ones are kept, superseded. */
export function effectiveProgress(rows: ProgressRow[]): ProgressRow[] {
  const latest = new Map<string, ProgressRow>();
  for (const r of rows) {
    const key = `${r.planActivityId}:${r.month}`;
    const seen = latest.get(key);
    if (!seen || laterThan(r, seen)) latest.set(key, r);
  }
  return [...latest.values()];
}

export function adherenceOf(rows: ProgressRow[]) {
  const ordered = [...rows].sort((a, b) => (laterThan(a, b) ? 1 : laterThan(b, a) ? -1 : 0));
  return adherence(
    ordered.map((r) => ({
      planActivityId: r.planActivityId,
      month: r.month,
      status: r.status as ProgressStatus,
      createdAt: isoOf(r.createdAt),
    })),
  );
}

/** The API shape of a plan (its current version, or an older one from its snapshot). */
export async function planDto(
  db: Db,
  plan: PlanRow,
  snapshot: PlanSnapshot,
  version: number,
  updatedAt: string,
): Promise<PlanDto> {
  const ids = snapshot.activities.map((a) => a.id);
  const [progress, orgs, attendance] = await Promise.all([
    progressOf(db, ids),
    organizationNames(
      db,
      snapshot.activities.map((a) => a.organizationId),
    ),
    attendanceOf(
      db,
      plan.personId,
      snapshot.activities.map((a) => a.activityGroupId),
    ),
  ]);
  const effective = effectiveProgress(progress);
  const measured = adherenceOf(progress);
  const latestOf = new Map<string, ProgressRow>();
  for (const r of effective) {
    const seen = latestOf.get(r.planActivityId);
    if (!seen || r.month > seen.month) latestOf.set(r.planActivityId, r);
  }
  const activities: PlanActivityDto[] = snapshot.activities.map((a) => {
    const latest = latestOf.get(a.id);
    return {
      ...a,
      organizationName: a.organizationId ? (orgs.get(a.organizationId) ?? null) : null,
      latestProgress: latest
        ? {
            month: latest.month,
            status: latest.status as ProgressStatus,
            note: latest.note,
            reportedAs: latest.reportedAs as ProgressReporter,
            reportedAt: isoOf(latest.createdAt),
          }
        : null,
      adherence: measured.byActivity[a.id] ?? null,
      attendance: a.activityGroupId
        ? (attendance.get(a.activityGroupId) ?? { sessions: 0, attended: 0 })
        : null,
    };
  });
  return {
    id: plan.id,
    personId: plan.personId,
    version,
    currentVersion: plan.version,
    status: snapshot.status,
    goals: snapshot.goals ?? {},
    startsOn: snapshot.startsOn,
    endsOn: snapshot.endsOn,
    screeningId: snapshot.screeningId,
    activities,
    adherence: { percent: measured.percent, months: measured.months },
    createdAt: isoOf(plan.createdAt),
    updatedAt,
  };
}

async function currentDto(db: Db, plan: PlanRow): Promise<PlanDto> {
  const rows = await planActivitiesOf(db, plan.id);
  return planDto(db, plan, snapshotOf(plan, rows), plan.version, isoOf(plan.updatedAt));
}

/** The person of a plan, if the actor may take `action` on them; 404 otherwise (existence does not leak). */
export async function personFor(
  c: PlanContext,
  personId: string,
  action: 'plan.read' | 'plan.write' | 'plan.progress',
): Promise<{ person: PersonRow; access: Access }> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(accessOf(c), action, person);
  return { person, access };
}

async function visiblePlan(c: PlanContext, id: string, action: 'plan.read' | 'plan.write') {
  const plan = await findPlan(c.db, id);
  if (!plan) throw notFound();
  // 404 unless the actor may read the person; 403 when they may read but not write (the policy says which).
  return { plan, ...(await personFor(c, plan.personId, action)) };
}

// ---------------------------------------------------------------------------------------------
// Checking what a plan is made of

interface Basis {
  levels: Record<string, string>;
  needs: string[];
}

/** The items (yellow/red) and needs of a screening that a plan answers. */
async function basisOf(db: Db, personId: string, screeningId: string | null): Promise<Basis | null> {
  const w = screeningId
    ? await findScreeningRow(db, screeningId)
    : await latestScreening(db, personId, WELLBEING_INSTRUMENT);
  if (!w) return null;
  const n = await latestScreening(db, personId, NEEDS_INSTRUMENT);
  const answers = (x: { answers: unknown }) => x.answers as Record<string, never>;
  return {
    levels: itemLevelsOfScreening({ instrument: w.instrument, version: w.version, answers: answers(w) }),
    needs: n ? needsOfScreening({ instrument: n.instrument, version: n.version, answers: answers(n) }) : [],
  };
}

function addressesFor(activity: ActivityRow, basis: Basis | null): string[] {
  if (!basis) return [...activity.addresses];
  const wanted = new Set([
    ...Object.entries(basis.levels)
      .filter(([, level]) => level !== 'green')
      .map(([code]) => code),
    ...basis.needs,
  ]);
  return activity.addresses.filter((code) => wanted.has(code));
}

interface Resolved {
  input: PlanActivityInput & { id?: string };
  activity: ActivityRow;
}

/** Every problem with the activities of a plan body, at once, each naming its field. */
async function checkActivities(
  c: PlanContext,
  person: PersonRow,
  inputs: (PlanActivityInput & { id?: string })[],
): Promise<{ errors: FieldError[]; resolved: Resolved[] }> {
  const errors: FieldError[] = [];
  const place = placeOf(person);
  const library = await activitiesByIds(
    c.db,
    inputs.map((a) => a.activityId),
    sql`(${usableAt(place)} or ${visibleToActor(c.actor)})`,
  );
  const orgIds = [...new Set(inputs.flatMap((a) => (a.organizationId ? [a.organizationId] : [])))];
  const orgs =
    orgIds.length > 0
      ? new Set(
          (
            await c.db
              .select({ id: organizations.id })
              .from(organizations)
              .where(inArray(organizations.id, orgIds))
          ).map((o) => o.id),
        )
      : new Set<string>();
  const groupIds = [...new Set(inputs.flatMap((a) => (a.activityGroupId ? [a.activityGroupId] : [])))];
  const groups = new Map(
    (groupIds.length > 0
      ? await c.db.select().from(activityGroups).where(inArray(activityGroups.id, groupIds))
      : []
    ).map((g) => [g.id, g]),
  );
  const resolved: Resolved[] = [];
  inputs.forEach((input, i) => {
    const activity = library.get(input.activityId);
    if (!activity) errors.push({ path: `activities.${i}.activityId`, detail: 'activity_unknown' });
    if (input.organizationId && !orgs.has(input.organizationId)) {
      errors.push({ path: `activities.${i}.organizationId`, detail: 'organization_unknown' });
    }
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
      errors.push({ path: `activities.${i}.endsOn`, detail: 'plan_ends_before_start' });
    }
    if (input.activityGroupId) {
      const g = groups.get(input.activityGroupId);
      if (!g) errors.push({ path: `activities.${i}.activityGroupId`, detail: 'activity_group_unknown' });
      else if (
        g.activityId !== input.activityId ||
        !(place.startsWith(g.areaCode) || g.areaCode.startsWith(place))
      ) {
        errors.push({ path: `activities.${i}.activityGroupId`, detail: 'activity_group_mismatch' });
      }
    }
    if (activity) resolved.push({ input, activity });
  });
  return { errors, resolved };
}

function activityValues(r: Resolved, basis: Basis | null) {
  const { input, activity } = r;
  return {
    activityId: activity.id,
    dimension: activity.dimension,
    title: input.title ?? activity.titleTh,
    addresses: addressesFor(activity, basis),
    responsible: input.responsible,
    organizationId: input.organizationId ?? null,
    responsibleName: input.responsibleName ?? null,
    mode: input.mode ?? defaultMode(input.responsible, activity.modes),
    goal: input.goal ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    activityGroupId: input.activityGroupId ?? null,
  };
}

function defaultMode(responsible: PlanResponsible, modes: string[]): string {
  const wanted = responsible === 'organization' ? 'agency' : responsible === 'family' ? 'family' : 'self';
  return modes.includes(wanted) ? wanted : (modes[0] ?? 'self');
}

function datesError(
  startsOn: string | null | undefined,
  endsOn: string | null | undefined,
): FieldError | null {
  return startsOn && endsOn && endsOn < startsOn
    ? { path: 'endsOn', detail: 'plan_ends_before_start' }
    : null;
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/**
 * Makes a person's plan, version 1, with its activities, its version row and its audit row in one
 * transaction. A retried clientId returns the stored plan (created: false); one active plan per
 * person (409 naming the existing one).
 */
export async function createPlan(
  c: PlanContext,
  personId: string,
  input: PlanCreate,
): Promise<{ plan: PlanDto; created: boolean }> {
  if (input.clientId) {
    const earlier = await findPlanByClientId(c.db, input.clientId);
    if (earlier) return { plan: await replayPlan(c, earlier, personId), created: false };
  }
  const { person, access } = await personFor(c, personId, 'plan.write');
  if (person.mergedInto) throw ruleBroken('merged_record');

  const errors: FieldError[] = [];
  const dates = datesError(input.startsOn, input.endsOn);
  if (dates) errors.push(dates);
  if (input.screeningId) {
    const s = await findScreeningRow(c.db, input.screeningId);
    if (!s || s.personId !== person.id || s.instrument !== WELLBEING_INSTRUMENT) {
      errors.push({ path: 'screeningId', detail: 'plan_screening_unknown' });
    }
  }
  const checked = await checkActivities(c, person, input.activities);
  errors.push(...checked.errors);
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);

  const basis = await basisOf(c.db, person.id, input.screeningId ?? null);
  const screeningId =
    input.screeningId ?? (await latestScreening(c.db, person.id, WELLBEING_INSTRUMENT))?.id ?? null;
  try {
    const plan = await c.db.transaction(async (tx) => {
      await lockPerson(tx, person.id);
      const active = await activePlanOf(tx, person.id);
      if (active) {
        throw new Problem(409, 'conflict', 'plan_active_exists', {}, [], {}, { existingId: active.id });
      }
      const [plan] = await tx
        .insert(plans)
        .values({
          personId: person.id,
          areaCode: person.areaCode,
          status: 'active',
          version: 1,
          goals: input.goals ?? {},
          startsOn: input.startsOn ?? bangkokDate(c.now),
          endsOn: input.endsOn ?? null,
          screeningId,
          groupId: access.groupId,
          clientId: input.clientId ?? null,
          createdBy: c.actor.userId,
        })
        .returning();
      const rows = await tx
        .insert(planActivities)
        .values(
          checked.resolved.map((r) => ({
            planId: plan!.id,
            personId: person.id,
            addedInVersion: 1,
            ...activityValues(r, basis),
          })),
        )
        .returning();
      await tx.insert(planVersions).values({
        planId: plan!.id,
        version: 1,
        reason: null,
        snapshot: snapshotOf(plan!, rows),
        createdBy: c.actor.userId,
      });
      await audit(tx, c.actor, {
        action: 'plan.create',
        entity: 'plan',
        entityId: plan!.id,
        areaCode: person.areaCode,
        groupId: access.groupId,
        subjectIds: [person.id],
        detail: { personId: person.id, version: 1, activities: rows.length },
      });
      return plan!;
    });
    return { plan: await currentDto(c.db, plan), created: true };
  } catch (err) {
    if (input.clientId && uniqueViolation(err)) {
      const earlier = await findPlanByClientId(c.db, input.clientId);
      if (earlier) return { plan: await replayPlan(c, earlier, personId), created: false };
    }
    throw err;
  }
}

/** A retried create: the stored plan, if it is this person's and the actor may read it (audited as a read). */
async function replayPlan(c: PlanContext, earlier: PlanRow, personId: string): Promise<PlanDto> {
  const { person, access } = await personFor(c, earlier.personId, 'plan.read');
  if (earlier.personId !== personId) throw conflict('client_id_reused', {}, 'clientId');
  const dto = await currentDto(c.db, earlier);
  await audit(c.db, c.actor, {
    action: 'plan.read',
    entity: 'plan',
    entityId: earlier.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { personId: person.id, version: dto.version, replay: true },
  });
  return dto;
}

/** A plan as it is now, or `version` as it was. Audited. */
export async function getPlan(c: PlanContext, id: string, version?: number): Promise<PlanDto> {
  const { plan, person, access } = await visiblePlan(c, id, 'plan.read');
  let dto: PlanDto;
  if (version === undefined || version === plan.version) dto = await currentDto(c.db, plan);
  else {
    const v = await findVersion(c.db, plan.id, version);
    if (!v) throw notFound();
    dto = await planDto(c.db, plan, v.snapshot as PlanSnapshot, v.version, isoOf(v.createdAt));
  }
  await audit(c.db, c.actor, {
    action: 'plan.read',
    entity: 'plan',
    entityId: plan.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { personId: person.id, version: dto.version },
  });
  return dto;
}

export async function listPlans(c: PlanContext, personId: string, q: { limit: number; cursor?: string }) {
  const { person, access } = await personFor(c, personId, 'plan.read');
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await plansOfPerson(c.db, person.id, after, q.limit);
  const page = pageOf(rows, q.limit, (last) => [isoOf(last.createdAt), last.id]);
  const items = [];
  for (const p of page.items) items.push(await currentDto(c.db, p));
  await audit(c.db, c.actor, {
    action: 'plan.list',
    entity: 'person',
    entityId: person.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { count: items.length },
  });
  return { items, nextCursor: page.nextCursor };
}

export async function listVersions(c: PlanContext, id: string) {
  const { plan, person, access } = await visiblePlan(c, id, 'plan.read');
  const rows = await versionsOf(c.db, plan.id);
  await audit(c.db, c.actor, {
    action: 'plan.versions',
    entity: 'plan',
    entityId: plan.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { count: rows.length },
  });
  return {
    items: rows.map((v) => {
      const s = v.snapshot as PlanSnapshot;
      return {
        version: v.version,
        reason: v.reason,
        status: s.status,
        activityCount: s.activities.length,
        createdBy: v.createdBy,
        createdAt: isoOf(v.createdAt),
      };
    }),
  };
}

/**
 * An adjustment: a new version with its reason. Listed activities with an `id` are kept (and may
 * change); listed ones without are added; current ones not listed are dropped (`removed_in_version`
 * set, the row and its progress kept). Plan, activities, version row and audit row commit together.
 */
export async function patchPlan(c: PlanContext, id: string, input: PlanPatch): Promise<PlanDto> {
  const { plan, person, access } = await visiblePlan(c, id, 'plan.write');
  if (plan.status !== 'active') throw ruleBroken('plan_closed');

  const errors: FieldError[] = [];
  const startsOn = input.startsOn === undefined ? plan.startsOn : input.startsOn;
  const endsOn = input.endsOn === undefined ? plan.endsOn : input.endsOn;
  const dates = datesError(startsOn, endsOn);
  if (dates) errors.push(dates);
  const existing = await planActivitiesOf(c.db, plan.id);
  const current = new Map(existing.filter(isCurrent).map((a) => [a.id, a]));
  let checked: { errors: FieldError[]; resolved: Resolved[] } = { errors: [], resolved: [] };
  if (input.activities) {
    checked = await checkActivities(c, person, input.activities);
    errors.push(...checked.errors);
    const seen = new Set<string>();
    input.activities.forEach((a, i) => {
      if (!a.id) return;
      const row = current.get(a.id);
      if (!row || seen.has(a.id))
        errors.push({ path: `activities.${i}.id`, detail: 'plan_activity_unknown' });
      else if (row.activityId !== a.activityId)
        errors.push({ path: `activities.${i}.activityId`, detail: 'invalid' });
      seen.add(a.id);
    });
  }
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);
  const basis = input.activities ? await basisOf(c.db, person.id, plan.screeningId) : null;

  const updated = await c.db.transaction(async (tx) => {
    const locked = await lockPlan(tx, plan.id);
    if (locked?.status !== 'active') throw ruleBroken('plan_closed');
    const version = locked.version + 1;
    let added = 0;
    let removed = 0;
    if (input.activities) {
      const kept = new Set(input.activities.flatMap((a) => (a.id ? [a.id] : [])));
      const dropped = [...current.keys()].filter((k) => !kept.has(k));
      if (dropped.length > 0) {
        await tx
          .update(planActivities)
          .set({ removedInVersion: version })
          .where(inArray(planActivities.id, dropped));
      }
      removed = dropped.length;
      for (const r of checked.resolved) {
        const values = activityValues(r, basis);
        if (r.input.id) {
          const { addresses: _keep, ...change } = values;
          await tx.update(planActivities).set(change).where(eq(planActivities.id, r.input.id));
        } else {
          await tx
            .insert(planActivities)
            .values({ ...values, planId: plan.id, personId: person.id, addedInVersion: version });
          added++;
        }
      }
    }
    const [next] = await tx
      .update(plans)
      .set({
        version,
        goals: input.goals ?? locked.goals,
        startsOn,
        endsOn,
        status: input.status ?? locked.status,
        updatedAt: sql`now()`,
      })
      .where(eq(plans.id, plan.id))
      .returning();
    const rows = await planActivitiesOf(tx, plan.id);
    await tx.insert(planVersions).values({
      planId: plan.id,
      version,
      reason: input.reason,
      snapshot: snapshotOf(next!, rows),
      createdBy: c.actor.userId,
    });
    await audit(tx, c.actor, {
      action: 'plan.update',
      entity: 'plan',
      entityId: plan.id,
      areaCode: person.areaCode,
      groupId: access.groupId,
      subjectIds: [person.id],
      // Field names and counts only: the reason is free text and may hold health details.
      detail: {
        personId: person.id,
        version,
        added,
        removed,
        fields: Object.keys(input).filter((k) => k !== 'reason'),
        ...(input.status ? { status: input.status } : {}),
      },
    });
    return next!;
  });
  return currentDto(c.db, updated);
}
