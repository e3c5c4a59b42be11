/**
 * The area well-being report (issue 7; API.md `GET /api/v1/reports/wellbeing`): community
 * statistics by Buddhist year for an area or a group (DOMAIN.md steps 5, 6 and 10).
 *
 * Every count is `number | null`: a small cell hidden from a viewer who may not see identities
 * is `null`, never a number (`src/core/reports/suppress.ts`). Percentages and means that would
 * give a hidden count (or one person's score) back are `null` too. How each figure is defined is
 * written once, in `src/core/reports/expected.ts`, the reference implementation.
 */
import { z } from 'zod';
import { areaCode } from './area.ts';
import { planDimensions } from './plan.ts';

/** The four dimensions of the `wellbeing20` screening (INSTRUMENTS.md §1), in their order. */
export const reportDimensions = planDimensions;
export type ReportDimension = (typeof reportDimensions)[number];

/** What the `breakdown` rows are. */
export const reportBreakdowns = [
  'dimension',
  'vulnerability',
  'household',
  'village',
  'month',
  'adl',
  'age',
  'sex',
] as const;
export type ReportBreakdown = (typeof reportBreakdowns)[number];

/**
 * `?area=CODE|group=ID&yearBE=2569[&month=1..12][&by=…]`: exactly one of `area` (a DOPA code of
 * 2, 4, 6 or 8 digits: province, district, subdistrict, village) and `group` (a group id). The
 * year is the Buddhist calendar year (January–December, CE + 543); `month` narrows the period to
 * one month of it. `by` picks the breakdown (default `dimension`).
 */
export const reportQuery = z
  .object({
    area: areaCode.optional(),
    group: z.uuid().optional(),
    yearBE: z.coerce.number().int().min(2500).max(2700),
    month: z.coerce.number().int().min(1).max(12).optional(),
    by: z.enum(reportBreakdowns).default('dimension'),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.area === undefined) === (q.group === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [q.area === undefined ? 'area' : 'group'],
        message: 'area_or_group',
      });
    }
  });
export type ReportQuery = z.infer<typeof reportQuery>;

/** A number of people (or of households in the household breakdown); `null` when suppressed. */
export const reportCount = z.number().int().min(0).nullable();
export type ReportCount = z.infer<typeof reportCount>;

/** How many were green, yellow and red. */
export const levelCounts = z.object({ green: reportCount, yellow: reportCount, red: reportCount });
export type LevelCounts = z.infer<typeof levelCounts>;

export const dimensionCounts = z.record(z.enum(reportDimensions), levelCounts);
export type DimensionCounts = z.infer<typeof dimensionCounts>;

/** Where the report looks: an area code, or a group. */
export const reportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), code: areaCode }),
  z.object({ kind: z.literal('group'), id: z.string() }),
]);
export type ReportScope = z.infer<typeof reportScope>;

export const reportPopulation = z.object({
  /** Live (not merged) people in scope registered by the end of the period, or screened in it. */
  registered: reportCount,
  /** Those with a `wellbeing20` screening taken in the period (Thai time). */
  screened: reportCount,
  /** screened / registered × 100, one decimal; null when there is nobody or a part is hidden. */
  coverage: z.number().min(0).max(100).nullable(),
  /** Registered by the end of the reference month and not screened in it (the due list's monthly item). */
  due: reportCount,
  /** Due, not screened in the month before either, and registered before the reference month began. */
  overdue: reportCount,
  /** The month `due` and `overdue` are counted for, `YYYY-MM` (CE). */
  dueMonth: z.string(),
});
export type ReportPopulation = z.infer<typeof reportPopulation>;

/** The total score (0–40) of the screened: mean, five-point bands, and each person's worst light. */
export const reportOverall = z.object({
  mean: z.number().nullable(),
  /** `0-4`, `5-9`, … `35-40`: people by total score. */
  scores: z.record(z.string(), reportCount),
  /** People by the worst level of their four dimensions (red = at least one red dimension). */
  worst: levelCounts,
});
export type ReportOverall = z.infer<typeof reportOverall>;

export const breakdownRow = z.object({
  key: z.string(),
  /** The key unless a name is known (village names); the web translates the keys of fixed lists. */
  label: z.string(),
  registered: reportCount,
  screened: reportCount,
  /** All four dimensions, except in the `dimension` breakdown, where a row holds its own dimension. */
  dimensions: z.partialRecord(z.enum(reportDimensions), levelCounts),
});
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const trendCell = levelCounts.extend({
  /** Mean dimension score (0–10, higher is worse), two decimals; null with nobody screened or hidden. */
  mean: z.number().nullable(),
});
export type TrendCell = z.infer<typeof trendCell>;

export const trendPoint = z.object({
  month: z.string(),
  dimensions: z.record(z.enum(reportDimensions), trendCell),
});
export type TrendPoint = z.infer<typeof trendPoint>;

export const changeCounts = z.object({ improved: reportCount, worse: reportCount, same: reportCount });
export type ChangeCounts = z.infer<typeof changeCounts>;

/** People screened in the period with an earlier screening: their latest against the one before it. */
export const reportChange = changeCounts.extend({
  dimensions: z.record(z.enum(reportDimensions), changeCounts),
});
export type ReportChange = z.infer<typeof reportChange>;

export const forecastMethods = ['holt', 'naive'] as const;
export type ForecastMethod = (typeof forecastMethods)[number];

export const forecastPoint = z.object({
  month: z.string(),
  value: z.number(),
  lower: z.number(),
  upper: z.number(),
  method: z.enum(forecastMethods),
});
export type ForecastPoint = z.infer<typeof forecastPoint>;

/** A forecast of one dimension's monthly mean score, from the trend months `from`…`to`. */
export const dimensionForecast = z.object({
  dimension: z.enum(reportDimensions),
  from: z.string(),
  to: z.string(),
  points: z.array(forecastPoint),
});
export type DimensionForecast = z.infer<typeof dimensionForecast>;

export const reportPlans = z.object({
  /** Screened people with a plan made by the end of the period. */
  withPlan: reportCount,
  /** withPlan / screened × 100, one decimal. */
  coverage: z.number().min(0).max(100).nullable(),
  /** People with progress reported for a month of the period. */
  reporting: reportCount,
  /** `adherence()` of the plans module over the period's progress reports, 0–100. */
  adherence: z.number().min(0).max(100).nullable(),
});
export type ReportPlans = z.infer<typeof reportPlans>;

export const wellbeingReport = z.object({
  scope: reportScope,
  yearBE: z.number().int(),
  month: z.number().int().min(1).max(12).optional(),
  by: z.enum(reportBreakdowns),
  population: reportPopulation,
  dimensions: dimensionCounts,
  items: z.record(z.string(), levelCounts).optional(),
  overall: reportOverall.optional(),
  breakdown: z.array(breakdownRow),
  trend: z.array(trendPoint),
  change: reportChange,
  forecast: z.array(dimensionForecast),
  plans: reportPlans.optional(),
  /** True when any figure was hidden for privacy. */
  suppressed: z.boolean(),
  /**
   * True while the area's figures are still being counted (a rebuild after an upgrade, or a burst of
   * changes not yet rolled up): the numbers may still grow. A group's report is counted whole.
   */
  pending: z.boolean().optional(),
});
export type WellbeingReport = z.infer<typeof wellbeingReport>;

/** `?area=&yearBE=&month?&dimension=&level=&limit=&cursor=`: who is behind one light of one dimension. */
export const reportPeopleQuery = z
  .object({
    area: areaCode,
    yearBE: z.coerce.number().int().min(2500).max(2700),
    month: z.coerce.number().int().min(1).max(12).optional(),
    dimension: z.enum(reportDimensions),
    level: z.enum(['green', 'yellow', 'red']),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ReportPeopleQuery = z.infer<typeof reportPeopleQuery>;

export const reportPersonRow = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  villageCode: z.string().nullable(),
  level: z.enum(['green', 'yellow', 'red']),
  /** When the screening behind the level was taken (the person's latest in the period). */
  takenAt: z.string(),
});
export type ReportPersonRow = z.infer<typeof reportPersonRow>;
