import { eq } from 'drizzle-orm';
import { activityEffect, describeEffect, type EffectSummary } from '../../../core/plans/index.ts';
import type { Actor } from '../../../core/policy/index.ts';
import type { ActivityCreate, ActivityMode, PlanDimension } from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import type { Db } from '../../db/client.ts';
import { activities, areas } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { notFound, ruleBroken } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { isoOf } from '../screenings/iso.ts';
import { effectInputs } from './effect.ts';
import {
  type ActivityFilter,
  type ActivityRow,
  findActivity,
  listActivities,
  visibleToActor,
} from './repo.ts';
import type { ActivityDto, ActivityEffectDto } from './schemas.ts';

export interface ActivityContext {
  db: Db;
  actor: Actor;
  now: Date;
}

export function toActivityDto(r: ActivityRow): ActivityDto {
  return {
    id: r.id,
    code: r.code,
    dimension: r.dimension as PlanDimension,
    titleTh: r.titleTh,
    titleEn: r.titleEn,
    descriptionTh: r.descriptionTh,
    descriptionEn: r.descriptionEn,
    howTh: r.howTh,
    howEn: r.howEn,
    addresses: r.addresses,
    modes: r.modes as ActivityMode[],
    durationWeeks: r.durationWeeks,
    providerTypes: r.providerTypes,
    adlGroups: r.adlGroups,
    minAge: r.minAge,
    maxAge: r.maxAge,
    source: r.source,
    areaCode: r.areaCode,
    createdAt: isoOf(r.createdAt),
  };
}

export async function listLibrary(
  c: ActivityContext,
  q: ActivityFilter & { limit: number; cursor?: string },
): Promise<{ items: ActivityDto[]; nextCursor: string | null }> {
  ensureAllowed(c.actor, { action: 'activity.read' });
  const after = decodeCursor(q.cursor, 3) as [string, string, string] | null;
  const rows = await listActivities(c.db, visibleToActor(c.actor), q, after, q.limit);
  const page = pageOf(rows, q.limit, (last) => [last.dimension, last.code ?? '~', last.id]);
  return { items: page.items.map(toActivityDto), nextCursor: page.nextCursor };
}

async function visibleActivity(c: ActivityContext, id: string): Promise<ActivityRow> {
  ensureAllowed(c.actor, { action: 'activity.read' });
  const row = await findActivity(c.db, id, visibleToActor(c.actor));
  if (!row) throw notFound();
  return row;
}

/** Effect summaries for many activities at once (drafting ranks candidates by them). */
export async function effectSummaries(
  db: Db,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, EffectSummary>> {
  const inputs = await effectInputs(db, ids, bangkokDate(now));
  const out = new Map<string, EffectSummary>();
  for (const [id, input] of inputs) {
    out.set(
      id,
      activityEffect({
        dimension: input.dimension as PlanDimension,
        participants: input.participants,
        comparison: input.comparison,
      }),
    );
  }
  return out;
}

/** The published form of an effect: counts and means, never who. */
function effectDto(dimension: string, e: EffectSummary): ActivityEffectDto {
  return {
    dimension: dimension as PlanDimension,
    n: e.n,
    comparisonN: e.comparisonN,
    meanChange: e.meanChange,
    comparisonMeanChange: e.comparisonMeanChange,
    estimate: e.estimate,
    small: e.small,
    kind: describeEffect(e).kind,
  };
}

export async function activityEffectOf(c: ActivityContext, id: string): Promise<ActivityEffectDto> {
  const row = await visibleActivity(c, id);
  return effectDto(row.dimension, (await effectSummaries(c.db, [row.id], c.now)).get(row.id)!);
}

export async function getActivity(c: ActivityContext, id: string) {
  const row = await visibleActivity(c, id);
  const effect = effectDto(row.dimension, (await effectSummaries(c.db, [row.id], c.now)).get(row.id)!);
  return { ...toActivityDto(row), effect };
}

/** Adds an activity to the library: the platform's (operators) or an area's own (its area admins). Audited. */
export async function createActivity(c: ActivityContext, input: ActivityCreate): Promise<ActivityDto> {
  ensureAllowed(c.actor, { action: 'activity.create', areaCode: input.areaCode ?? null });
  if (input.minAge !== undefined && input.maxAge !== undefined && input.maxAge < input.minAge) {
    throw ruleBroken('invalid', {}, 'maxAge');
  }
  if (input.areaCode) {
    const [area] = await c.db.select({ code: areas.code }).from(areas).where(eq(areas.code, input.areaCode));
    if (!area) throw ruleBroken('area_unknown', { code: input.areaCode }, 'areaCode');
  }
  return c.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({
        dimension: input.dimension,
        titleTh: input.titleTh,
        titleEn: input.titleEn ?? null,
        descriptionTh: input.descriptionTh,
        descriptionEn: input.descriptionEn ?? null,
        howTh: input.howTh ?? null,
        howEn: input.howEn ?? null,
        addresses: input.addresses,
        modes: input.modes,
        durationWeeks: input.durationWeeks ?? null,
        providerTypes: input.providerTypes,
        adlGroups: input.adlGroups,
        minAge: input.minAge ?? null,
        maxAge: input.maxAge ?? null,
        source: input.source ?? null,
        areaCode: input.areaCode ?? null,
        createdBy: c.actor.userId,
      })
      .returning();
    await audit(tx, c.actor, {
      action: 'activity.create',
      entity: 'activity',
      entityId: row!.id,
      areaCode: row!.areaCode,
      detail: { dimension: row!.dimension, platform: row!.areaCode === null },
    });
    return toActivityDto(row!);
  });
}
