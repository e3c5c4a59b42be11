import { describe, expect, it } from 'vitest';
import { wellbeingReport } from '../schemas/report.ts';
import { expectedReport, type ReportInput } from './expected.ts';
import {
  FIXTURE_NOW,
  fixtureNames,
  fixturePeople,
  fixturePlans,
  fixtureProgress,
  fixtureScreenings,
  pid,
  V1,
  V2,
  V3,
} from './fixture.ts';

const base: Omit<ReportInput, 'by'> = {
  scope: { kind: 'area', code: '1001' },
  yearBE: 2569,
  now: FIXTURE_NOW,
  people: fixturePeople,
  screenings: fixtureScreenings,
  plans: fixturePlans,
  progress: fixtureProgress,
  names: fixtureNames,
};
const report = (over: Partial<ReportInput> = {}) => expectedReport({ ...base, by: 'dimension', ...over });

describe('expectedReport: the year BE 2569 in district 1001 (fixture.ts)', () => {
  const r = report();

  it('matches the response schema', () => {
    expect(wellbeingReport.safeParse(r).success).toBe(true);
    expect(r.suppressed).toBe(false);
  });

  it('counts registered, screened, coverage, due and overdue', () => {
    // 18 in scope: p01–p15, p18, p19, p20 (p16 merged, p17 elsewhere). Not screened in 2026: p19, p20.
    // Due in April (this month): the 17 registered by its end (not p18) minus the 7 screened in it;
    // overdue: p11 and p14 (last screened in February) and p19 (registered in March); p20 joined in April.
    expect(r.population).toEqual({
      registered: 18,
      screened: 16,
      coverage: 88.9,
      due: 10,
      overdue: 3,
      dueMonth: '2026-04',
    });
  });

  it('counts the levels of each person latest screening of the year', () => {
    expect(r.dimensions).toEqual({
      health: { green: 9, yellow: 3, red: 4 },
      economy: { green: 10, yellow: 4, red: 2 },
      society: { green: 9, yellow: 6, red: 1 },
      environment: { green: 9, yellow: 6, red: 1 },
    });
  });

  it('counts item levels from the answers', () => {
    // Health green scored 1 gives H1 = 1 (8 people); p02's green 2, every yellow and red give H1 = 2.
    expect(r.items?.H1).toEqual({ green: 0, yellow: 8, red: 8 });
    // Only a red health gives H5 = 1; nobody answers H3 = 2 (it would be a red flag).
    expect(r.items?.H5).toEqual({ green: 12, yellow: 4, red: 0 });
    expect(r.items?.H3).toEqual({ green: 16, yellow: 0, red: 0 });
    expect(Object.keys(r.items ?? {})).toHaveLength(20);
  });

  it('gives the total score distribution and worst levels', () => {
    expect(r.overall).toEqual({
      mean: 10.63, // 170 / 16
      scores: { '0-4': 4, '5-9': 2, '10-14': 6, '15-19': 3, '20-24': 0, '25-29': 1, '30-34': 0, '35-40': 0 },
      worst: { green: 5, yellow: 6, red: 5 },
    });
  });

  it('gives a trend from January to this month, January in Bangkok time', () => {
    expect(r.trend.map((t) => t.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    // January: 13 people, p01's screening at 2025-12-31T18:00Z among them, p03's later one counting.
    // Health: green p02 p04 p07 p09 p13, yellow p01 p03 p06 p08 p12 p14, red p05 p10: (5 + 24 + 14) / 13.
    expect(r.trend[0]?.dimensions.health).toEqual({ green: 5, yellow: 6, red: 2, mean: 3.31 });
    // April: p01 p04 p05 p07 p08 p10 p13 → health 1 1 7 1 7 7 1.
    expect(r.trend[3]?.dimensions.health).toEqual({ green: 4, yellow: 0, red: 3, mean: 3.57 });
  });

  it('counts change against each person previous screening', () => {
    // Improved: p01 p03 p05 p09 p10. Worse: p14 (yellow → red at the same instant, larger id later) and p02
    // (health still green but 1 → 2). Not counted: p11, p15, p18 (no earlier screening).
    expect(r.change).toMatchObject({ improved: 5, worse: 2, same: 6 });
    expect(r.change.dimensions.health).toEqual({ improved: 1, worse: 2, same: 10 });
  });

  it('forecasts the next three months of each dimension from the trend', () => {
    expect(r.forecast.map((f) => f.dimension)).toEqual(['health', 'economy', 'society', 'environment']);
    for (const f of r.forecast) {
      expect([f.from, f.to]).toEqual(['2026-01', '2026-04']);
      expect(f.points.map((p) => p.month)).toEqual(['2026-05', '2026-06', '2026-07']);
      for (const p of f.points) {
        expect(p.method).toBe('holt');
        expect(p.lower).toBeLessThanOrEqual(p.value);
        expect(p.upper).toBeGreaterThanOrEqual(p.value);
        expect(p.lower).toBeGreaterThanOrEqual(0);
        expect(p.upper).toBeLessThanOrEqual(10);
      }
    }
  });

  it('gives plan coverage and adherence', () => {
    // p05 and p10 have plans (p16's is a merged record's). Progress in 2026: done, partly, not done, done.
    expect(r.plans).toEqual({ withPlan: 2, coverage: 12.5, reporting: 2, adherence: 63 });
  });

  it('has one row per dimension in the dimension breakdown', () => {
    expect(r.breakdown[1]).toEqual({
      key: 'economy',
      label: 'economy',
      registered: 18,
      screened: 16,
      dimensions: { economy: { green: 10, yellow: 4, red: 2 } },
    });
  });
});

describe('expectedReport: periods', () => {
  it('counts a month: registered = screened + due', () => {
    const jan = report({ month: 1 });
    // Registered by the end of January: p01–p15. Not screened in January: p11, p15, neither in December.
    expect(jan.population).toEqual({
      registered: 15,
      screened: 13,
      coverage: 86.7,
      due: 2,
      overdue: 2,
      dueMonth: '2026-01',
    });
    expect(jan.month).toBe(1);
    expect(jan.trend).toHaveLength(1);
    expect(jan.dimensions.health).toEqual({ green: 5, yellow: 6, red: 2 });
  });

  it('counts a screening imported for someone registered later in the month it was taken', () => {
    const feb = report({ month: 2, scope: { kind: 'area', code: V1 } });
    // V1: p01–p06, p18, p19. February: p01–p05 and p18 (registered in May, screened in February).
    expect(feb.population.registered).toBe(7);
    expect(feb.population.screened).toBe(6);
    expect(feb.population.due).toBe(1); // p06
  });

  it('puts a screening at 23:59 on 31 December Bangkok time in BE 2568', () => {
    const dec = expectedReport({ ...base, yearBE: 2568, month: 12, by: 'vulnerability' });
    // December 2025: p01, p02, p03 (16:59Z), p07, p14.
    expect(dec.population.screened).toBe(5);
    // p03 turns 60 on 10 January 2026: not yet elderly on 31 December 2025.
    const elderly = dec.breakdown.find((row) => row.key === 'elderly');
    expect(elderly).toMatchObject({ registered: 8, screened: 3 });
    const jan = report({ month: 1, by: 'vulnerability' });
    expect(jan.breakdown.find((row) => row.key === 'elderly')).toMatchObject({ registered: 9 });
  });

  it('reports a group by its person ids', () => {
    const g = expectedReport({
      ...base,
      by: 'village',
      scope: { kind: 'group', id: 'g1', personIds: [pid(5), pid(10), pid(16), pid(17)] },
    });
    // p16 is merged (history, not a person); p17 lives elsewhere but is enrolled.
    expect(g.scope).toEqual({ kind: 'group', id: 'g1' });
    expect(g.population).toMatchObject({ registered: 3, screened: 3 });
    expect(g.breakdown.map((row) => row.key)).toEqual(['10010101', '10010102', '20010101']);
  });

  it('rejects a stored month that disagrees with Thai time', () => {
    const wrong = fixtureScreenings.map((s) =>
      s.takenAt === '2025-12-31T18:00:00.000Z' ? { ...s, takenMonth: '2025-12' } : s,
    );
    expect(() => report({ screenings: wrong })).toThrow(/takenMonth/);
  });

  it('leaves plans out when nobody in scope has one', () => {
    expect(report({ scope: { kind: 'area', code: V3 } }).plans).toBeUndefined();
  });
});

describe('expectedReport: breakdowns', () => {
  it('by village, with names and people without a village last', () => {
    const r = report({ by: 'village' });
    expect(
      r.breakdown.map(({ key, label, registered, screened }) => ({ key, label, registered, screened })),
    ).toEqual([
      { key: V1, label: 'บ้านหนึ่ง', registered: 8, screened: 7 },
      { key: V2, label: 'บ้านสอง', registered: 5, screened: 4 },
      { key: V3, label: 'บ้านสาม', registered: 3, screened: 3 },
      { key: 'none', label: 'none', registered: 2, screened: 2 },
    ]);
    // The rows split the people: each column adds up to the report's figure.
    for (const d of ['health', 'economy', 'society', 'environment'] as const) {
      for (const level of ['green', 'yellow', 'red'] as const) {
        const sum = r.breakdown.reduce((s, row) => s + (row.dimensions[d]?.[level] ?? 0), 0);
        expect(sum).toBe(r.dimensions[d][level]);
      }
    }
  });

  it('by household: households per village by their worst member', () => {
    const r = report({ by: 'household' });
    expect(
      r.breakdown.map(({ key, registered, screened, dimensions }) => [
        key,
        registered,
        screened,
        dimensions.health,
      ]),
    ).toEqual([
      [V1, 3, 3, { green: 2, yellow: 0, red: 1 }], // a: p01 p02, b: p03 p04, c: p05 (red)
      [V2, 2, 2, { green: 0, yellow: 0, red: 2 }], // d: p08 red, e: p10 red
      [V3, 1, 1, { green: 0, yellow: 0, red: 1 }], // f: p14 red
    ]);
  });

  it('by vulnerability: elderly from age, bedbound from ADL, a person in each of their types', () => {
    const rows = Object.fromEntries(
      report({ by: 'vulnerability' }).breakdown.map((row) => [row.key, [row.registered, row.screened]]),
    );
    expect(rows).toEqual({
      elderly: [10, 9], // p20 (born 1966-06-01) turns 60 by the year's end, not yet screened
      bedbound: [1, 1],
      disabled: [1, 1],
      chronic_illness: [1, 1],
      poor: [2, 2],
      child_orphan: [1, 1],
      pregnant: [0, 0],
      living_alone: [0, 0],
      other: [0, 0],
      none: [5, 4],
    });
  });

  it('by ADL group, age band and sex', () => {
    const adl = report({ by: 'adl' }).breakdown.map((row) => [row.key, row.registered]);
    expect(adl).toEqual([
      ['bed_bound', 1],
      ['home_bound', 1],
      ['social_bound', 1],
      ['none', 15],
    ]);
    const age = Object.fromEntries(report({ by: 'age' }).breakdown.map((row) => [row.key, row.registered]));
    expect(age).toEqual({
      '0-9': 0,
      '10-19': 1,
      '20-29': 2,
      '30-39': 1,
      '40-49': 2,
      '50-59': 2,
      '60-69': 4, // p20 turns 60 by the year's end, the age every period is taken on
      '70-79': 3,
      '80-89': 2,
      '90+': 1,
    });
    const sex = report({ by: 'sex' }).breakdown.map((row) => [row.key, row.registered, row.screened]);
    // Odd numbers female: p01 … p15, p19; even male: p02 … p14, p18, p20.
    expect(sex).toEqual([
      ['male', 9, 8],
      ['female', 9, 8],
    ]);
  });

  it('by month: the trend months with who was registered by each month end', () => {
    const r = report({ by: 'month' });
    expect(r.breakdown.map((row) => [row.key, row.registered, row.screened])).toEqual([
      ['2026-01', 15, 13],
      ['2026-02', 16, 13], // p18 screened (imported); p06, p12, p15 not screened
      ['2026-03', 16, 13], // + p19 registered; p18 not screened and registered only in May
      ['2026-04', 17, 7], // + p20
    ]);
    expect(r.breakdown[0]?.dimensions).toEqual(
      Object.fromEntries(Object.entries(r.trend[0]?.dimensions ?? {}).map(([d, { mean, ...c }]) => [d, c])),
    );
  });
});
