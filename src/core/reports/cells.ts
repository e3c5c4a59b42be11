/**
 * Rollup cells: the maintained aggregates the server answers reports from (issue 7).
 *
 * A cell is a fixed list of counters (`slots`) for one period (a CE year `YYYY` or a month
 * `YYYY-MM`) and one area. The smallest area is a leaf: a village (8 digits), or the people of a
 * subdistrict with no village (`<subdistrict>00`). A leaf's cells are computed here from its
 * people and their screenings alone (`leafCells`), and every figure of a report is a sum of cells
 * (`reportFromCells`), so the cells of a district or province are sums of their leaves' cells and
 * a changed village only needs its own cells computed again and the difference added above it.
 *
 * Everything in a cell must therefore be additive over people, and must not depend on the day it
 * is computed: ages are taken on the period's last day (`reportPeriod.asOf`), and what depends on
 * "now" (the reference month) is read from month cells. The definitions are `expected.ts`'s; the
 * tests hold this module to it figure by figure.
 */
import { getInstrument, type Level, totalRange } from '../instruments/index.ts';
import { adlGroups, vulnerabilityOf } from '../persons/vulnerability.ts';
import { itemLevelsOfScreening, WELLBEING_INSTRUMENT, wellbeingItemCodes } from '../plans/screening.ts';
import { sexes, vulnerabilityTypes } from '../schemas/person.ts';
import {
  type BreakdownRow,
  type ReportDimension,
  type ReportPlans,
  type ReportQuery,
  reportDimensions,
  type TrendPoint,
  type WellbeingReport,
} from '../schemas/report.ts';
import { bangkokDate, bangkokMonth, monthStart, shiftMonth } from '../screenings/month.ts';
import { ageOn } from '../thai/birthDate.ts';
import { ageBandOf, ageBands, meanOf, percentOf, totalBandOf, totalBands } from './bands.ts';
import { type ChangeKey, changeBetween, type ReportPerson, type ReportScreening } from './expected.ts';
import { forecastOfTrend } from './forecast.ts';
import { monthsBetween, reportPeriod } from './period.ts';

const levels: readonly Level[] = ['green', 'yellow', 'red'];
const changeKeys: readonly ChangeKey[] = ['improved', 'worse', 'same'];
const NONE = 'none';

/** The breakdowns kept per person in every cell, with every key they can take. */
export const cellBreakdowns = {
  sex: [...sexes],
  age: [...ageBands],
  adl: [...adlGroups, NONE],
  vulnerability: [...vulnerabilityTypes, NONE],
} as const;
type CellBreakdown = keyof typeof cellBreakdowns;

const definition = getInstrument(WELLBEING_INSTRUMENT);
if (!definition) throw new Error('wellbeing20 is not published');
const scoreRange = totalRange(definition);
const scoreBands = totalBands(scoreRange.min, scoreRange.max);
const itemCodes = wellbeingItemCodes();

/** The counters of a cell, in order. Changing this list changes `cellSignature`: cells are rebuilt. */
export const slots: readonly string[] = (() => {
  const dims = (prefix: string) => reportDimensions.flatMap((d) => levels.map((l) => `${prefix}${d}.${l}`));
  // First what a village row of the village and household breakdowns shows (`LEAF_ROW_SLOTS`).
  const names = ['reg', 'scr', ...dims('dim.'), 'hh.reg', 'hh.scr', ...dims('hh.'), 'overdue', 'total.sum'];
  for (const d of reportDimensions) names.push(`mean.${d}.sum`, `mean.${d}.n`);
  for (const code of itemCodes) for (const l of levels) names.push(`item.${code}.${l}`);
  for (const band of scoreBands) names.push(`score.${band}`);
  for (const l of levels) names.push(`worst.${l}`);
  for (const k of changeKeys) names.push(`change.${k}`);
  for (const d of reportDimensions) for (const k of changeKeys) names.push(`change.${d}.${k}`);
  for (const [b, keys] of Object.entries(cellBreakdowns)) {
    for (const key of keys) names.push(`${b}.${key}.reg`, `${b}.${key}.scr`, ...dims(`${b}.${key}.`));
  }
  return names;
})();

/** The leading slots a village row needs: a province's hundreds of villages are read that far only. */
export const LEAF_ROW_SLOTS = 2 * (2 + reportDimensions.length * levels.length);

const index = new Map(slots.map((name, i) => [name, i]));
/** The position of a named counter. */
export function slotOf(name: string): number {
  const i = index.get(name);
  if (i === undefined) throw new Error(`no report slot ${name}`);
  return i;
}

/** Identifies the slot list, so that cells built with another list are known to be stale. */
export const cellSignature = `v1:${slots.length}:${hashOf(slots.join(','))}`;

function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

export type Cell = Int32Array;
const bump = (cell: Cell, i: number, by = 1) => {
  cell[i] = (cell[i] as number) + by;
};
export const emptyCell = (): Cell => new Int32Array(slots.length);

/** A stored row's counters as a cell (a shorter row, such as a village row's leading slots, padded with zeros). */
export function cellFrom(counts: readonly number[]): Cell {
  const cell = emptyCell();
  cell.set(counts.length > slots.length ? counts.slice(0, slots.length) : counts);
  return cell;
}

/** Adds `b` into `a`, `sign` times. */
export function addCell(a: Cell, b: Cell, sign = 1): Cell {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + sign * (b[i] as number);
  return a;
}

// Slot positions used per person, looked up once.
const at = {
  reg: slotOf('reg'),
  scr: slotOf('scr'),
  overdue: slotOf('overdue'),
  totalSum: slotOf('total.sum'),
  dim: (prefix: string) =>
    Object.fromEntries(
      reportDimensions.map((d) => [
        d,
        Object.fromEntries(levels.map((l) => [l, slotOf(`${prefix}${d}.${l}`)])),
      ]),
    ) as Record<ReportDimension, Record<Level, number>>,
};
const dimSlots = at.dim('dim.');
const hhSlots = { reg: slotOf('hh.reg'), scr: slotOf('hh.scr'), dim: at.dim('hh.') };
const meanSlots = Object.fromEntries(
  reportDimensions.map((d) => [d, { sum: slotOf(`mean.${d}.sum`), n: slotOf(`mean.${d}.n`) }]),
) as Record<ReportDimension, { sum: number; n: number }>;
const breakdownSlots = Object.fromEntries(
  Object.entries(cellBreakdowns).map(([b, keys]) => [
    b,
    Object.fromEntries(
      keys.map((key) => [
        key,
        { reg: slotOf(`${b}.${key}.reg`), scr: slotOf(`${b}.${key}.scr`), dim: at.dim(`${b}.${key}.`) },
      ]),
    ),
  ]),
) as Record<
  CellBreakdown,
  Record<string, { reg: number; scr: number; dim: Record<ReportDimension, Record<Level, number>> }>
>;

const levelSlots = (prefix: string) =>
  Object.fromEntries(levels.map((l) => [l, slotOf(`${prefix}${l}`)])) as Record<Level, number>;
const changeSlots = (prefix: string) =>
  Object.fromEntries(changeKeys.map((k) => [k, slotOf(`${prefix}${k}`)])) as Record<ChangeKey, number>;
const named = {
  worst: levelSlots('worst.'),
  score: new Map(scoreBands.map((band) => [band, slotOf(`score.${band}`)])),
  item: new Map(itemCodes.map((code) => [code, levelSlots(`item.${code}.`)])),
  change: changeSlots('change.'),
  changeOf: Object.fromEntries(reportDimensions.map((d) => [d, changeSlots(`change.${d}.`)])) as Record<
    ReportDimension,
    Record<ChangeKey, number>
  >,
};

const isLevel = (v: unknown): v is Level => v === 'green' || v === 'yellow' || v === 'red';
const worse = (a: Level | undefined, b: Level): Level =>
  a === undefined || levels.indexOf(b) > levels.indexOf(a) ? b : a;

/** The leaf a person counts in: their village, or `<subdistrict>00` without one. */
export const leafOf = (p: Pick<ReportPerson, 'areaCode' | 'villageCode'>): string =>
  p.villageCode ?? `${p.areaCode}00`;

/** The area keys whose cells a leaf adds into: province, district, subdistrict, the leaf. */
export const areaKeysOf = (leaf: string): string[] => [
  leaf.slice(0, 2),
  leaf.slice(0, 4),
  leaf.slice(0, 6),
  leaf,
];

/** The period key of a report: its CE year, or its month. */
export const periodKeyOf = (yearBE: number, month?: number): string => {
  const year = String(yearBE - 543);
  return month === undefined ? year : `${year}-${String(month).padStart(2, '0')}`;
};

interface Dated {
  screening: ReportScreening;
  month: string;
  at: number;
}

/** The period's months and end. */
function periodOf(key: string) {
  const months = key.length === 4 ? monthsBetween(`${key}-01`, `${key}-12`) : [key];
  const end = monthStart(shiftMonth(months.at(-1) as string, 1));
  return {
    end: Date.parse(end),
    start: Date.parse(monthStart(months[0] as string)),
    /** The month before (of a month period): for `overdue`. */
    before: shiftMonth(months[0] as string, -1),
    asOf: bangkokDate(new Date(Date.parse(end) - 1)),
  };
}
const periodCache = new Map<string, ReturnType<typeof periodOf>>();
const periodInfo = (key: string) => {
  let p = periodCache.get(key);
  if (!p) {
    p = periodOf(key);
    periodCache.set(key, p);
  }
  return p;
};

/** The breakdown keys of a person on a date. */
function breakdownKeysOf(p: ReportPerson, asOf: string): [CellBreakdown, string][] {
  const types = vulnerabilityOf(p.vulnerability, p.birthDate, asOf, p.adlGroup);
  const keys: [CellBreakdown, string][] = [
    ['sex', p.sex],
    ['age', ageBandOf(ageOn(p.birthDate, asOf))],
    ['adl', p.adlGroup ?? NONE],
  ];
  for (const t of types.length > 0 ? new Set(types) : [NONE]) keys.push(['vulnerability', t]);
  return keys;
}

/**
 * The cells of one leaf, for every period from its first data up to `lastYear` (CE): one per
 * period where someone is registered. `people` are the leaf's people (merged records are left
 * out here); `screenings` theirs, of any instrument.
 */
export function leafCells(
  people: readonly ReportPerson[],
  screenings: readonly ReportScreening[],
  lastYear: number,
): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const cellOf = (period: string) => {
    let c = cells.get(period);
    if (!c) {
      c = emptyCell();
      cells.set(period, c);
    }
    return c;
  };
  const own = new Map<string, Dated[]>();
  for (const s of screenings) {
    if (s.instrument !== WELLBEING_INSTRUMENT) continue;
    const list = own.get(s.personId) ?? [];
    list.push({ screening: s, month: bangkokMonth(s.takenAt), at: Date.parse(s.takenAt) });
    own.set(s.personId, list);
  }
  // period → household → the worst level per dimension of its screened members (null: none screened).
  const households = new Map<string, Map<string, Partial<Record<ReportDimension, Level>> | null>>();

  for (const p of people) {
    if (p.mergedInto !== null) continue;
    const dated = (own.get(p.id) ?? []).sort((a, b) =>
      a.at !== b.at ? a.at - b.at : a.screening.id < b.screening.id ? -1 : 1,
    );
    // What each screening adds when it is the latest of a period, worked out once.
    const adds = dated.map((d, i) =>
      screenedSlots(d.screening, i > 0 ? (dated[i - 1] as Dated).screening : undefined),
    );
    const latestInMonth = new Map<string, number>();
    for (const [i, d] of dated.entries()) latestInMonth.set(d.month, i);
    const created = Date.parse(p.createdAt);
    const firstYear = Math.min(
      Number(bangkokMonth(p.createdAt).slice(0, 4)),
      ...dated.map((d) => Number(d.month.slice(0, 4))),
    );
    for (let year = firstYear; year <= lastYear; year++) {
      let latestInYear = -1;
      for (const [month, i] of latestInMonth)
        if (month.startsWith(`${year}-`) && i > latestInYear) latestInYear = i;
      for (const key of periodKeysOf(year)) {
        const period = periodInfo(key);
        const latest = key.length === 4 ? latestInYear : (latestInMonth.get(key) ?? -1);
        if (created >= period.end && latest < 0) continue;
        const cell = cellOf(key);
        bump(cell, at.reg);
        if (key.length === 7 && latest < 0 && created < period.start && !latestInMonth.has(period.before)) {
          bump(cell, at.overdue);
        }
        const now = latest >= 0 ? (dated[latest] as Dated).screening : undefined;
        for (const s of breakdownSlotsOf(p, period.asOf)) {
          bump(cell, s.reg);
          if (!now) continue;
          bump(cell, s.scr);
          for (const d of reportDimensions) {
            const level = now.levels[d];
            if (isLevel(level)) bump(cell, s.dim[d][level]);
          }
        }
        if (latest >= 0) {
          const list = adds[latest] as number[];
          for (let i = 0; i < list.length; i += 2) bump(cell, list[i] as number, list[i + 1] as number);
        }
        if (p.householdId !== null) {
          let inPeriod = households.get(key);
          if (!inPeriod) {
            inPeriod = new Map();
            households.set(key, inPeriod);
          }
          let worst = inPeriod.get(p.householdId) ?? null;
          if (now) {
            worst ??= {};
            for (const d of reportDimensions) {
              const level = now.levels[d];
              if (isLevel(level)) worst[d] = worse(worst[d], level);
            }
          }
          inPeriod.set(p.householdId, worst);
        }
      }
    }
  }
  for (const [key, inPeriod] of households) {
    const cell = cellOf(key);
    for (const worst of inPeriod.values()) {
      bump(cell, hhSlots.reg);
      if (worst === null) continue;
      bump(cell, hhSlots.scr);
      for (const d of reportDimensions) {
        const level = worst[d];
        if (level) bump(cell, hhSlots.dim[d][level]);
      }
    }
  }
  return cells;
}

const keysOfYear = new Map<number, string[]>();
/** A year's period keys: the year, then its months. */
function periodKeysOf(year: number): string[] {
  let keys = keysOfYear.get(year);
  if (!keys) {
    keys = [String(year), ...monthsBetween(`${year}-01`, `${year}-12`)];
    keysOfYear.set(year, keys);
  }
  return keys;
}

/** The breakdown slots a person counts in on a date. */
function breakdownSlotsOf(p: ReportPerson, asOf: string) {
  const out: (typeof breakdownSlots)[CellBreakdown][string][] = [];
  for (const [b, k] of breakdownKeysOf(p, asOf)) {
    const s = breakdownSlots[b][k];
    if (s) out.push(s);
  }
  return out;
}

/**
 * What a screened person adds, as [slot, amount] pairs: levels, items, scores, and the change
 * from the screening before.
 */
function screenedSlots(now: ReportScreening, before: ReportScreening | undefined): number[] {
  const out: number[] = [at.scr, 1];
  let w: Level | undefined;
  for (const d of reportDimensions) {
    const level = now.levels[d];
    if (isLevel(level)) {
      out.push(dimSlots[d][level], 1);
      w = worse(w, level);
    }
    const score = now.scores[d];
    if (typeof score === 'number') {
      // Dimension scores are whole numbers (INSTRUMENTS.md §1); counters are integers.
      out.push(meanSlots[d].sum, Math.round(score), meanSlots[d].n, 1);
    }
  }
  if (w) out.push(named.worst[w], 1);
  const total = now.scores.total ?? reportDimensions.reduce((sum, d) => sum + (now.scores[d] ?? 0), 0);
  out.push(at.totalSum, Math.round(total));
  out.push(named.score.get(totalBandOf(total, scoreRange.min, scoreRange.max)) as number, 1);
  for (const [code, level] of Object.entries(now.itemLevels ?? itemLevelsOfScreening(now))) {
    const i = named.item.get(code)?.[level];
    if (i !== undefined) out.push(i, 1);
  }
  if (before) {
    const change = changeBetween(before, now);
    out.push(named.change[change.person], 1);
    for (const [d, k] of Object.entries(change.dimensions))
      out.push(named.changeOf[d as ReportDimension][k], 1);
  }
  return out;
}

/** Cells by period, read for one report. */
export interface ReportCells {
  /** The scope's cell for each period asked for (the report's period and its trend months). */
  scope: ReadonlyMap<string, Cell>;
  /** For the village and household breakdowns: the period's cells of every leaf in the scope. */
  leaves?: readonly { leaf: string; cell: Cell }[];
}

/** The period keys a report reads from the scope: its own, then the trend months. */
export function periodsOfReport(q: Pick<ReportQuery, 'yearBE' | 'month'>, now: string | number | Date) {
  const period = reportPeriod(q.yearBE, q.month, now);
  return { period, key: periodKeyOf(q.yearBE, q.month), months: period.trendMonths };
}

/** The report, from cells. Plans are figured apart (they are not per period of screening). */
export function reportFromCells(
  q: ReportQuery,
  now: string | number | Date,
  cells: ReportCells,
  extra: { names?: Readonly<Record<string, string>>; plans?: ReportPlans } = {},
): WellbeingReport {
  const { period, key, months } = periodsOfReport(q, now);
  const cell = cells.scope.get(key) ?? emptyCell();
  const n = (name: string, c: Cell = cell) => c[slotOf(name)] as number;
  const dimsOf = (c: Cell, prefix: string) =>
    Object.fromEntries(
      reportDimensions.map((d) => [
        d,
        Object.fromEntries(levels.map((l) => [l, n(`${prefix}${d}.${l}`, c)])),
      ]),
    ) as Record<ReportDimension, Record<Level, number>>;
  const ref = cells.scope.get(period.referenceMonth) ?? emptyCell();
  const registered = n('reg');
  const screened = n('scr');
  const dimensions = dimsOf(cell, 'dim.');

  const trend: TrendPoint[] = months.map((month) => {
    const c = cells.scope.get(month) ?? emptyCell();
    const dims = dimsOf(c, 'dim.');
    return {
      month,
      dimensions: Object.fromEntries(
        reportDimensions.map((d) => [
          d,
          { ...dims[d], mean: meanOf(n(`mean.${d}.sum`, c), n(`mean.${d}.n`, c)) },
        ]),
      ) as TrendPoint['dimensions'],
    };
  });
  const counts = (prefix: string) => ({
    improved: n(`${prefix}improved`),
    worse: n(`${prefix}worse`),
    same: n(`${prefix}same`),
  });

  return {
    scope: q.area !== undefined ? { kind: 'area', code: q.area } : { kind: 'group', id: q.group as string },
    yearBE: q.yearBE,
    ...(q.month !== undefined ? { month: q.month } : {}),
    by: q.by,
    population: {
      registered,
      screened,
      coverage: percentOf(screened, registered),
      due: n('reg', ref) - n('scr', ref),
      overdue: n('overdue', ref),
      dueMonth: period.referenceMonth,
    },
    dimensions,
    items: Object.fromEntries(
      itemCodes.map((code) => [code, Object.fromEntries(levels.map((l) => [l, n(`item.${code}.${l}`)]))]),
    ) as WellbeingReport['items'],
    overall: {
      mean: meanOf(n('total.sum'), screened),
      scores: Object.fromEntries(scoreBands.map((band) => [band, n(`score.${band}`)])),
      worst: { green: n('worst.green'), yellow: n('worst.yellow'), red: n('worst.red') },
    },
    breakdown: breakdownFromCells(q, cells, cell, dimensions, trend, extra.names ?? {}),
    trend,
    change: {
      ...counts('change.'),
      dimensions: Object.fromEntries(
        reportDimensions.map((d) => [d, counts(`change.${d}.`)]),
      ) as WellbeingReport['change']['dimensions'],
    },
    forecast: forecastOfTrend(trend),
    ...(extra.plans ? { plans: extra.plans } : {}),
    suppressed: false,
  };

  function breakdownFromCells(
    q: ReportQuery,
    cells: ReportCells,
    cell: Cell,
    dimensions: Record<ReportDimension, Record<Level, number>>,
    trend: readonly TrendPoint[],
    names: Readonly<Record<string, string>>,
  ): BreakdownRow[] {
    const row = (key: string, c: Cell, prefix: string, label = key): BreakdownRow => ({
      key,
      label,
      registered: n(`${prefix}reg`, c),
      screened: n(`${prefix}scr`, c),
      dimensions: dimsOf(c, prefix === '' ? 'dim.' : prefix),
    });
    switch (q.by) {
      case 'dimension':
        return reportDimensions.map((d) => ({
          key: d,
          label: d,
          registered,
          screened,
          dimensions: { [d]: { ...dimensions[d] } },
        }));
      case 'sex':
      case 'age':
      case 'adl':
      case 'vulnerability':
        return cellBreakdowns[q.by].map((key) => row(key, cell, `${q.by}.${key}.`));
      case 'month':
        return trend.map((t) => {
          const c = cells.scope.get(t.month) ?? emptyCell();
          return row(t.month, c, '');
        });
      case 'village':
      case 'household': {
        const prefix = q.by === 'village' ? '' : 'hh.';
        const byKey = new Map<string, Cell>();
        for (const { leaf, cell: c } of cells.leaves ?? []) {
          const key = leaf.endsWith('00') ? NONE : leaf;
          const sum = byKey.get(key) ?? emptyCell();
          byKey.set(key, addCell(sum, c));
        }
        const keys = [...byKey.keys()].filter((k) => k !== NONE).sort();
        if (byKey.has(NONE)) keys.push(NONE);
        return keys
          .map((key) => row(key, byKey.get(key) as Cell, prefix, names[key] ?? key))
          .filter((r) => (r.registered as number) > 0);
      }
    }
  }
}
