import { describe, expect, it } from 'vitest';
import {
  type BreakdownRow,
  type LevelCounts,
  reportDimensions,
  type WellbeingReport,
  wellbeingReport,
} from '../schemas/report.ts';
import { expectedReport } from './expected.ts';
import {
  FIXTURE_NOW,
  fixtureNames,
  fixturePeople,
  fixturePlans,
  fixtureProgress,
  fixtureScreenings,
} from './fixture.ts';
import { suppressReport } from './suppress.ts';

const levels = (green: number, yellow: number, red: number): LevelCounts => ({ green, yellow, red });
const allDimensions = <T>(make: () => T) =>
  Object.fromEntries(reportDimensions.map((d) => [d, make()])) as Record<
    (typeof reportDimensions)[number],
    T
  >;

/** A report of large numbers everywhere: nothing to hide until a test sets a small one. */
function largeReport(): WellbeingReport {
  return {
    scope: { kind: 'area', code: '100101' },
    yearBE: 2569,
    by: 'dimension',
    population: { registered: 100, screened: 60, coverage: 60, due: 40, overdue: 20, dueMonth: '2026-04' },
    dimensions: allDimensions(() => levels(30, 20, 10)),
    items: { H1: levels(30, 20, 10) },
    overall: { mean: 12, scores: { '0-4': 30, '5-9': 30 }, worst: levels(20, 20, 20) },
    breakdown: [],
    trend: ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => ({
      month,
      dimensions: allDimensions(() => ({ ...levels(30, 20, 10), mean: 4 })),
    })),
    change: {
      improved: 10,
      worse: 10,
      same: 20,
      dimensions: allDimensions(() => ({ improved: 10, worse: 10, same: 20 })),
    },
    forecast: reportDimensions.map((dimension) => ({
      dimension,
      from: '2026-01',
      to: '2026-04',
      points: [{ month: '2026-05', value: 4, lower: 3, upper: 5, method: 'holt' as const }],
    })),
    plans: { withPlan: 20, coverage: 33.3, reporting: 15, adherence: 70 },
    suppressed: false,
  };
}

const villageRow = (
  key: string,
  registered: number,
  screened: number,
  health: LevelCounts,
): BreakdownRow => ({
  key,
  label: key,
  registered,
  screened,
  dimensions: { ...allDimensions(() => levels(screened, 0, 0)), health },
});

/** Every relation the report shows, checked from outside: none may be left with exactly one hidden member. */
function leaks(r: WellbeingReport): string[] {
  const problems: string[] = [];
  const check = (name: string, members: readonly (number | null | undefined)[]) => {
    if (members.filter((v) => v === null).length === 1) problems.push(name);
  };
  const triple = (c: LevelCounts) => [c.green, c.yellow, c.red];
  for (const d of reportDimensions)
    check(`dimensions.${d}`, [r.population.screened, ...triple(r.dimensions[d])]);
  for (const row of r.breakdown) {
    for (const d of reportDimensions) {
      const c = row.dimensions[d];
      if (c) check(`${row.key}.${d}`, [row.screened, ...triple(c)]);
    }
  }
  if (['village', 'adl', 'age', 'sex'].includes(r.by)) {
    check('column registered', [r.population.registered, ...r.breakdown.map((row) => row.registered)]);
    check('column screened', [r.population.screened, ...r.breakdown.map((row) => row.screened)]);
    for (const d of reportDimensions) {
      for (const l of ['green', 'yellow', 'red'] as const) {
        check(`column ${d}.${l}`, [r.dimensions[d][l], ...r.breakdown.map((row) => row.dimensions[d]?.[l])]);
      }
    }
  }
  return problems;
}

/** Every count left visible is 0 or at least 5. */
function smallVisible(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [];
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const here = `${path}.${k}`;
    const isCount =
      !/(mean|coverage|adherence|value|lower|upper|yearBE|month)$/.test(here) && typeof v === 'number';
    if (isCount && v > 0 && v < 5) out.push(here);
    else out.push(...smallVisible(v, here));
  }
  return out;
}

describe('suppressReport', () => {
  it('is checked by test helpers that see a lone hidden cell and a small visible one', () => {
    const r = largeReport();
    r.dimensions.health = { green: 49, yellow: 9, red: null };
    expect(leaks(r)).toEqual(['dimensions.health']);
    r.dimensions.health = levels(49, 9, 2);
    expect(smallVisible(r)).toEqual(['.dimensions.health.red']);
  });

  it('changes nothing when every cell is large', () => {
    const r = largeReport();
    expect(suppressReport(r)).toEqual(r);
  });

  it('hides a second cell of a row when only one is small', () => {
    const r = largeReport();
    r.dimensions.health = levels(49, 9, 2);
    const out = suppressReport(r);
    expect(out.dimensions.health).toEqual({ green: 49, yellow: null, red: null });
    expect(out.suppressed).toBe(true);
    expect(r.dimensions.health).toEqual(levels(49, 9, 2)); // the input is not changed
  });

  it('does not hide zero', () => {
    const r = largeReport();
    r.dimensions.economy = levels(60, 0, 0);
    r.dimensions.society = levels(57, 3, 0);
    const out = suppressReport(r);
    expect(out.dimensions.economy).toEqual({ green: 60, yellow: 0, red: 0 });
    // 3 is hidden; the only other non-zero cell goes with it; 0 stays.
    expect(out.dimensions.society).toEqual({ green: null, yellow: null, red: 0 });
    // With green and yellow hidden, screened − red leaves their sum, not either one.
    expect(out.population.screened).toBe(60);
  });

  it('keeps the totals of a breakdown from giving a hidden number back', () => {
    const r = largeReport();
    r.by = 'village';
    r.population = { ...r.population, registered: 60, screened: 40 };
    r.dimensions = allDimensions(() => levels(40, 0, 0));
    r.dimensions.health = levels(20, 17, 3);
    r.breakdown = [
      villageRow('v1', 20, 15, levels(5, 7, 3)),
      villageRow('v2', 20, 15, levels(5, 10, 0)),
      villageRow('v3', 20, 10, levels(10, 0, 0)),
    ];
    const out = suppressReport(r);
    expect(leaks(out)).toEqual([]);
    expect(smallVisible(out)).toEqual([]);
    // The red 3 of v1: hidden, and neither v1's row (15 − 5 − 7) nor the red column (3 − 0 − 0) gives it back.
    expect(out.breakdown[0]?.dimensions.health?.red).toBeNull();
    expect(out.dimensions.health.red).toBeNull();
    const v1 = Object.values(out.breakdown[0]?.dimensions.health ?? {});
    expect(v1.filter((v) => v === null).length).toBeGreaterThan(1);
  });

  it('hides registered = screened + due together in a month report', () => {
    const r = largeReport();
    r.month = 4;
    r.population = { registered: 50, screened: 3, coverage: 6, due: 47, overdue: 10, dueMonth: '2026-04' };
    r.dimensions = allDimensions(() => levels(3, 0, 0));
    const out = suppressReport(r);
    expect(out.population).toMatchObject({
      registered: 50,
      screened: null,
      due: null,
      coverage: null,
      overdue: 10,
    });
  });

  it('hides the figures a breakdown shows twice together', () => {
    const r = largeReport();
    r.dimensions.health = levels(50, 8, 2);
    r.breakdown = reportDimensions.map((d) => ({
      key: d,
      label: d,
      registered: 100,
      screened: 60,
      dimensions: { [d]: { ...r.dimensions[d] } },
    }));
    const out = suppressReport(r);
    expect(out.breakdown[0]?.dimensions.health).toEqual(out.dimensions.health);
    expect(out.dimensions.health).toEqual({ green: 50, yellow: null, red: null });
  });

  it('hides means over fewer than five people and drops forecasts made from them', () => {
    const r = largeReport();
    const feb = r.trend[1]?.dimensions.society;
    if (!feb) throw new Error('fixture');
    Object.assign(feb, levels(2, 1, 0), { mean: 1.67 });
    const out = suppressReport(r);
    expect(out.trend[1]?.dimensions.society).toEqual({ green: null, yellow: null, red: 0, mean: null });
    expect(out.trend[1]?.dimensions.health.mean).toBe(4);
    expect(out.forecast.map((f) => f.dimension)).toEqual(['health', 'economy', 'environment']);
  });

  it('hides coverage with its counts, and adherence with few people reporting', () => {
    const r = largeReport();
    r.plans = { withPlan: 4, coverage: 6.7, reporting: 2, adherence: 50 };
    const out = suppressReport(r);
    expect(out.plans).toEqual({ withPlan: null, coverage: null, reporting: null, adherence: null });
    expect(out.population.coverage).toBe(60);
  });

  it('leaves nothing small and no single hidden cell in the fixture reports, in every breakdown', () => {
    for (const by of [
      'dimension',
      'vulnerability',
      'household',
      'village',
      'month',
      'adl',
      'age',
      'sex',
    ] as const) {
      for (const month of [undefined, 1]) {
        const full = expectedReport({
          scope: { kind: 'area', code: '1001' },
          yearBE: 2569,
          month,
          by,
          now: FIXTURE_NOW,
          people: fixturePeople,
          screenings: fixtureScreenings,
          plans: fixturePlans,
          progress: fixtureProgress,
          names: fixtureNames,
        });
        const out = suppressReport(full);
        expect(wellbeingReport.safeParse(out).success).toBe(true);
        expect(smallVisible(out)).toEqual([]);
        expect(leaks(out)).toEqual([]);
        expect(out.suppressed).toBe(true);
        // A month report's top figures are its trend month's: hidden alike.
        if (month) expect(out.trend[0]?.dimensions.health).toMatchObject(out.dimensions.health);
      }
    }
  });

  it('never leaves a small cell visible or a relation with one hidden member (random breakdowns)', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const rows = Array.from({ length: 1 + next(6) }, (_, i) => {
        const health = levels(next(12), next(8), next(6));
        const screened = health.green! + health.yellow! + health.red!;
        return villageRow(`v${i}`, screened + next(10), screened, health);
      });
      const sum = (f: (row: BreakdownRow) => number) => rows.reduce((s, row) => s + f(row), 0);
      const r = largeReport();
      r.by = 'village';
      r.breakdown = rows;
      r.population = {
        ...r.population,
        registered: sum((row) => row.registered!),
        screened: sum((row) => row.screened!),
      };
      r.dimensions = allDimensions(() => levels(r.population.screened!, 0, 0));
      r.dimensions.health = levels(
        sum((row) => row.dimensions.health!.green!),
        sum((row) => row.dimensions.health!.yellow!),
        sum((row) => row.dimensions.health!.red!),
      );
      const out = suppressReport(r);
      expect(smallVisible(out.breakdown)).toEqual([]);
      expect(smallVisible(out.dimensions)).toEqual([]);
      expect(leaks(out)).toEqual([]);
    }
  });
});
