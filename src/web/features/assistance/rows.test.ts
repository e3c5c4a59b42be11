import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { AssistanceTotals } from '../../../core/schemas/assistance.ts';
import { nextSort } from '../../components/columnSort.ts';
import { parseTotalsParams, periodOf, totalsSearch } from './params.ts';
import { sortRows, totalsCsv, totalsTables } from './rows.ts';

/** Keys as words: enough to see which message was asked for. */
const t = ((key: string) => key) as unknown as TFunction;

const ORG = '11111111-1111-4111-8111-111111111111';
const totals: AssistanceTotals = {
  scope: { kind: 'area', code: '901508', name: 'ป่าขาด' },
  from: '2026-01-01',
  to: '2026-05-10',
  total: { count: 4, people: 3, value: 1900.5, duplicatesConfirmed: 1 },
  byKind: [
    { kind: 'cash', count: 2, people: 2, value: 1500 },
    { kind: 'goods', count: 1, people: 1, value: 400.5 },
    { kind: 'equipment', count: 0, people: 0, value: 0 },
    { kind: 'home_repair', count: 0, people: 0, value: 0 },
    { kind: 'service', count: 1, people: 1, value: 0 },
  ],
  byOrganization: [{ organizationId: ORG, name: '=อบต.', count: 4, people: 3, value: 1900.5 }],
  byFundingSource: [
    { fundingSource: 'เงินบริจาค', count: 3, people: 3, value: 1900.5 },
    { fundingSource: null, count: 1, people: 1, value: 0 },
  ],
  byArea: {
    level: 'village',
    rows: [
      { code: '90150801', name: 'บ้านป่าขาด', count: 3, people: 2, value: 1500 },
      { code: '90150802', name: 'หมู่ที่ 2', count: 0, people: 0, value: 0 },
      { code: null, name: null, count: 1, people: 1, value: 400.5 },
    ],
  },
  suppressed: false,
};

describe('the tables', () => {
  it('are one per breakdown, labelled in words, with the unknown ones named', () => {
    const tables = totalsTables(totals, t);
    expect(tables.map((x) => x.id)).toEqual(['kind', 'organization', 'funding', 'area']);
    expect(tables[0]!.rows[0]).toEqual({
      key: 'cash',
      label: 'assistance.kind.cash',
      count: 2,
      people: 2,
      value: 1500,
    });
    expect(tables[2]!.rows[1]!.label).toBe('assistance.totals.noFunding');
    expect(tables[3]!.title).toBe('assistance.totals.byArea.village');
    expect(tables[3]!.rows[2]!.label).toBe('assistance.totals.noVillage');
    expect(totalsTables({ ...totals, byArea: null }, t)).toHaveLength(3);
  });

  it('sort by a column, biggest first on the first click', () => {
    const rows = totalsTables(totals, t)[0]!.rows;
    const sort = nextSort({ key: null, descending: false }, 'value');
    expect(sort).toEqual({ key: 'value', descending: true });
    expect(sortRows(rows, sort).map((r) => r.key)).toEqual([
      'cash',
      'goods',
      'equipment',
      'home_repair',
      'service',
    ]);
    expect(sortRows(rows, nextSort(sort, 'value')).map((r) => r.key)[4]).toBe('cash');
    expect(sortRows(rows, { key: null, descending: false })).toEqual(rows);
  });

  it('sort hidden figures last, whichever way', () => {
    const rows = totalsTables(totals, t)[0]!.rows.map((r) =>
      r.key === 'goods' ? { ...r, count: null, people: null, value: null } : r,
    );
    for (const descending of [true, false]) {
      expect(sortRows(rows, { key: 'value', descending }).at(-1)?.key).toBe('goods');
      expect(sortRows(rows, { key: 'people', descending }).at(-1)?.key).toBe('goods');
    }
  });

  it('write a hidden figure into the CSV as the word, not as an empty cell', () => {
    const hidden: AssistanceTotals = {
      ...totals,
      byKind: totals.byKind.map((k) =>
        k.kind === 'goods' ? { ...k, count: null, people: null, value: null } : k,
      ),
      suppressed: true,
    };
    const csv = totalsCsv(hidden, totalsTables(hidden, t), t);
    const goods = csv.split('\r\n').find((l) => l.includes('assistance.kind.goods'));
    expect(goods).toContain('reports.hidden.short,reports.hidden.short,reports.hidden.short');
  });

  it('go to one CSV, formulas defused, the period on each line', () => {
    const csv = totalsCsv(totals, totalsTables(totals, t), t);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 5 + 1 + 2 + 3);
    expect(lines[1]).toBe('assistance.totals.byKind,assistance.kind.cash,2,2,1500,2026-01-01,2026-05-10');
    expect(lines[6]).toContain(",'=อบต.,4,3,1900.5,");
  });
});

describe('the address of the view', () => {
  it('reads an area, an organisation and a year, falling back on anything odd', () => {
    const p = (q: string) => parseTotalsParams(new URLSearchParams(q), '901508', 2569);
    expect(p('')).toEqual({ organization: false, area: '901508', yearBE: 2569 });
    expect(p('area=9015&yearBE=2567')).toEqual({ organization: false, area: '9015', yearBE: 2567 });
    expect(p('area=&yearBE=2599')).toEqual({ organization: false, area: null, yearBE: 2569 });
    expect(p('area=x1&org=mine')).toEqual({ organization: true, area: '901508', yearBE: 2569 });
    expect(totalsSearch({ organization: false, area: '9015', yearBE: 2568 })).toBe('area=9015&yearBE=2568');
    expect(totalsSearch({ organization: true, area: '9015', yearBE: 2568 })).toBe('org=mine&yearBE=2568');
  });

  it('turns a Buddhist year into dates, up to today for this year', () => {
    expect(periodOf(2568, '2026-05-10')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodOf(2569, '2026-05-10')).toEqual({ from: '2026-01-01', to: '2026-05-10' });
  });
});
