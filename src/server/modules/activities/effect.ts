import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** A person's score of one dimension before and after (the raw material of an effect; never leaves the server). */
export interface ScorePair {
  /** Only to count each person once; never leaves the server. */
  personId: string;
  before: number;
  after: number;
}

export interface EffectInput {
  activityId: string;
  dimension: string;
  participants: ScorePair[];
  comparison: ScorePair[];
}

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

/**
 * The before/after scores behind the effect of each activity (DOMAIN.md step 10): among people
 * whose plan included it for at least a month, their dimension's score on the last well-being
 * screening taken by the day it started, and on the first one at least two months later; and,
 * for comparison, the same two scores of people of the same subdistricts who never had it,
 * around the participants' median start. One query for all participants, one more per activity
 * that has any. Callers publish aggregates only, never the rows.
 */
export async function effectInputs(
  db: Db,
  activityIds: readonly string[],
  today: string,
): Promise<Map<string, EffectInput>> {
  const out = new Map<string, EffectInput>();
  if (activityIds.length === 0) return out;
  const ids = [...new Set(activityIds)];
  const dims = await db.execute(
    sql`select id, dimension from activity where id = any(${sql.param(ids)}::uuid[])`,
  );
  for (const r of rowsOf<{ id: string; dimension: string }>(dims)) {
    out.set(r.id, { activityId: r.id, dimension: r.dimension, participants: [], comparison: [] });
  }

  const participants = rowsOf<{
    activity_id: string;
    person_id: string;
    area_code: string;
    started: string;
    before: string;
    after: string;
  }>(
    await db.execute(sql`
      with spans as (
        select distinct on (pa.activity_id, pa.person_id)
          pa.activity_id, pa.person_id, a.dimension, p.area_code,
          coalesce(pa.starts_on, p.starts_on, (pa.created_at at time zone 'Asia/Bangkok')::date) as started,
          least(
            coalesce((rv.created_at at time zone 'Asia/Bangkok')::date, ${today}::date),
            case when p.status = 'closed' then (p.updated_at at time zone 'Asia/Bangkok')::date else ${today}::date end,
            coalesce(pa.ends_on, ${today}::date),
            ${today}::date
          ) as ended
        from plan_activity pa
        join plan p on p.id = pa.plan_id
        join activity a on a.id = pa.activity_id
        left join plan_version rv on rv.plan_id = pa.plan_id and rv.version = pa.removed_in_version
        where pa.activity_id = any(${sql.param(ids)}::uuid[])
        order by pa.activity_id, pa.person_id, started
      )
      select s.activity_id, s.person_id, s.area_code, s.started::text as started, b.score as before, f.score as after
      from spans s
      cross join lateral (
        select (x.scores ->> s.dimension)::float8 as score from screening x
        where x.person_id = s.person_id and x.instrument = 'wellbeing20'
          and x.taken_at < ((s.started + 1)::timestamp at time zone 'Asia/Bangkok')
          and x.scores ->> s.dimension is not null
        order by x.taken_at desc limit 1
      ) b
      cross join lateral (
        select (x.scores ->> s.dimension)::float8 as score from screening x
        where x.person_id = s.person_id and x.instrument = 'wellbeing20'
          and x.taken_at >= ((s.started + interval '2 months')::timestamp at time zone 'Asia/Bangkok')
          and x.scores ->> s.dimension is not null
        order by x.taken_at asc limit 1
      ) f
      where s.ended >= s.started + interval '1 month'`),
  );

  const starts = new Map<string, { areas: Set<string>; started: string[] }>();
  for (const r of participants) {
    const e = out.get(r.activity_id);
    if (!e) continue;
    e.participants.push({ personId: r.person_id, before: Number(r.before), after: Number(r.after) });
    const s = starts.get(r.activity_id) ?? { areas: new Set<string>(), started: [] };
    s.areas.add(r.area_code);
    s.started.push(r.started);
    starts.set(r.activity_id, s);
  }

  for (const [activityId, s] of starts) {
    const e = out.get(activityId)!;
    const sorted = [...s.started].sort();
    const t0 = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const comparison = rowsOf<{ person_id: string; before: string; after: string }>(
      await db.execute(sql`
        with people as (
          select distinct x.person_id from screening x
          where x.area_code = any(${sql.param([...s.areas])}::text[]) and x.instrument = 'wellbeing20'
            and x.taken_at < ((${t0}::date + 1)::timestamp at time zone 'Asia/Bangkok')
            and not exists (
              select 1 from plan_activity pa where pa.person_id = x.person_id and pa.activity_id = ${activityId}::uuid
            )
        )
        select pp.person_id, b.score as before, f.score as after
        from people pp
        cross join lateral (
          select (x.scores ->> ${e.dimension})::float8 as score from screening x
          where x.person_id = pp.person_id and x.instrument = 'wellbeing20'
            and x.taken_at < ((${t0}::date + 1)::timestamp at time zone 'Asia/Bangkok')
            and x.scores ->> ${e.dimension} is not null
          order by x.taken_at desc limit 1
        ) b
        cross join lateral (
          select (x.scores ->> ${e.dimension})::float8 as score from screening x
          where x.person_id = pp.person_id and x.instrument = 'wellbeing20'
            and x.taken_at >= ((${t0}::date + interval '2 months')::timestamp at time zone 'Asia/Bangkok')
            and x.scores ->> ${e.dimension} is not null
          order by x.taken_at asc limit 1
        ) f`),
    );
    e.comparison = comparison.map((r) => ({
      personId: r.person_id,
      before: Number(r.before),
      after: Number(r.after),
    }));
  }
  return out;
}
