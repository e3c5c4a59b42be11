/**
 * Small-cell suppression of a whole well-being report, for viewers who may not see identities
 * (issue 7; DOMAIN.md step 5: only Admins see who the screened people are).
 *
 * The rule is `suppressSmallCells` (`src/core/stats/suppress.ts`), applied to every additive
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
import { MIN_CELL, suppressSmallCells } from '../stats/suppress.ts';

type Holder = Record<string, unknown>;
interface CellRef {
  holder: Holder;
  key: string;
  value: number | null;
}

const LEVELS = ['green', 'yellow', 'red'] as const;
/** Breakdowns whose rows split the people in scope: each column adds up to the report's figure. */
const PARTITIONS = new Set(['village', 'adl', 'age', 'sex']);

/** The report as a viewer who may not see identities gets it. The input is not changed. */
export function suppressReport(report: WellbeingReport, min: number = MIN_CELL): WellbeingReport {
  const out = structuredClone(report);
  const cells = new Map<string, CellRef>();
  const equations: string[][] = [];

  const cell = (id: string, holder: Holder, key: string): string => {
    const value = holder[key];
    cells.set(id, { holder, key, value: typeof value === 'number' ? value : null });
    equations.push([id]);
    return id;
  };
  const triple = (prefix: string, counts: LevelCounts): string[] =>
    LEVELS.map((l) => cell(`${prefix}.${l}`, counts as Holder, l));
  const relation = (total: string | null, parts: readonly string[]) => {
    equations.push(total === null ? [...parts] : [total, ...parts]);
  };
  const same = (a: string, b: string) => equations.push([a, b]);

  // Population.
  const p = out.population as Holder;
  const registered = cell('registered', p, 'registered');
  const screened = cell('screened', p, 'screened');
  const due = cell('due', p, 'due');
  cell('overdue', p, 'overdue');
  if (out.month !== undefined) relation(registered, [screened, due]);

  // Dimensions, items, overall.
  const top = new Map<string, string[]>();
  for (const d of reportDimensions) {
    const ids = triple(`dimensions.${d}`, out.dimensions[d]);
    top.set(d, ids);
    relation(screened, ids);
  }
  for (const [code, counts] of Object.entries(out.items ?? {}))
    relation(screened, triple(`items.${code}`, counts));
  if (out.overall) {
    const bands = Object.keys(out.overall.scores).map((b) =>
      cell(`overall.scores.${b}`, out.overall?.scores as Holder, b),
    );
    relation(screened, bands);
    relation(screened, triple('overall.worst', out.overall.worst));
  }

  // Trend.
  const trend = new Map<string, Map<ReportDimension, string[]>>();
  for (const point of out.trend) {
    const byDimension = new Map<ReportDimension, string[]>();
    for (const d of reportDimensions) {
      const ids = triple(`trend.${point.month}.${d}`, point.dimensions[d]);
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
  const changeIds = (prefix: string, holder: Holder) =>
    ['improved', 'worse', 'same'].map((k) => cell(`${prefix}.${k}`, holder, k));
  relation(null, changeIds('change', out.change as unknown as Holder));
  for (const d of reportDimensions)
    relation(null, changeIds(`change.${d}`, out.change.dimensions[d] as Holder));

  // Breakdown.
  const rows = out.breakdown.map((row, i) => rowCells(row, `breakdown.${i}`, cell, triple, relation));
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
  const withPlan = plans ? cell('plans.withPlan', plans, 'withPlan') : null;
  const reporting = plans ? cell('plans.reporting', plans, 'reporting') : null;

  // Hide until no relation is left with exactly one hidden member.
  const hidden = new Set([...cells].filter(([, c]) => c.value === null).map(([id]) => id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const members of equations) {
      // A hidden member enters as a small count, so the rule sees it as hidden.
      const counts = Object.fromEntries(
        members.map((id) => [id, hidden.has(id) ? 1 : (cells.get(id)?.value ?? 0)]),
      );
      const result = suppressSmallCells(counts, min);
      for (const id of members) {
        if (result[id] === null && !hidden.has(id)) {
          hidden.add(id);
          changed = true;
        }
      }
    }
  }
  for (const id of hidden) {
    const c = cells.get(id) as CellRef;
    c.holder[c.key] = null;
  }
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
  if (hidden.has(registered) || hidden.has(screened)) hide(p, 'coverage');
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
  if (plans && withPlan && reporting) {
    if (hidden.has(withPlan) || hidden.has(screened)) hide(plans, 'coverage');
    if (hidden.has(reporting)) hide(plans, 'adherence');
  }

  out.suppressed = report.suppressed || hidden.size > 0 || derivedHidden;
  return out;
}

interface RowCells {
  registered: string;
  screened: string;
  dimensions: Map<ReportDimension, string[]>;
}

function rowCells(
  row: BreakdownRow,
  prefix: string,
  cell: (id: string, holder: Holder, key: string) => string,
  triple: (prefix: string, counts: LevelCounts) => string[],
  relation: (total: string | null, parts: readonly string[]) => void,
): RowCells {
  const registered = cell(`${prefix}.registered`, row as Holder, 'registered');
  const screened = cell(`${prefix}.screened`, row as Holder, 'screened');
  const dimensions = new Map<ReportDimension, string[]>();
  for (const d of reportDimensions) {
    const counts = row.dimensions[d];
    if (!counts) continue;
    const ids = triple(`${prefix}.${d}`, counts);
    dimensions.set(d, ids);
    relation(screened, ids);
  }
  return { registered, screened, dimensions };
}

/** Links each cell of `a` with the same cell of `b` (figures shown twice). */
function linkAll(same: (a: string, b: string) => void, a?: readonly string[], b?: readonly string[]) {
  if (!a || !b) return;
  a.forEach((id, i) => {
    const other = b[i];
    if (other !== undefined) same(id, other);
  });
}
