import { describe, expect, it } from 'vitest';
import { reportBreakdowns } from '../schemas/report.ts';
import {
  addCell,
  areaKeysOf,
  type Cell,
  LEAF_ROW_SLOTS,
  leafCells,
  leafOf,
  periodsOfReport,
  reportFromCells,
  slots,
} from './cells.ts';
import { expectedReport, type ReportPerson } from './expected.ts';
import { FIXTURE_NOW, fixtureNames, fixturePeople, fixtureScreenings, pid, V1, V2, V3 } from './fixture.ts';

/** Every leaf's cells, summed into every area key the way the server's rollup does. */
function rollup(people: readonly ReportPerson[], lastYear = 2026) {
  const byLeaf = new Map<string, ReportPerson[]>();
  for (const p of people) byLeaf.set(leafOf(p), [...(byLeaf.get(leafOf(p)) ?? []), p]);
  const cells = new Map<string, Map<string, Cell>>(); // area key → period → cell
  for (const [leaf, members] of byLeaf) {
    const ids = new Set(members.map((p) => p.id));
    const own = leafCells(
      members,
      fixtureScreenings.filter((s) => ids.has(s.personId)),
      lastYear,
    );
    for (const key of areaKeysOf(leaf)) {
      const area = cells.get(key) ?? new Map<string, Cell>();
      for (const [period, cell] of own) {
        area.set(period, addCell(area.get(period) ?? new Int32Array(slots.length), cell));
      }
      cells.set(key, area);
    }
  }
  return cells;
}

const cells = rollup(fixturePeople);

function fromCells(
  area: string,
  yearBE: number,
  month: number | undefined,
  by: (typeof reportBreakdowns)[number],
) {
  const q = { area, yearBE, month, by };
  const { key, months } = periodsOfReport(q, FIXTURE_NOW);
  const own = cells.get(area) ?? new Map<string, Cell>();
  const scope = new Map(
    [key, ...months].flatMap((p) => (own.has(p) ? [[p, own.get(p) as Cell] as const] : [])),
  );
  const leaves = [...cells.entries()]
    .filter(([leaf]) => leaf.length === 8 && leaf.startsWith(area))
    .flatMap(([leaf, byPeriod]) => (byPeriod.has(key) ? [{ leaf, cell: byPeriod.get(key) as Cell }] : []));
  return reportFromCells(q, FIXTURE_NOW, { scope, leaves }, { names: fixtureNames });
}

function reference(
  area: string,
  yearBE: number,
  month: number | undefined,
  by: (typeof reportBreakdowns)[number],
) {
  const { plans: _plans, ...report } = expectedReport({
    scope: { kind: 'area', code: area },
    yearBE,
    ...(month !== undefined ? { month } : {}),
    by,
    now: FIXTURE_NOW,
    people: fixturePeople,
    screenings: fixtureScreenings,
    names: fixtureNames,
  });
  return report;
}

describe('reportFromCells: every figure equals the reference computed from raw rows', () => {
  const areas = ['10', '1001', '100101', '100102', V1, V2];
  const periods: [number, number | undefined][] = [
    [2569, undefined],
    [2568, undefined],
    [2569, 1],
    [2569, 2],
    [2569, 4],
    [2568, 12],
  ];
  for (const area of areas) {
    for (const [yearBE, month] of periods) {
      it(`area ${area}, ${yearBE}${month ? `/${month}` : ''}, every breakdown`, () => {
        for (const by of reportBreakdowns) {
          expect(fromCells(area, yearBE, month, by), by).toEqual(reference(area, yearBE, month, by));
        }
      });
    }
  }

  it('counts something (the fixture is not empty where compared)', () => {
    const r = fromCells('1001', 2569, undefined, 'village');
    expect(r.population.screened).toBeGreaterThan(10);
    expect(r.breakdown.map((row) => row.key)).toEqual([V1, V2, V3, 'none']);
  });

  it('a year with no data is all zero, and a leaf changed alone changes the sum above it', () => {
    expect(fromCells('1001', 2560, undefined, 'dimension').population.registered).toBe(0);
    const without = rollup(fixturePeople.filter((p) => p.id !== pid(7)));
    const year = (c: Map<string, Map<string, Cell>>, key: string) => c.get(key)?.get('2026') as Cell;
    // p07 lives in V2 and was screened in 2026: the difference shows in V2 and in the district alike.
    const diffV2 = addCell(Int32Array.from(year(cells, V2)), year(without, V2), -1);
    const diffDistrict = addCell(Int32Array.from(year(cells, '1001')), year(without, '1001'), -1);
    expect(diffV2[0]).toBe(1);
    expect([...diffDistrict]).toEqual([...diffV2]);
  });
});

describe('the slot list', () => {
  it('puts what a village row shows first, so a province reads its villages that far only', () => {
    const leafRow = slots.slice(0, LEAF_ROW_SLOTS);
    expect(leafRow).toContain('reg');
    expect(leafRow).toContain('hh.scr');
    expect(leafRow).toContain('dim.environment.red');
    expect(leafRow).toContain('hh.environment.red');
    expect(leafRow).not.toContain('overdue');
  });
});
