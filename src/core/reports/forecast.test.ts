import { describe, expect, it } from 'vitest';
import { fitHolt, forecastMonthly, holt, type MonthValue, observedRun } from './forecast.ts';

const months = (values: readonly (number | null)[], first = '2025-11'): MonthValue[] => {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return values.map((value, i) => {
    const index = y * 12 + (m - 1) + i;
    return { month: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, value };
  });
};

describe('forecastMonthly', () => {
  it('continues a perfect line exactly, with an interval of width zero, across a year end', () => {
    const points = forecastMonthly(months([1, 1.5, 2, 2.5, 3, 3.5]), { min: 0, max: 10 });
    expect(points).toEqual([
      { month: '2026-05', value: 4, lower: 4, upper: 4, method: 'holt' },
      { month: '2026-06', value: 4.5, lower: 4.5, upper: 4.5, method: 'holt' },
      { month: '2026-07', value: 5, lower: 5, upper: 5, method: 'holt' },
    ]);
  });

  it('keeps a flat series flat', () => {
    const points = forecastMonthly(months([3.2, 3.2, 3.2, 3.2, 3.2]));
    expect(points.map((p) => [p.value, p.lower, p.upper])).toEqual([
      [3.2, 3.2, 3.2],
      [3.2, 3.2, 3.2],
      [3.2, 3.2, 3.2],
    ]);
  });

  it('gives noise a wider interval, widening with the horizon', () => {
    const calm = forecastMonthly(months([3, 3.1, 3, 3.1, 3, 3.1, 3]));
    const noisy = forecastMonthly(months([3, 4.5, 2.2, 4.1, 2.5, 3.9, 2.8]));
    const width = (p: { lower: number; upper: number }) => p.upper - p.lower;
    expect(width(noisy[0] as never)).toBeGreaterThan(width(calm[0] as never));
    expect(width(noisy[0] as never)).toBeGreaterThan(1);
    expect(width(noisy[1] as never)).toBeGreaterThan(width(noisy[0] as never));
    expect(width(noisy[2] as never)).toBeGreaterThan(width(noisy[1] as never));
  });

  it('falls back to the last value below four months, with a √h interval from the monthly changes', () => {
    const points = forecastMonthly(months([2, 3, 2.5]));
    // Changes +1 and −0.5: σ = √((1 + 0.25) / 2) = 0.7906; ±1.96σ√h.
    expect(points.map((p) => p.method)).toEqual(['naive', 'naive', 'naive']);
    expect(points.map((p) => p.value)).toEqual([2.5, 2.5, 2.5]);
    expect(points.map((p) => p.upper)).toEqual([4.05, 4.69, 5.18]);
    expect(points.map((p) => p.lower)).toEqual([0.95, 0.31, -0.18]);
  });

  it('gives nothing below two months', () => {
    expect(forecastMonthly(months([4]))).toEqual([]);
    expect(forecastMonthly([])).toEqual([]);
    expect(forecastMonthly(months([null, null, 5]))).toEqual([]);
  });

  it('uses only the last run of consecutive months', () => {
    // A gap in February: only March–April remain, so the forecast is naive from 2 points.
    const series = months([1, 2, 3, null, 6, 6]);
    expect(observedRun(series)).toEqual([
      { month: '2026-03', value: 6 },
      { month: '2026-04', value: 6 },
    ]);
    expect(forecastMonthly(series).map((p) => [p.month, p.value, p.method])).toEqual([
      ['2026-05', 6, 'naive'],
      ['2026-06', 6, 'naive'],
      ['2026-07', 6, 'naive'],
    ]);
    // Months that are not consecutive break the run too.
    expect(
      observedRun([
        { month: '2026-01', value: 1 },
        { month: '2026-03', value: 2 },
      ]),
    ).toEqual([{ month: '2026-03', value: 2 }]);
  });

  it('clamps values and bounds to the score range', () => {
    const up = forecastMonthly(months([7, 8, 9, 9.5, 10]), { min: 0, max: 10 });
    for (const p of up) {
      expect(p.value).toBe(10);
      expect(p.upper).toBe(10);
      expect(p.lower).toBeLessThanOrEqual(10);
    }
    const down = forecastMonthly(months([3, 2, 1, 0.5]), { min: 0, max: 10 });
    expect(down.at(-1)).toMatchObject({ value: 0, lower: 0 });
  });
});

describe('Holt', () => {
  it('starts at the first value with the first change as trend, and counts errors from the third value', () => {
    const fit = holt([1, 2, 4], 0.5, 0.5);
    // Predicted third value 2 + 1 = 3, error 1; level 0.5·4 + 0.5·3 = 3.5; trend 0.5·1.5 + 0.5·1 = 1.25.
    expect(fit.errors).toEqual([1]);
    expect(fit.level).toBe(3.5);
    expect(fit.trend).toBe(1.25);
  });

  it('picks the parameters with the least squared one-step error from the grid', () => {
    const values = [3, 4.5, 2.2, 4.1, 2.5, 3.9, 2.8];
    const best = fitHolt(values);
    for (const a of [0.1, 0.5, 0.9])
      for (const b of [0.1, 0.5, 0.9]) expect(holt(values, a, b).sse).toBeGreaterThanOrEqual(best.sse);
  });
});
