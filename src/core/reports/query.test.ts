import { describe, expect, it } from 'vitest';
import { reportQuery } from '../schemas/report.ts';

const group = '6f1c3c8e-2f4a-4b7e-9a8d-1c2b3a4d5e6f';

describe('reportQuery', () => {
  it('takes an area of any level or a group, a Buddhist year, a month and a breakdown', () => {
    expect(reportQuery.parse({ area: '10010101', yearBE: '2569', month: '2', by: 'village' })).toEqual({
      area: '10010101',
      yearBE: 2569,
      month: 2,
      by: 'village',
    });
    expect(reportQuery.parse({ group, yearBE: 2569 })).toEqual({ group, yearBE: 2569, by: 'dimension' });
    for (const area of ['10', '1001', '100101'])
      expect(reportQuery.safeParse({ area, yearBE: 2569 }).success).toBe(true);
  });

  it('wants exactly one of area and group', () => {
    expect(reportQuery.safeParse({ yearBE: 2569 }).success).toBe(false);
    expect(reportQuery.safeParse({ area: '10', group, yearBE: 2569 }).success).toBe(false);
  });

  it('rejects bad codes, years, months and breakdowns', () => {
    expect(reportQuery.safeParse({ area: '100', yearBE: 2569 }).success).toBe(false);
    expect(reportQuery.safeParse({ group: 'not-a-uuid', yearBE: 2569 }).success).toBe(false);
    expect(reportQuery.safeParse({ area: '10', yearBE: 2026 }).success).toBe(false);
    expect(reportQuery.safeParse({ area: '10', yearBE: 2569, month: 13 }).success).toBe(false);
    expect(reportQuery.safeParse({ area: '10', yearBE: 2569, by: 'province' }).success).toBe(false);
    expect(reportQuery.safeParse({ area: '10', yearBE: 2569, extra: 1 }).success).toBe(false);
  });
});
