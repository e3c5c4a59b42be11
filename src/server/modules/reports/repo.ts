import { and, between, eq, inArray, isNull, like, lt, type SQLWrapper, sql } from 'drizzle-orm';
import { adherence } from '../../../core/plans/adherence.ts';
import { WELLBEING_INSTRUMENT } from '../../../core/plans/screening.ts';
import { cellFrom, LEAF_ROW_SLOTS, type ReportCells } from '../../../core/reports/cells.ts';
import type { ReportPeriod } from '../../../core/reports/period.ts';
import type { Db } from '../../db/client.ts';
import { areas, persons, planProgress, plans, reportCells, screenings } from '../../db/schema.ts';
import { progressWhere } from './rows.ts';

/** DOPA village codes: province 2, district 2, subdistrict 2, village 2 digits. */
const VILLAGE_CODE_LENGTH = 8;

/**
 * The village codes under an area, as a range of a text column. Codes are digits of one length, so the
 * range holds under any collation (a bound like `90~` does not: some collations skip punctuation).
 */
const villagesUnder = (column: SQLWrapper, area: string) =>
  between(column, area.padEnd(VILLAGE_CODE_LENGTH, '0'), area.padEnd(VILLAGE_CODE_LENGTH, '9'));

/**
 * An area's cells for some periods, and (for the village and household breakdowns) the period's
 * cells of every leaf beneath it: one index lookup, or one index range.
 */
export async function readCells(
  db: Db,
  area: string,
  periods: readonly string[],
  leavesOf?: string,
): Promise<ReportCells> {
  const own = await db
    .select({ period: reportCells.period, counts: reportCells.counts })
    .from(reportCells)
    .where(and(eq(reportCells.area, area), inArray(reportCells.period, [...periods])));
  const scope = new Map(own.map((r) => [r.period, cellFrom(r.counts)]));
  if (leavesOf === undefined) return { scope };
  const rows = await db
    .select({
      area: reportCells.area,
      counts: sql<number[]>`${reportCells.counts}[1:${sql.raw(String(LEAF_ROW_SLOTS))}]`,
    })
    .from(reportCells)
    .where(
      and(
        eq(reportCells.period, leavesOf),
        villagesUnder(reportCells.area, area),
        sql`length(${reportCells.area}) = ${VILLAGE_CODE_LENGTH}`,
      ),
    );
  return { scope, leaves: rows.map((r) => ({ leaf: r.area, cell: cellFrom(r.counts) })) };
}

/** Thai names of the villages in an area: a range of the primary key, not a list of thousands of codes. */
export async function villageNames(db: Db, area: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ code: areas.code, name: areas.nameTh })
    .from(areas)
    .where(and(eq(areas.level, 'village'), villagesUnder(areas.code, area)));
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

/** The area is in the DOPA tree (the no-village leaf `<subdistrict>00` counts when its subdistrict is). */
export async function areaExists(db: Db, code: string): Promise<boolean> {
  const known = code.length === 8 && code.endsWith('00') ? code.slice(0, 6) : code;
  const [row] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, known)).limit(1);
  return row !== undefined;
}

/** The live people of an area, for SQL: a village by its code, a bigger area by prefix. */
export function personInArea(code: string) {
  return code.length === 8
    ? and(eq(persons.areaCode, code.slice(0, 6)), eq(persons.villageCode, code), isNull(persons.mergedInto))
    : and(like(persons.areaCode, `${code}%`), isNull(persons.mergedInto));
}

/**
 * Plan figures of an area (`expected.ts` defines them), from the plan tables: plans are few
 * beside screenings, so they are counted when asked rather than kept in cells.
 */
export async function planFiguresOf(db: Db, area: string, period: ReportPeriod) {
  // Plans are joined to their person (plans are few beside people: the planner walks plans).
  const any = await db
    .select({ id: plans.id })
    .from(plans)
    .innerJoin(persons, eq(persons.id, plans.personId))
    .where(personInArea(area))
    .limit(1);
  if (any.length === 0) return undefined;
  const [withPlan] = await db
    .select({ n: sql<number>`count(distinct ${plans.personId})::int` })
    .from(plans)
    .innerJoin(persons, eq(persons.id, plans.personId))
    .where(
      and(
        personInArea(area),
        lt(plans.createdAt, period.end),
        sql`exists (select 1 from ${screenings} s where s.person_id = ${plans.personId}
          and s.instrument = ${WELLBEING_INSTRUMENT} and s.taken_month in ${period.months})`,
      ),
    );
  const entries = await progressWhere(
    db,
    and(personInArea(area), inArray(planProgress.month, period.months)),
  );
  return {
    withPlan: withPlan?.n ?? 0,
    reporting: new Set(entries.map((e) => e.personId)).size,
    adherence: adherence(entries).percent,
  };
}
