import { describe, expect, it } from 'vitest';
import { ageBandOf, ageBands, meanOf, percentOf, totalBandOf, totalBands } from './bands.ts';
import { monthsBetween, reportPeriod } from './period.ts';

describe('reportPeriod', () => {
  it('is the calendar year in Thai time, standing at this month, ages taken at its end', () => {
    const p = reportPeriod(2569, undefined, '2026-04-15T03:00:00Z');
    expect(p).toMatchObject({
      year: 2026,
      start: '2025-12-31T17:00:00.000Z',
      end: '2026-12-31T17:00:00.000Z',
      referenceMonth: '2026-04',
      trendMonths: ['2026-01', '2026-02', '2026-03', '2026-04'],
      asOf: '2026-12-31',
    });
    expect(p.months).toHaveLength(12);
  });

  it('stands at December for a past year and at the month asked for', () => {
    expect(reportPeriod(2568, undefined, '2026-04-15T03:00:00Z')).toMatchObject({
      referenceMonth: '2025-12',
      asOf: '2025-12-31',
    });
    const feb = reportPeriod(2569, 2, '2026-04-15T03:00:00Z');
    expect(feb).toMatchObject({
      months: ['2026-02'],
      start: '2026-01-31T17:00:00.000Z',
      end: '2026-02-28T17:00:00.000Z',
      referenceMonth: '2026-02',
      trendMonths: ['2026-01', '2026-02'],
      asOf: '2026-02-28',
    });
  });

  it('takes today in Bangkok: 18:00Z on 31 December is already January', () => {
    expect(reportPeriod(2569, undefined, '2025-12-31T18:00:00Z')).toMatchObject({
      referenceMonth: '2026-01',
      asOf: '2026-12-31',
    });
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('bands', () => {
  it('groups ages by ten years, 90 and over together', () => {
    expect([0, 9, 10, 59, 60, 89, 90, 104].map(ageBandOf)).toEqual([
      '0-9',
      '0-9',
      '10-19',
      '50-59',
      '60-69',
      '80-89',
      '90+',
      '90+',
    ]);
    expect(ageBands).toHaveLength(10);
  });

  it('bands the total score by five, the top score in the last band', () => {
    expect(totalBands(0, 40)).toEqual(['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-40']);
    expect([0, 4, 5, 39, 40].map((t) => totalBandOf(t, 0, 40))).toEqual([
      '0-4',
      '0-4',
      '5-9',
      '35-40',
      '35-40',
    ]);
  });

  it('rounds percentages to one decimal and means to two, null over nobody', () => {
    expect(percentOf(16, 18)).toBe(88.9);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(0, 0)).toBeNull();
    expect(meanOf(43, 13)).toBe(3.31);
    expect(meanOf(170, 16)).toBe(10.63);
    expect(meanOf(5, 0)).toBeNull();
  });
});
