/**
 * The follow-up queries: who is due this month, who got worse, a person's
 * timeline. Each is one statement served by the screening indexes
 * (person_id, instrument, taken_at), (area_code, taken_month, instrument) and
 * the partial follow-up index.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export const MONTHLY = 'wellbeing20';

export interface PersonColumns {
  id: string;
  title: string | null;
  first_name: string;
  last_name: string;
  birth_date: string;
  area_code: string;
  village_code: string | null;
  village_no: number | null;
  house_no: string | null;
}

const personColumns = sql`p.id, p.title, p.first_name, p.last_name, p.birth_date::text as birth_date,
  p.area_code, p.village_code, p.village_no, p.house_no`;

export interface PendingFollowUp {
  instrument: string;
  reason: string;
  screeningId: string;
  since: string;
}

export interface DueRow extends PersonColumns {
  registered_before_month: boolean;
  last_taken: unknown;
  done_this: boolean;
  done_last: boolean;
  follow_ups: PendingFollowUp[];
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * People registered by the end of the month who still owe its monthly
 * screening, or a follow-up instrument an earlier answer made due and that
 * has not been taken since. Keyset by name, like the registry.
 */
export async function dueRows(
  db: Db,
  q: {
    where: SQL;
    start: string;
    end: string;
    previousStart: string;
    assignee: string | null;
    after: [string, string, string] | null;
    limit: number;
  },
): Promise<DueRow[]> {
  const conditions: SQL[] = [sql`p.merged_into is null`, sql`p.created_at < ${q.end}::timestamptz`, q.where];
  if (q.assignee) {
    conditions.push(
      sql`exists (select 1 from screening a where a.taken_by = ${q.assignee}::uuid and a.person_id = p.id)`,
    );
  }
  if (q.after) {
    const [last, first, id] = q.after;
    conditions.push(sql`(p.last_name, p.first_name, p.id) > (${last}, ${first}, ${id}::uuid)`);
  }
  const monthly = (from: string | null, to: string) =>
    sql`exists (select 1 from screening s where s.person_id = p.id and s.instrument = ${MONTHLY}
      and ${from ? sql`s.taken_at >= ${from}::timestamptz and` : sql``} s.taken_at < ${to}::timestamptz)`;
  return rows<DueRow>(
    db,
    sql`select * from (
      select ${personColumns},
        p.created_at < ${q.start}::timestamptz as registered_before_month,
        (select max(s.taken_at) from screening s
          where s.person_id = p.id and s.instrument = ${MONTHLY} and s.taken_at < ${q.end}::timestamptz) as last_taken,
        ${monthly(q.start, q.end)} as done_this,
        ${monthly(q.previousStart, q.start)} as done_last,
        (select coalesce(json_agg(json_build_object('instrument', t.instrument, 'reason', t.reason,
                 'screeningId', t.id, 'since', t.taken_at) order by t.taken_at), '[]'::json)
          from (
            select distinct on (f.instrument) f.instrument, f.reason, s.id, s.taken_at
            from screening s
              cross join lateral jsonb_to_recordset(s.follow_ups) as f(instrument text, reason text)
            where s.person_id = p.id and cardinality(s.follow_up_instruments) > 0
              and s.taken_at < ${q.end}::timestamptz and f.instrument is not null
            order by f.instrument, s.taken_at desc, s.id desc
          ) t
          where not exists (select 1 from screening d where d.person_id = p.id and d.instrument = t.instrument
            and d.taken_at >= t.taken_at and d.taken_at < ${q.end}::timestamptz)
        ) as follow_ups
      from person p
      where ${sql.join(conditions, sql` and `)}
    ) x
    where not x.done_this or json_array_length(x.follow_ups) > 0
    order by x.last_name, x.first_name, x.id
    limit ${q.limit + 1}`,
  );
}

export interface WorseRow extends PersonColumns {
  screening_id: string;
  taken_at: unknown;
  levels: Record<string, string>;
  previous_id: string;
  previous_taken_at: unknown;
  previous_levels: Record<string, string>;
}

/**
 * Each person's latest monthly screening of the month against the one before
 * it (whenever that was), kept when any dimension's level is worse. Newest first.
 */
export async function worseRows(
  db: Db,
  q: { where: SQL; month: string; after: [string, string] | null; limit: number },
): Promise<WorseRow[]> {
  const keyset = q.after
    ? sql`and (x.taken_at, x.screening_id) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)`
    : sql``;
  return rows<WorseRow>(
    db,
    sql`select * from (
      select distinct on (s.person_id) ${personColumns},
        s.id as screening_id, s.taken_at, s.levels,
        prev.id as previous_id, prev.taken_at as previous_taken_at, prev.levels as previous_levels
      from screening s
        join person p on p.id = s.person_id
        cross join lateral (
          select q.id, q.taken_at, q.levels from screening q
          where q.person_id = s.person_id and q.instrument = ${MONTHLY}
            and (q.taken_at, q.id) < (s.taken_at, s.id)
          order by q.taken_at desc, q.id desc limit 1
        ) prev
      where s.instrument = ${MONTHLY} and s.taken_month = ${q.month} and p.merged_into is null and ${q.where}
      order by s.person_id, s.taken_at desc, s.id desc
    ) x
    where exists (
      select 1 from jsonb_each_text(x.levels) now_ join jsonb_each_text(x.previous_levels) before_
        on before_.key = now_.key
      where array_position(array['green', 'yellow', 'red'], now_.value)
          > array_position(array['green', 'yellow', 'red'], before_.value)
    ) ${keyset}
    order by x.taken_at desc, x.screening_id desc
    limit ${q.limit + 1}`,
  );
}

export interface TimelineRow {
  id: string;
  instrument: string;
  version: number;
  taken_at: unknown;
  taken_month: string;
  scores: Record<string, number>;
  levels: Record<string, string>;
  results: unknown[];
}

const timelineColumns = sql`s.id, s.instrument, s.version, s.taken_at, s.taken_month, s.scores, s.levels, s.results`;

/** The latest monthly screening of each of the person's last `months` screened months, newest first. */
export async function monthlyRows(db: Db, personId: string, months: number): Promise<TimelineRow[]> {
  return rows<TimelineRow>(
    db,
    sql`select distinct on (s.taken_month) ${timelineColumns}
      from screening s where s.person_id = ${personId}::uuid and s.instrument = ${MONTHLY}
      order by s.taken_month desc, s.taken_at desc, s.id desc
      limit ${months}`,
  );
}

/** The two latest monthly screenings, for the change badges. */
export async function latestMonthlyRows(db: Db, personId: string): Promise<TimelineRow[]> {
  return rows<TimelineRow>(
    db,
    sql`select ${timelineColumns} from screening s
      where s.person_id = ${personId}::uuid and s.instrument = ${MONTHLY}
      order by s.taken_at desc, s.id desc limit 2`,
  );
}

/** The latest result of each other instrument per Thai calendar year, oldest first. */
export async function yearlyRows(
  db: Db,
  personId: string,
  excluded: readonly string[],
): Promise<TimelineRow[]> {
  return rows<TimelineRow>(
    db,
    sql`select * from (
      select distinct on (s.instrument, left(s.taken_month, 4)) ${timelineColumns}
      from screening s
      where s.person_id = ${personId}::uuid and s.instrument <> all(${sql.param(excluded)}::text[])
      order by s.instrument, left(s.taken_month, 4) desc, s.taken_at desc, s.id desc
    ) y
    order by y.taken_at, y.instrument`,
  );
}
