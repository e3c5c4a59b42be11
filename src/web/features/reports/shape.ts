/**
 * The report's figures turned into what the screens, slides, paper and files show: shares of each
 * light, table rows, chart series, heat colours. Pure: no React, no i18n (labels are passed in).
 * A hidden count (`null`) stays hidden everywhere: it is never read as 0 and never worked back
 * from the others.
 */
import type { Level } from '../../../core/instruments/index.ts';
import { percentOf } from '../../../core/reports/bands.ts';
import type {
  BreakdownRow,
  LevelCounts,
  ReportCount,
  ReportDimension,
  WellbeingReport,
} from '../../../core/schemas/report.ts';
import { reportDimensions } from '../../../core/schemas/report.ts';
import type { ColumnSort } from '../../components/columnSort.ts';

export const levels: readonly Level[] = ['green', 'yellow', 'red'];
export { reportDimensions };

/** `part / whole` in percent, one decimal; null when either is hidden or there is nobody. */
export function percent(part: ReportCount, whole: ReportCount): number | null {
  if (part === null || whole === null) return null;
  return percentOf(part, whole);
}

/** green + yellow + red, when none is hidden. */
export function levelTotal(counts: LevelCounts): number | null {
  const { green, yellow, red } = counts;
  return green === null || yellow === null || red === null ? null : green + yellow + red;
}

export interface LevelShares {
  /** What the shares are of: the three added up, else the people screened given by the caller. */
  whole: number | null;
  share: Record<Level, number | null>;
  /** Some of the three are hidden. */
  hidden: boolean;
}

/** Each light's share. With a hidden light the known ones are still shares of `screened`. */
export function levelShares(counts: LevelCounts, screened: ReportCount = null): LevelShares {
  const whole = levelTotal(counts) ?? screened;
  return {
    whole,
    share: {
      green: percent(counts.green, whole),
      yellow: percent(counts.yellow, whole),
      red: percent(counts.red, whole),
    },
    hidden: levels.some((level) => counts[level] === null),
  };
}

/** The red share of a light triple (of `screened` when a light is hidden). */
export const redShare = (counts: LevelCounts | undefined, screened: ReportCount = null): number | null =>
  counts ? levelShares(counts, screened).share.red : null;

export interface Heat {
  background: string;
  color: string;
  /** 0 (no red) … 5 (40 % red or more). */
  step: number;
}

/** Where the red share steps up, in percent: none, under 10, 10–19, 20–29, 30–39, 40 and more. */
const HEAT_STEPS = [10, 20, 30, 40] as const;
const HEAT_BACKGROUNDS = ['#ffffff', '#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787'] as const;

/**
 * The heat colour of a cell by its red share: white for none, then deeper reds. Dark text on
 * every step (at least 7:1), and the share is always written in the cell: the colour is a help,
 * never the only cue. Null (hidden) gets no colour.
 */
export function heatColor(share: number | null): Heat | null {
  if (share === null) return null;
  const step = share <= 0 ? 0 : 1 + HEAT_STEPS.filter((limit) => share >= limit).length;
  return { background: HEAT_BACKGROUNDS[step] as string, color: '#1a1b1e', step };
}

/** One row of a breakdown table, with what sorting and colouring need. */
export interface BreakdownLine {
  key: string;
  label: string;
  /** A village a click can drill down to. */
  drillArea: string | null;
  registered: ReportCount;
  screened: ReportCount;
  coverage: number | null;
  dimensions: Partial<Record<ReportDimension, { counts: LevelCounts; red: number | null }>>;
}

const VILLAGE_CODE = /^\d{8}$/;

/** The breakdown rows as table lines; `labelOf` words the fixed keys (the server names villages). */
export function breakdownLines(
  report: Pick<WellbeingReport, 'by' | 'breakdown' | 'scope'>,
  labelOf: (row: BreakdownRow) => string,
): BreakdownLine[] {
  const here = report.scope.kind === 'area' ? report.scope.code : null;
  const drills = here !== null && (report.by === 'village' || report.by === 'household');
  return report.breakdown.map((row) => ({
    key: row.key,
    label: labelOf(row),
    drillArea: drills && VILLAGE_CODE.test(row.key) && row.key !== here ? row.key : null,
    registered: row.registered,
    screened: row.screened,
    coverage: percent(row.screened, row.registered),
    dimensions: Object.fromEntries(
      reportDimensions.flatMap((d) => {
        const counts = row.dimensions[d];
        return counts ? [[d, { counts, red: redShare(counts, row.screened) }]] : [];
      }),
    ),
  }));
}

/** The dimensions a breakdown's rows carry, in their order. */
export function lineDimensions(lines: readonly BreakdownLine[]): ReportDimension[] {
  return reportDimensions.filter((d) => lines.some((line) => line.dimensions[d]));
}

export type SortKey = 'label' | 'registered' | 'screened' | 'coverage' | `red:${ReportDimension}`;
export type Sort = ColumnSort<SortKey>;

function sortValue(line: BreakdownLine, key: SortKey): number | string | null {
  if (key === 'label') return line.label;
  if (key.startsWith('red:')) return line.dimensions[key.slice(4) as ReportDimension]?.red ?? null;
  return line[key as 'registered' | 'screened' | 'coverage'];
}

/** Lines sorted by a column; hidden and empty values always last. No key: the server's order. */
export function sortLines(lines: readonly BreakdownLine[], sort: Sort): BreakdownLine[] {
  const { key } = sort;
  if (key === null) return [...lines];
  const sign = sort.descending ? -1 : 1;
  return [...lines].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), 'th') : x - (y as number);
    return sign * order;
  });
}

/** One point of a dimension's chart: the observed mean, or the forecast with its interval. */
export interface TrendChartPoint {
  month: string;
  observed: number | null;
  forecast: number | null;
  /** [lower, upper] of the 95 % interval. */
  band: [number, number] | null;
}

export interface DimensionTrend {
  dimension: ReportDimension;
  points: TrendChartPoint[];
  /** Months with an observed mean. */
  observedMonths: number;
  forecast: WellbeingReport['forecast'][number] | null;
}

/**
 * A dimension's monthly means and, when the server made one, its forecast. The forecast line starts
 * at the last observed month (so the dashes continue the line) and is dropped when no mean it
 * could stand on is shown: never a forecast without its data.
 */
export function dimensionTrend(
  report: Pick<WellbeingReport, 'trend' | 'forecast'>,
  dimension: ReportDimension,
): DimensionTrend {
  const points: TrendChartPoint[] = report.trend.map((p) => ({
    month: p.month,
    observed: p.dimensions[dimension]?.mean ?? null,
    forecast: null,
    band: null,
  }));
  const observedMonths = points.filter((p) => p.observed !== null).length;
  const made = report.forecast.find((f) => f.dimension === dimension && f.points.length > 0) ?? null;
  const anchor = made ? points.find((p) => p.month === made.to && p.observed !== null) : undefined;
  if (!made || !anchor) return { dimension, points, observedMonths, forecast: null };
  anchor.forecast = anchor.observed;
  anchor.band = [anchor.observed as number, anchor.observed as number];
  for (const f of made.points) {
    points.push({ month: f.month, observed: null, forecast: f.value, band: [f.lower, f.upper] });
  }
  return { dimension, points, observedMonths, forecast: made };
}

/** The items of the screening with their lights, in the instrument's order. */
export interface ItemLine {
  code: string;
  dimension: string;
  text: string;
  counts: LevelCounts;
  red: number | null;
}

export function itemLines(
  items: WellbeingReport['items'],
  definition: readonly { code: string; dimension?: string; text: string }[],
  screened: ReportCount,
): ItemLine[] {
  if (!items) return [];
  return definition.flatMap((item) => {
    const counts = items[item.code];
    if (!counts) return [];
    return [
      {
        code: item.code,
        dimension: item.dimension ?? '',
        text: item.text,
        counts,
        red: redShare(counts, screened),
      },
    ];
  });
}

/** The items with the largest red share, worst first (ties in the instrument's order). */
export function worstItems(lines: readonly ItemLine[], count: number): ItemLine[] {
  return lines
    .filter((line) => line.red !== null && line.red > 0)
    .sort((a, b) => (b.red as number) - (a.red as number))
    .slice(0, count);
}

/** Whole numbers with thousands separators (`12,345`); hidden or unknown is null. */
export function formatCount(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toLocaleString('en-US');
}

/** `45.2%`; null stays null. */
export function formatPercent(value: number | null | undefined): string | null {
  return value === null || value === undefined
    ? null
    : `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/** A mean score to two decimals. */
export function formatMean(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed(2);
}
