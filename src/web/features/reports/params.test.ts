import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  changeView,
  childLevel,
  monthChoices,
  parseReportParams,
  reportSearch,
  sameView,
  thaiNow,
  yearChoices,
} from './params.ts';

const now = { yearBE: 2569, month: 4 };
const parse = (query: string, fallback: string | null = '901508') =>
  parseReportParams(new URLSearchParams(query), fallback, now);

describe('parseReportParams', () => {
  it('reads the area, year, month and breakdown of the address', () => {
    expect(parse('area=9015&yearBE=2568&month=3&by=village')).toEqual({
      area: '9015',
      group: null,
      yearBE: 2568,
      month: 3,
      by: 'village',
    });
  });

  it('falls back to the user’s area, this year, the whole year and the dimension breakdown', () => {
    expect(parse('')).toEqual({ area: '901508', group: null, yearBE: 2569, month: null, by: 'dimension' });
    expect(parse('area=abc&yearBE=1999&month=13&by=nonsense')).toEqual(parse(''));
  });

  it('takes an empty area as "no area yet" and a group instead of an area', () => {
    expect(parse('area=').area).toBeNull();
    const group = parse('group=5f0c6a1e-0000-4000-8000-000000000001&area=9015');
    expect(group.group).toBe('5f0c6a1e-0000-4000-8000-000000000001');
    expect(group.area).toBeNull();
  });

  it('round-trips through the address', () => {
    for (const query of [
      'area=9015&yearBE=2568&month=3&by=village',
      'area=&yearBE=2569',
      'area=90150801&yearBE=2569&by=age',
    ]) {
      const params = parse(query);
      expect(parse(reportSearch(params))).toEqual(params);
    }
    expect(reportSearch(parse('area=9015&yearBE=2569'), { slide: '2' })).toBe(
      'area=9015&yearBE=2569&slide=2',
    );
  });
});

describe('apiQuery', () => {
  it('asks for the area or the group, the year, the month when there is one, and the breakdown', () => {
    expect(apiQuery(parse('area=9015&yearBE=2569'))).toEqual({
      area: '9015',
      group: undefined,
      yearBE: 2569,
      month: undefined,
      by: 'dimension',
    });
    expect(apiQuery(parse('area=9015&yearBE=2569&month=2'), 'village')).toMatchObject({
      month: 2,
      by: 'village',
    });
  });
});

describe('choices', () => {
  it('offers this Buddhist year and four before it, and the year shown', () => {
    expect(yearChoices(2569, 2569)).toEqual([2569, 2568, 2567, 2566, 2565]);
    expect(yearChoices(2569, 2560)).toEqual([2569, 2568, 2567, 2566, 2565, 2560]);
  });

  it('offers the months that have begun', () => {
    expect(monthChoices(2569, now)).toEqual([1, 2, 3, 4]);
    expect(monthChoices(2568, now)).toHaveLength(12);
    expect(monthChoices(2570, now)).toEqual([]);
  });

  it('knows this Buddhist year and month in Thai time', () => {
    // 31 December 2025 at 18:00 UTC is already 1 January 2026 (BE 2569) in Bangkok.
    expect(thaiNow(Date.parse('2025-12-31T18:00:00Z'))).toEqual({ yearBE: 2569, month: 1 });
    expect(thaiNow(Date.parse('2025-12-31T16:59:00Z'))).toEqual({ yearBE: 2568, month: 12 });
  });

  it('goes down the tree one level at a time', () => {
    expect([null, '90', '9015', '901508', '90150801'].map(childLevel)).toEqual([
      'province',
      'district',
      'subdistrict',
      'village',
      null,
    ]);
  });
});

describe('sameView', () => {
  it('matches a report to the view by scope, year and month, not by breakdown', () => {
    const params = parse('area=9015&yearBE=2569&month=3&by=village');
    const report = { scope: { kind: 'area' as const, code: '9015' }, yearBE: 2569, month: 3 };
    expect(sameView(report, params)).toBe(true);
    expect(sameView({ ...report, month: undefined }, params)).toBe(false);
    expect(sameView({ ...report, scope: { kind: 'area', code: '901508' } }, params)).toBe(false);
    expect(sameView({ ...report, yearBE: 2568 }, params)).toBe(false);
  });
});

describe('changeView', () => {
  it('changes what is asked and leaves the rest', () => {
    expect(changeView(parse('area=9015&yearBE=2569&by=age'), { month: 2 })).toEqual({
      ...parse('area=9015&yearBE=2569&by=age'),
      month: 2,
    });
  });

  it('shows a village its vulnerable groups instead of a table of one village', () => {
    expect(changeView(parse('area=901508&yearBE=2569&by=village'), { area: '90150801' }).by).toBe(
      'vulnerability',
    );
    expect(changeView(parse('area=901508&yearBE=2569&by=household'), { area: '90150801' }).by).toBe(
      'household',
    );
    expect(changeView(parse('area=90150801&yearBE=2569'), { area: '901508', by: 'village' }).by).toBe(
      'village',
    );
  });
});
