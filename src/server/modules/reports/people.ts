import { sql } from 'drizzle-orm';
import { WELLBEING_INSTRUMENT } from '../../../core/plans/screening.ts';
import type { ReportPeriod } from '../../../core/reports/period.ts';
import type { ReportPeopleQuery, ReportPersonRow } from '../../../core/schemas/report.ts';
import type { Db } from '../../db/client.ts';
import { persons, screenings } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { isoOf } from '../screenings/iso.ts';
import { personInArea } from './repo.ts';

/**
 * The people whose latest `wellbeing20` screening in the period has `level` in `dimension`: the
 * people behind one number of the report, in name order, a page at a time.
 */
export async function peopleBehind(
  db: Db,
  q: ReportPeopleQuery,
  period: ReportPeriod,
): Promise<{ items: ReportPersonRow[]; nextCursor: string | null }> {
  const after = decodeCursor(q.cursor, 3);
  const rows = (
    (await db.execute(sql`
      with latest as (
        select distinct on (s.person_id) s.person_id, s.taken_at, s.levels ->> ${q.dimension} as level
        from ${screenings} s join ${persons} on ${persons.id} = s.person_id
        where ${personInArea(q.area)} and s.instrument = ${WELLBEING_INSTRUMENT}
          and s.taken_month in ${period.months}
        order by s.person_id, s.taken_at desc, s.id desc
      )
      select p.id, p.first_name, p.last_name, p.village_code, l.level, l.taken_at
      from latest l join person p on p.id = l.person_id
      where l.level = ${q.level}
        ${after ? sql`and (p.last_name, p.first_name, p.id::text) > (${after[0]}, ${after[1]}, ${after[2]})` : sql``}
      order by p.last_name, p.first_name, p.id::text
      limit ${q.limit + 1}
    `)) as unknown as {
      rows: {
        id: string;
        first_name: string;
        last_name: string;
        village_code: string | null;
        level: 'green' | 'yellow' | 'red';
        taken_at: unknown;
      }[];
    }
  ).rows;
  const page = pageOf(rows, q.limit, (r) => [r.last_name, r.first_name, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      villageCode: r.village_code,
      level: r.level,
      takenAt: isoOf(r.taken_at),
    })),
    nextCursor: page.nextCursor,
  };
}
