import { describe, expect, it } from 'vitest';
import type { BreakdownRow, LevelCounts } from '../../../core/schemas/report.ts';
import { nextSort } from '../../components/columnSort.ts';
import {
  breakdownLines,
  dimensionTrend,
  formatCount,
  formatMean,
  formatPercent,
  heatColor,
  itemLines,
  levelShares,
  levelTotal,
  lineDimensions,
  percent,
  redShare,
  sortLines,
  worstItems,
} from './shape.ts';
import { fixtureReport, hiddenReport } from './testReport.ts';

const counts = (green: number | null, yellow: number | null, red: number | null): LevelCounts => ({
  green,
  yellow,
  red,
});
const labelOf = (row: BreakdownRow) => `label:${row.key}`;

describe('percent and level shares', () => {
  it('is part of whole to one decimal, null when hidden or nobody', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(null, 3)).toBeNull();
    expect(percent(1, null)).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });

  it('takes the shares of the three lights added up', () => {
    const shares = levelShares(counts(6, 3, 1));
    expect(shares.whole).toBe(10);
    expect(shares.share).toEqual({ green: 60, yellow: 30, red: 10 });
    expect(shares.hidden).toBe(false);
  });

  it('with a hidden light, shares the known ones of the people screened and never works the hidden back', () => {
    const shares = levelShares(counts(20, null, null), 25);
    expect(levelTotal(counts(20, null, null))).toBeNull();
    expect(shares.whole).toBe(25);
    expect(shares.share).toEqual({ green: 80, yellow: null, red: null });
    expect(shares.hidden).toBe(true);
    // Without the number screened there is nothing to take a share of.
    expect(levelShares(counts(20, null, null)).share.green).toBeNull();
  });

  it('gives the red share, of the people screened when a light is hidden', () => {
    expect(redShare(counts(5, 5, 10))).toBe(50);
    expect(redShare(counts(null, null, 10), 40)).toBe(25);
    expect(redShare(undefined)).toBeNull();
  });
});

describe('heatColor', () => {
  it('steps up with the red share and keeps dark text on every step', () => {
    const steps = [0, 5, 10, 19.9, 20, 35, 40, 100].map((share) => heatColor(share)?.step);
    expect(steps).toEqual([0, 1, 2, 2, 3, 4, 5, 5]);
    const backgrounds = new Set([0, 5, 15, 25, 35, 45].map((share) => heatColor(share)?.background));
    expect(backgrounds.size).toBe(6);
    for (const share of [0, 5, 15, 25, 35, 45]) expect(heatColor(share)?.color).toBe('#1a1b1e');
  });

  it('colours nothing that is hidden', () => {
    expect(heatColor(null)).toBeNull();
  });
});

describe('breakdownLines', () => {
  const report = fixtureReport({ by: 'village' });
  const lines = breakdownLines(report, labelOf);

  it('turns each row into a line with coverage and the red share per dimension', () => {
    expect(lines.map((l) => l.key)).toEqual(report.breakdown.map((row) => row.key));
    for (const [i, line] of lines.entries()) {
      const row = report.breakdown[i] as BreakdownRow;
      expect(line.label).toBe(`label:${row.key}`);
      expect(line.coverage).toBe(percent(row.screened, row.registered));
      const health = row.dimensions.health as LevelCounts;
      const whole = (health.green ?? 0) + (health.yellow ?? 0) + (health.red ?? 0);
      expect(line.dimensions.health?.red).toBe(
        whole === 0 ? null : Math.round(((health.red ?? 0) * 1000) / whole) / 10,
      );
    }
    expect(lineDimensions(lines)).toEqual(['health', 'economy', 'society', 'environment']);
  });

  it('lets a click drill down to a village of an area, not to "no village" nor in a group', () => {
    expect(lines.filter((l) => l.drillArea).map((l) => l.drillArea)).toEqual(
      report.breakdown.filter((row) => /^\d{8}$/.test(row.key)).map((row) => row.key),
    );
    expect(lines.find((l) => l.key === 'none')?.drillArea).toBeNull();
    const group = breakdownLines({ ...report, scope: { kind: 'group', id: 'g' } }, labelOf);
    expect(group.every((l) => l.drillArea === null)).toBe(true);
    const byAge = breakdownLines(fixtureReport({ by: 'age' }), labelOf);
    expect(byAge.every((l) => l.drillArea === null)).toBe(true);
  });

  it('keeps a hidden count hidden', () => {
    const hidden = hiddenReport({ by: 'village' });
    const hiddenLines = breakdownLines(hidden, labelOf);
    for (const [i, line] of hiddenLines.entries()) {
      const row = hidden.breakdown[i] as BreakdownRow;
      expect(line.screened).toBe(row.screened);
      if (row.screened === null || row.registered === null) expect(line.coverage).toBeNull();
    }
    expect(hidden.suppressed).toBe(true);
  });

  it('holds one dimension per row in the dimension breakdown', () => {
    const dims = breakdownLines(fixtureReport({ by: 'dimension' }), labelOf);
    expect(dims.map((l) => Object.keys(l.dimensions))).toEqual([
      ['health'],
      ['economy'],
      ['society'],
      ['environment'],
    ]);
  });
});

describe('sortLines', () => {
  const lines = breakdownLines(fixtureReport({ by: 'village' }), labelOf);
  const withHidden = [
    ...lines,
    { ...(lines[0] as (typeof lines)[number]), key: 'x', screened: null, coverage: null },
  ];

  it('keeps the server order until a column is chosen', () => {
    expect(sortLines(lines, { key: null, descending: false }).map((l) => l.key)).toEqual(
      lines.map((l) => l.key),
    );
  });

  it('sorts numbers worst first on the first click and flips on the second, hidden last either way', () => {
    const first = nextSort({ key: null, descending: false }, 'screened');
    expect(first).toEqual({ key: 'screened', descending: true });
    const down = sortLines(withHidden, first);
    const values = down.map((l) => l.screened);
    expect(values.at(-1)).toBeNull();
    const known = values.filter((v): v is number => v !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    const up = sortLines(withHidden, nextSort(first, 'screened'));
    expect(up.at(-1)?.screened).toBeNull();
    const upKnown = up.map((l) => l.screened).filter((v): v is number => v !== null);
    expect(upKnown).toEqual([...upKnown].sort((a, b) => a - b));
  });

  it('sorts names ascending first, and by the red share of a dimension', () => {
    expect(nextSort({ key: 'screened', descending: true }, 'label')).toEqual({
      key: 'label',
      descending: false,
    });
    const byRed = sortLines(lines, { key: 'red:health', descending: true }).map(
      (l) => l.dimensions.health?.red ?? null,
    );
    const known = byRed.filter((v): v is number => v !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
  });
});

describe('dimensionTrend', () => {
  const report = fixtureReport({ by: 'dimension' });

  it('follows the trend means month by month and continues with the forecast from the last month used', () => {
    const trend = dimensionTrend(report, 'health');
    const observed = trend.points.filter((p) => p.observed !== null);
    expect(observed.map((p) => p.observed)).toEqual(
      report.trend.map((p) => p.dimensions.health.mean).filter((m) => m !== null),
    );
    expect(trend.observedMonths).toBe(observed.length);
    const made = report.forecast.find((f) => f.dimension === 'health');
    expect(made, 'the fixture has a forecast').toBeDefined();
    const ahead = trend.points.slice(report.trend.length);
    expect(ahead.map((p) => [p.month, p.forecast, p.band])).toEqual(
      made?.points.map((f) => [f.month, f.value, [f.lower, f.upper]]),
    );
    // The dashes start where the data ends, so the two lines join.
    const anchor = trend.points.find((p) => p.month === made?.to);
    expect(anchor?.forecast).toBe(anchor?.observed);
    expect(trend.forecast).toBe(made);
  });

  it('never draws a forecast without the data it stands on', () => {
    const noData = {
      ...report,
      trend: report.trend.map((p) => ({
        ...p,
        dimensions: { ...p.dimensions, health: { ...p.dimensions.health, mean: null } },
      })),
    };
    const trend = dimensionTrend(noData, 'health');
    expect(trend.forecast).toBeNull();
    expect(trend.points.every((p) => p.forecast === null && p.band === null)).toBe(true);
    expect(trend.points).toHaveLength(report.trend.length);
  });
});

describe('items', () => {
  const definition = [
    { code: 'H1', dimension: 'health', text: 'one' },
    { code: 'H2', dimension: 'health', text: 'two' },
    { code: 'ZZ', dimension: 'health', text: 'not in the report' },
  ];

  it('lists the report items in the instrument order with their red share', () => {
    const report = fixtureReport();
    const lines = itemLines(report.items, definition, report.population.screened);
    expect(lines.map((l) => l.code)).toEqual(['H1', 'H2']);
    expect(lines[0]?.red).toBe(redShare(report.items?.H1));
    expect(itemLines(undefined, definition, 3)).toEqual([]);
  });

  it('picks the items with the largest red share, worst first, none without red', () => {
    const lines = itemLines(
      { H1: counts(8, 1, 1), H2: counts(2, 2, 6), ZZ: counts(10, 0, 0) },
      definition,
      10,
    );
    expect(worstItems(lines, 5).map((l) => l.code)).toEqual(['H2', 'H1']);
    expect(worstItems(lines, 1).map((l) => l.code)).toEqual(['H2']);
  });
});

describe('formatting', () => {
  it('writes counts, percentages and means, and leaves hidden ones null', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBeNull();
    expect(formatPercent(45.2)).toBe('45.2%');
    expect(formatPercent(50)).toBe('50%');
    expect(formatPercent(null)).toBeNull();
    expect(formatMean(3.456)).toBe('3.46');
    expect(formatMean(undefined)).toBeNull();
  });
});
