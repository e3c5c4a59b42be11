/**
 * A short forecast of a monthly series (the trend of a dimension's mean score), always labelled as
 * a forecast and always shown beside the data it came from (issue 7, DOMAIN.md step 10).
 *
 * Method, in full:
 * - Basis: the last run of consecutive months that have a value. A month without data breaks the
 *   series; nothing is interpolated.
 * - Fewer than 2 months: no forecast at all.
 * - 2 or 3 months: naive (random walk). Every future month is the last value. Its interval is
 *   ±z·σ·√h, σ the root mean square of the month-to-month changes in the basis; for a random walk
 *   the h-step error variance is h·σ², so √h is exact under that model.
 * - 4 months or more: Holt's linear trend (additive level and trend, no season), started at
 *   level = first value, trend = second − first. The smoothing parameters α (level) and β (trend)
 *   are each taken from 0.1, 0.2, …, 0.9 (81 pairs) to minimise the sum of squared one-step-ahead
 *   errors over the basis; ties go to the smaller α, then the smaller β. The error of the second
 *   month is zero by construction of the start, so only errors from the third month on count.
 *   σ is their root mean square (RMSE). The interval at horizon h is ±z·σ·√(1 + Σⱼ₌₁ʰ⁻¹ (α(1+βj))²),
 *   the prediction variance of the equivalent state-space model ETS(A,A,N) (Hyndman &
 *   Athanasopoulos, Forecasting: Principles and Practice, §8.7); at h = 1 it is ±z·σ.
 * - z = 1.96 (a nominal 95 % interval). Honest caveats: σ is estimated from few months, on the same
 *   errors the parameters were chosen to minimise, and assumes errors that are independent and
 *   normal; the interval is a guide to uncertainty, not a guarantee. A series that was perfectly
 *   regular gets an interval of width zero.
 * - Values and bounds are clamped to the score's range (a mean dimension score cannot leave 0–10)
 *   and rounded to two decimals.
 */
import { dimensionRange, getInstrument } from '../instruments/index.ts';
import { WELLBEING_INSTRUMENT } from '../plans/screening.ts';
import type { ForecastMethod, ForecastPoint } from '../schemas/report.ts';
import { type DimensionForecast, reportDimensions, type TrendPoint } from '../schemas/report.ts';
import { shiftMonth } from '../screenings/month.ts';

export interface MonthValue {
  /** `YYYY-MM`, ascending, one entry per month. */
  month: string;
  value: number | null;
}

export interface ForecastOptions {
  /** Months ahead (default 3). */
  horizon?: number;
  /** The range values are clamped to (default unbounded). */
  min?: number;
  max?: number;
  /** Multiplier of the interval (default 1.96). */
  z?: number;
}

export const FORECAST_HORIZON = 3;
export const Z_95 = 1.96;
/** Holt needs this many months; below it the forecast is naive. */
export const HOLT_MIN_POINTS = 4;
/** Below this, no forecast. */
export const FORECAST_MIN_POINTS = 2;
/** The α and β tried. */
export const SMOOTHING_GRID: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** The last run of consecutive months with a value, oldest first. */
export function observedRun(series: readonly MonthValue[]): { month: string; value: number }[] {
  const run: { month: string; value: number }[] = [];
  for (const point of series) {
    const value = point.value;
    if (value === null || !Number.isFinite(value)) {
      run.length = 0;
      continue;
    }
    const previous = run.at(-1);
    if (previous && shiftMonth(previous.month, 1) !== point.month) run.length = 0;
    run.push({ month: point.month, value });
  }
  return run;
}

export interface HoltFit {
  alpha: number;
  beta: number;
  /** Level and trend after the last value. */
  level: number;
  trend: number;
  /** One-step-ahead errors from the third value on. */
  errors: number[];
  /** Sum of their squares. */
  sse: number;
}

/** Holt's linear trend with the given parameters, over at least two values. */
export function holt(values: readonly number[], alpha: number, beta: number): HoltFit {
  const [first = 0, second = first] = values;
  let level = first;
  let trend = second - first;
  const errors: number[] = [];
  for (let t = 1; t < values.length; t++) {
    const y = values[t] as number;
    const predicted = level + trend;
    if (t >= 2) errors.push(y - predicted);
    const nextLevel = alpha * y + (1 - alpha) * predicted;
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    level = nextLevel;
  }
  return { alpha, beta, level, trend, errors, sse: errors.reduce((s, e) => s + e * e, 0) };
}

/** Holt's linear trend with α and β chosen from the grid (see the module comment). */
export function fitHolt(values: readonly number[]): HoltFit {
  let best: HoltFit | undefined;
  for (const alpha of SMOOTHING_GRID) {
    for (const beta of SMOOTHING_GRID) {
      const fit = holt(values, alpha, beta);
      if (!best || fit.sse < best.sse) best = fit;
    }
  }
  return best as HoltFit;
}

const rms = (errors: readonly number[]) =>
  errors.length === 0 ? 0 : Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The next `horizon` months after the last observed one, or `[]` with fewer than two months of
 * data in the basis.
 */
export function forecastMonthly(
  series: readonly MonthValue[],
  options: ForecastOptions = {},
): ForecastPoint[] {
  const {
    horizon = FORECAST_HORIZON,
    min = Number.NEGATIVE_INFINITY,
    max = Number.POSITIVE_INFINITY,
    z = Z_95,
  } = options;
  const run = observedRun(series);
  if (run.length < FORECAST_MIN_POINTS) return [];
  const values = run.map((p) => p.value);
  const last = run.at(-1) as { month: string; value: number };
  const clamp = (x: number) => round2(Math.min(Math.max(x, min), max));

  let method: ForecastMethod;
  let centre: (h: number) => number;
  let spread: (h: number) => number;
  if (values.length < HOLT_MIN_POINTS) {
    method = 'naive';
    const sigma = rms(values.slice(1).map((v, i) => v - (values[i] as number)));
    centre = () => last.value;
    spread = (h) => z * sigma * Math.sqrt(h);
  } else {
    method = 'holt';
    const fit = fitHolt(values);
    const sigma = rms(fit.errors);
    centre = (h) => fit.level + h * fit.trend;
    spread = (h) => {
      let factor = 1;
      for (let j = 1; j < h; j++) factor += (fit.alpha * (1 + fit.beta * j)) ** 2;
      return z * sigma * Math.sqrt(factor);
    };
  }

  return Array.from({ length: horizon }, (_, i) => {
    const h = i + 1;
    const value = centre(h);
    const half = spread(h);
    return {
      month: shiftMonth(last.month, h),
      value: clamp(value),
      lower: clamp(value - half),
      upper: clamp(value + half),
      method,
    };
  });
}

/**
 * The report's forecast: each dimension's trend means (`forecastMonthly`), clamped to the
 * dimension's score range, with the months the fit was made from.
 */
export function forecastOfTrend(trend: readonly TrendPoint[]): DimensionForecast[] {
  const definition = getInstrument(WELLBEING_INSTRUMENT);
  return reportDimensions.flatMap((d) => {
    const dimension = definition?.scoring.dimensions.find((x) => x.code === d);
    const r = definition && dimension ? dimensionRange(definition, dimension) : { min: 0, max: 10 };
    const series = trend.map((t) => ({ month: t.month, value: t.dimensions[d].mean }));
    const points = forecastMonthly(series, { min: r.min, max: r.max });
    const basis = observedRun(series);
    const from = basis[0]?.month;
    const to = basis.at(-1)?.month;
    return points.length === 0 || !from || !to ? [] : [{ dimension: d, from, to, points }];
  });
}
