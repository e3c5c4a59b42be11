/**
 * Small-cell suppression of a whole well-being report, for viewers who may not see identities
 * (issue 7; DOMAIN.md step 5: only Admins see who the screened people are).
 *
 * The rule of `suppressSmallCells` (`src/core/stats/suppress.ts`) is applied to every additive
 * relation the report shows: a count of 1–4 becomes `null` (0 stays 0: an empty cell names nobody),
 * and wherever one relation would be left with exactly one hidden member, the next smallest
 * non-zero member is hidden too, so that a hidden number cannot be worked out as a total minus the
 * others. Hiding a complementary cell can leave another relation with one hidden member, so the
 * rule is applied again until nothing changes. The relations:
 * - each green/yellow/red triple with the number of people screened it splits (dimensions, items,
 *   worst level, each breakdown row), and the total-score bands with the screened;
 * - triples whose total is not shown (trend months, change) as if it were (the safe side);
 * - in a month report, registered = screened + due;
 * - the columns of breakdowns that split people (village, ADL group, age band, sex): the rows of
 *   each figure add up to the report's figure;
 * - figures shown twice (the `dimension` breakdown and the top; the `month` breakdown and the trend;
 *   the reference month of a month report and the top) are hidden together.
 * This stops the differences one relation gives away; it is the usual row-and-column rule, not a
 * full audit of every linear combination of the report's equations.
 *
 * Figures that are not counts follow their counts: coverage is hidden with registered or screened,
 * plan coverage with its counts, adherence with the people reporting; a mean over 1–4 people is
 * hidden (it would be nearly one person's score); a dimension's forecast is dropped when a mean it
 * was made from is hidden.
 */
import type { BreakdownRow, LevelCounts, ReportDimension, WellbeingReport } from '../schemas/report.ts';
import { reportDimensions } from '../schemas/report.ts';
import { complementaryCell, isSmall, MIN_CELL } from '../stats/suppress.ts';

type Holder = Record<string, unknown>;
/** A count the report shows, by its place in `Cells`: numbers, since a province's village table has tens of thousands. */
type CellId = number;
interface Cells {
  holders: Holder[];
  keys: string[];
  values: number[];
  /** Hidden already (a null came in) or by the rule. */
  hidden: boolean[];
}

const LEVELS = ['green', 'yellow', 'red'] as const;
/** Breakdowns whose rows split the people in scope: each column adds up to the report's figure. */
const PARTITIONS = new Set(['village', 'adl', 'age', 'sex']);

/** The report as a viewer who may not see identities gets it. The input is not changed. */
export function suppressReport(report: WellbeingReport, min: number = MIN_CELL): WellbeingReport {
  const out = structuredClone(report);
  const cells: Cells = { holders: [], keys: [], values: [], hidden: [] };
  const equations: CellId[][] = [];

  const cell = (holder: Holder, key: string): CellId => {
    const value = holder[key];
    cells.holders.push(holder);
    cells.keys.push(key);
    cells.values.push(typeof value === 'number' ? value : 0);
    cells.hidden.push(typeof value !== 'number');
    return cells.keys.length - 1;
  };
  const triple = (counts: LevelCounts): CellId[] => LEVELS.map((l) => cell(counts as Holder, l));
  const relation = (total: CellId | null, parts: readonly CellId[]) => {
    equations.push(total === null ? [...parts] : [total, ...parts]);
  };
  const same = (a: CellId, b: CellId) => equations.push([a, b]);

  // Population.
  const p = out.population as Holder;
  const registered = cell(p, 'registered');
  const screened = cell(p, 'screened');
  const due = cell(p, 'due');
  cell(p, 'overdue');
  if (out.month !== undefined) relation(registered, [screened, due]);

  // Dimensions, items, overall.
  const top = new Map<string, CellId[]>();
  for (const d of reportDimensions) {
    const ids = triple(out.dimensions[d]);
    top.set(d, ids);
    relation(screened, ids);
  }
  for (const counts of Object.values(out.items ?? {})) relation(screened, triple(counts));
  if (out.overall) {
    const bands = Object.keys(out.overall.scores).map((b) => cell(out.overall?.scores as Holder, b));
    relation(screened, bands);
    relation(screened, triple(out.overall.worst));
  }

  // Trend.
  const trend = new Map<string, Map<ReportDimension, CellId[]>>();
  for (const point of out.trend) {
    const byDimension = new Map<ReportDimension, CellId[]>();
    for (const d of reportDimensions) {
      const ids = triple(point.dimensions[d]);
      byDimension.set(d, ids);
      relation(null, ids);
    }
    trend.set(point.month, byDimension);
  }
  if (out.month !== undefined) {
    const reference = trend.get(out.population.dueMonth);
    for (const d of reportDimensions) linkAll(same, top.get(d), reference?.get(d));
  }

  // Change.
  const changeIds = (holder: Holder) => ['improved', 'worse', 'same'].map((k) => cell(holder, k));
  relation(null, changeIds(out.change as unknown as Holder));
  for (const d of reportDimensions) relation(null, changeIds(out.change.dimensions[d] as Holder));

  // Breakdown.
  const rows = out.breakdown.map((row) => rowCells(row, cell, triple, relation));
  if (PARTITIONS.has(out.by)) {
    relation(
      registered,
      rows.map((r) => r.registered),
    );
    relation(
      screened,
      rows.map((r) => r.screened),
    );
    for (const d of reportDimensions) {
      LEVELS.forEach((_, l) => {
        relation(
          top.get(d)?.[l] ?? null,
          rows.flatMap((r) => r.dimensions.get(d)?.[l] ?? []),
        );
      });
    }
  }
  if (out.by === 'dimension') {
    for (const r of rows) {
      same(r.registered, registered);
      same(r.screened, screened);
      for (const d of reportDimensions) linkAll(same, r.dimensions.get(d), top.get(d));
    }
  }
  if (out.by === 'month') {
    out.breakdown.forEach((row, i) => {
      const r = rows[i] as RowCells;
      for (const d of reportDimensions) linkAll(same, r.dimensions.get(d), trend.get(row.key)?.get(d));
      if (row.key === out.population.dueMonth) {
        relation(r.registered, [r.screened, due]);
        if (out.month !== undefined) {
          same(r.registered, registered);
          same(r.screened, screened);
        }
      }
    });
  }

  // Plans.
  const plans = out.plans as Holder | undefined;
  const withPlan = plans ? cell(plans, 'withPlan') : null;
  const reporting = plans ? cell(plans, 'reporting') : null;

  hideUntilStable(equations, cells, min);
  const isHidden = (id: CellId) => cells.hidden[id] === true;
  let hiddenCount = 0;
  cells.hidden.forEach((h, id) => {
    if (!h) return;
    hiddenCount++;
    (cells.holders[id] as Holder)[cells.keys[id] as string] = null;
  });
  let derivedHidden = false;
  const hide = <T extends Holder>(holder: T, key: keyof T & string) => {
    if (holder[key] !== null) {
      (holder as Holder)[key] = null;
      derivedHidden = true;
    }
  };
  const small = (n: number) => n > 0 && n < min;
  const sum = (c: LevelCounts) => (c.green ?? 0) + (c.yellow ?? 0) + (c.red ?? 0);

  // Derived figures.
  if (isHidden(registered) || isHidden(screened)) hide(p, 'coverage');
  if (out.overall && report.overall && small(sum(report.overall.worst))) hide(out.overall as Holder, 'mean');
  const hiddenMeans = new Set<string>();
  report.trend.forEach((point, i) => {
    for (const d of reportDimensions) {
      if (!small(sum(point.dimensions[d]))) continue;
      hide(out.trend[i]?.dimensions[d] as Holder, 'mean');
      hiddenMeans.add(`${point.month}.${d}`);
    }
  });
  const forecast = out.forecast.filter(
    (f) =>
      !out.trend.some(
        (t) => t.month >= f.from && t.month <= f.to && hiddenMeans.has(`${t.month}.${f.dimension}`),
      ),
  );
  if (forecast.length !== out.forecast.length) derivedHidden = true;
  out.forecast = forecast;
  if (plans && withPlan !== null && reporting !== null) {
    if (isHidden(withPlan) || isHidden(screened)) hide(plans, 'coverage');
    if (isHidden(reporting)) hide(plans, 'adherence');
  }

  out.suppressed = report.suppressed || hiddenCount > 0 || derivedHidden;
  return out;
}

/**
 * Hides until no relation is left with exactly one hidden member. Hiding only adds, so each
 * relation's hidden count only grows: a relation needs the rule again only when its count becomes
 * one. Passing over every relation until nothing changed took seconds for a province's village
 * breakdown, whose relations have thousands of members.
 */
function hideUntilStable(equations: readonly CellId[][], cells: Cells, min: number) {
  const { hidden, values } = cells;
  const countOf = (id: CellId) => values[id] as number;
  const isHidden = (id: CellId) => hidden[id] === true;
  const equationsOf: number[][] = values.map(() => []);
  equations.forEach((members, i) => {
    for (const id of members) equationsOf[id]?.push(i);
  });
  values.forEach((value, id) => {
    if (isSmall(value, min)) hidden[id] = true;
  });
  const hiddenIn = equations.map((members) => members.filter(isHidden).length);
  const queue = equations.flatMap((_, i) => (hiddenIn[i] === 1 ? [i] : []));
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head] as number;
    if (hiddenIn[i] !== 1) continue;
    const next = complementaryCell(equations[i] as CellId[], countOf, isHidden);
    if (next === undefined) continue;
    hidden[next] = true;
    for (const j of equationsOf[next] ?? []) {
      hiddenIn[j] = (hiddenIn[j] as number) + 1;
      if (hiddenIn[j] === 1) queue.push(j);
    }
  }
}

interface RowCells {
  registered: CellId;
  screened: CellId;
  dimensions: Map<ReportDimension, CellId[]>;
}

function rowCells(
  row: BreakdownRow,
  cell: (holder: Holder, key: string) => CellId,
  triple: (counts: LevelCounts) => CellId[],
  relation: (total: CellId | null, parts: readonly CellId[]) => void,
): RowCells {
  const registered = cell(row as Holder, 'registered');
  const screened = cell(row as Holder, 'screened');
  const dimensions = new Map<ReportDimension, CellId[]>();
  for (const d of reportDimensions) {
    const counts = row.dimensions[d];
    if (!counts) continue;
    const ids = triple(counts);
    dimensions.set(d, ids);
    relation(screened, ids);
  }
  return { registered, screened, dimensions };
}

/** Links each cell of `a` with the same cell of `b` (figures shown twice). */
function linkAll(same: (a: CellId, b: CellId) => void, a?: readonly CellId[], b?: readonly CellId[]) {
  if (!a || !b) return;
  a.forEach((id, i) => {
    const other = b[i];
    if (other !== undefined) same(id, other);
  });
}
