import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { checkProgress } from '../../../core/plans/index.ts';
import { decide, hasRole } from '../../../core/policy/index.ts';
import type { PlanProgressInput, ProgressReporter, ProgressStatus } from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import { personLinks, planProgress } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { conflict, type FieldError, notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import type { Access } from '../groups/access.ts';
import type { PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { isoOf } from '../screenings/iso.ts';
import {
  findPlan,
  isCurrent,
  type PlanActivityRow,
  type PlanRow,
  type ProgressRow,
  planActivitiesOf,
  progressByClientIds,
  progressOf,
} from './repo.ts';
import type { ProgressEntryDto } from './schemas.ts';
import { adherenceOf, laterThan, type PlanContext, personFor } from './service.ts';

/**
 * One request's clientId stands for all its entries: each entry's own key is derived from it and
 * its position (a name-based UUID), so a retry finds every row it stored and stores none again.
 */
export function entryClientId(clientId: string, index: number): string {
  const h = createHash('sha256').update(`${clientId}:${index}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function entryDto(r: ProgressRow, superseded: boolean): ProgressEntryDto {
  return {
    id: r.id,
    planActivityId: r.planActivityId,
    month: r.month,
    status: r.status as ProgressStatus,
    note: r.note,
    photo: (r.photo as ProgressEntryDto['photo']) ?? null,
    reportedAs: r.reportedAs as ProgressReporter,
    reportedAt: isoOf(r.createdAt),
    superseded,
  };
}

interface Reach {
  person: PersonRow | null;
  access: Access | null;
  /** Reached through the organisation responsible for every activity reported on. */
  asOrganization: boolean;
}

/**
 * Who may report: whoever may report on the person (the area team, an identified group member,
 * the person or their proxy), or a member of the organisation responsible for every activity in the
 * report, who reaches the task and not the person.
 */
async function reach(
  c: PlanContext,
  plan: PlanRow,
  rows: PlanActivityRow[],
  input: PlanProgressInput,
): Promise<Reach> {
  try {
    const { person, access } = await personFor(c, plan.personId, 'plan.progress');
    return { person, access, asOrganization: false };
  } catch (err) {
    if (!(err instanceof Problem) || err.status !== 404) throw err;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const owed = input.entries.every((e) => {
      const row = byId.get(e.planActivityId);
      return (
        row !== undefined &&
        decide(c.actor, { action: 'task.progress', organizationId: row.organizationId }).allow
      );
    });
    if (!owed) throw err;
    return { person: null, access: null, asOrganization: true };
  }
}

async function reporterOf(
  c: PlanContext,
  plan: PlanRow,
  r: Reach,
  rows: PlanActivityRow[],
  input: PlanProgressInput,
): Promise<ProgressReporter> {
  if (r.access?.via === 'self') {
    const [link] = await c.db
      .select({ relation: personLinks.relation })
      .from(personLinks)
      .where(
        and(
          eq(personLinks.personId, plan.personId),
          eq(personLinks.userId, c.actor.userId),
          isNull(personLinks.revokedAt),
        ),
      )
      .limit(1);
    return link?.relation === 'proxy' ? 'proxy' : 'self';
  }
  const byId = new Map(rows.map((x) => [x.id, x]));
  const org = c.actor.organizationId;
  if (
    r.asOrganization ||
    (org !== null && input.entries.every((e) => byId.get(e.planActivityId)?.organizationId === org))
  ) {
    return 'organization';
  }
  return hasRole(c.actor, 'volunteer', 'caregiver') ? 'volunteer' : 'staff';
}

export interface ProgressResult {
  planId: string;
  month: string;
  entries: ProgressEntryDto[];
  adherence: { percent: number | null; months: number };
}

async function resultOf(
  c: PlanContext,
  plan: PlanRow,
  month: string,
  stored: ProgressRow[],
): Promise<ProgressResult> {
  const rows = await planActivitiesOf(c.db, plan.id);
  const all = await progressOf(
    c.db,
    rows.map((r) => r.id),
  );
  const measured = adherenceOf(all);
  return {
    planId: plan.id,
    month,
    entries: stored.map((s) =>
      entryDto(
        s,
        all.some((o) => o.planActivityId === s.planActivityId && o.month === s.month && laterThan(o, s)),
      ),
    ),
    adherence: { percent: measured.percent, months: measured.months },
  };
}

/**
 * A month's progress on plan activities (DOMAIN.md step 9). Each entry is checked by the plan
 * rules (`checkProgress`): 422 naming each one that breaks one. A later report for the same month
 * and activity supersedes the earlier one; both are kept.
 */
export async function reportProgress(
  c: PlanContext,
  planId: string,
  input: PlanProgressInput,
): Promise<{ result: ProgressResult; created: boolean }> {
  const clientIds = input.clientId ? input.entries.map((_, i) => entryClientId(input.clientId!, i)) : [];
  if (input.clientId) {
    const stored = await storedUnder(c, clientIds);
    if (stored.length > 0) return { result: await replay(c, planId, input, stored), created: false };
  }
  const plan = await findPlan(c.db, planId);
  if (!plan) throw notFound();
  const rows = await planActivitiesOf(c.db, plan.id);
  const r = await reach(c, plan, rows, input);
  if (plan.status !== 'active') throw ruleBroken('plan_closed');

  const today = bangkokDate(c.now);
  const active = rows.filter(isCurrent);
  const broken = checkProgress({
    month: input.month,
    today,
    planStartsOn: plan.startsOn,
    entries: input.entries,
    activeActivityIds: new Set(active.map((a) => a.id)),
  });
  if (broken.length > 0) {
    const errors: FieldError[] = broken.map((b) => ({ path: b.path, detail: `progress_${b.code}` as const }));
    throw new Problem(422, 'domain_rule', undefined, {}, errors);
  }
  const reportedAs = await reporterOf(c, plan, r, rows, input);

  try {
    const stored = await c.db.transaction(async (tx) => {
      const made = await tx
        .insert(planProgress)
        .values(
          input.entries.map((e, i) => ({
            planId: plan.id,
            planActivityId: e.planActivityId,
            month: input.month,
            status: e.status,
            note: e.note ?? null,
            photo: e.photo ?? null,
            reportedAs,
            reportedBy: c.actor.userId,
            clientId: clientIds[i] ?? null,
          })),
        )
        .returning();
      await audit(tx, c.actor, {
        action: 'plan.progress',
        entity: 'plan',
        entityId: plan.id,
        areaCode: plan.areaCode,
        groupId: r.access?.groupId ?? null,
        subjectIds: [plan.personId],
        // Statuses are counted, notes never copied: a note may hold health details.
        detail: { personId: plan.personId, month: input.month, entries: made.length, reportedAs },
      });
      return made;
    });
    return { result: await resultOf(c, plan, input.month, stored), created: true };
  } catch (err) {
    // The same clientId at the same moment: the unique index decides, the loser replays.
    if (input.clientId && uniqueViolation(err)) {
      const stored = await storedUnder(c, clientIds);
      if (stored.length > 0) return { result: await replay(c, planId, input, stored), created: false };
    }
    throw err;
  }
}

/** The rows a report stored under its entries' keys, in the order of its entries. */
async function storedUnder(c: PlanContext, clientIds: string[]): Promise<ProgressRow[]> {
  const rows = await progressByClientIds(c.db, clientIds);
  const at = new Map(clientIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => (at.get(a.clientId ?? '') ?? 0) - (at.get(b.clientId ?? '') ?? 0));
}

async function replay(c: PlanContext, planId: string, input: PlanProgressInput, stored: ProgressRow[]) {
  const plan = await findPlan(c.db, stored[0]!.planId);
  if (!plan) throw notFound();
  const rows = await planActivitiesOf(c.db, plan.id);
  const r = await reach(c, plan, rows, {
    ...input,
    entries: stored.map((s) => ({ planActivityId: s.planActivityId, status: 'done' as const })),
  });
  if (plan.id !== planId) throw conflict('client_id_reused', {}, 'clientId');
  await audit(c.db, c.actor, {
    action: 'plan.progress.read',
    entity: 'plan',
    entityId: plan.id,
    areaCode: plan.areaCode,
    groupId: r.access?.groupId ?? null,
    subjectIds: [plan.personId],
    detail: { personId: plan.personId, replay: true, entries: stored.length },
  });
  return resultOf(c, plan, stored[0]!.month, stored);
}

/** Every report on a plan (newest first), superseded ones marked. Audited. */
export async function listProgress(
  c: PlanContext,
  planId: string,
  q: { month?: string; limit: number; cursor?: string },
) {
  const plan = await findPlan(c.db, planId);
  if (!plan) throw notFound();
  const { person, access } = await personFor(c, plan.personId, 'plan.read');
  const after = decodeCursor(q.cursor, 3) as [string, string, string] | null;
  const where: SQL[] = [eq(planProgress.planId, plan.id)];
  if (q.month) where.push(eq(planProgress.month, q.month));
  if (after) {
    where.push(
      sql`(${planProgress.month}, ${planProgress.createdAt}, ${planProgress.id}) < (${after[0]}, ${after[1]}::timestamptz, ${after[2]}::uuid)`,
    );
  }
  const rows = await c.db
    .select()
    .from(planProgress)
    .where(and(...where))
    .orderBy(desc(planProgress.month), desc(planProgress.createdAt), desc(planProgress.id))
    .limit(q.limit + 1);
  // Superseded: a later report on the same activity and month exists (a plan has few reports).
  const all = await c.db.select().from(planProgress).where(eq(planProgress.planId, plan.id));
  const superseded = (r: ProgressRow) =>
    all.some((o) => o.planActivityId === r.planActivityId && o.month === r.month && laterThan(o, r));
  const page = pageOf(rows, q.limit, (last) => [last.month, isoOf(last.createdAt), last.id]);
  await audit(c.db, c.actor, {
    action: 'plan.progress.list',
    entity: 'plan',
    entityId: plan.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { count: page.items.length, ...(q.month ? { month: q.month } : {}) },
  });
  return {
    items: page.items.map((r) => entryDto(r, superseded(r))),
    nextCursor: page.nextCursor,
  };
}
