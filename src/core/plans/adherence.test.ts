import { describe, expect, it } from 'vitest';
import { adherence, type ProgressEntry } from './adherence.ts';

const at = (day: number, hour = 9) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const e = (
  planActivityId: string,
  month: string,
  status: ProgressEntry['status'],
  createdAt = at(1),
): ProgressEntry => ({
  planActivityId,
  month,
  status,
  createdAt,
});

describe('plan adherence', () => {
  it('is null with no reports, not zero', () => {
    expect(adherence([])).toEqual({ percent: null, months: 0, byActivity: {} });
  });

  it('worked example: done 1, partly ½, not done 0, over every activity and month', () => {
    const result = adherence([
      e('walk', '2026-10', 'done'),
      e('walk', '2026-11', 'partly'),
      e('pills', '2026-10', 'done'),
      e('pills', '2026-11', 'not_done'),
    ]);
    // (1 + ½ + 1 + 0) / 4 = 62.5 % → 63
    expect(result).toEqual({ percent: 63, months: 2, byActivity: { walk: 75, pills: 50 } });
  });

  it('counts only the latest report of an activity in a month', () => {
    const result = adherence([
      e('walk', '2026-11', 'done', at(20)),
      e('walk', '2026-11', 'not_done', at(3)), // older, listed later: superseded
      e('pills', '2026-11', 'not_done', at(2)),
      e('pills', '2026-11', 'partly', at(25)),
    ]);
    expect(result).toEqual({ percent: 75, months: 1, byActivity: { walk: 100, pills: 50 } });
  });

  it('compares instants, not strings, and lets the later row win an exact tie', () => {
    const result = adherence([
      e('walk', '2026-11', 'done', '2026-11-20T08:00:00+07:00'), // 01:00Z
      e('walk', '2026-11', 'not_done', '2026-11-20T02:00:00Z'), // later, though it sorts lower as text
      e('pills', '2026-11', 'not_done', at(5)),
      e('pills', '2026-11', 'done', at(5)),
    ]);
    expect(result.byActivity).toEqual({ walk: 0, pills: 100 });
  });

  it('keeps months apart and rounds to whole percent', () => {
    const result = adherence([
      e('a', '2026-09', 'done'),
      e('a', '2026-10', 'not_done'),
      e('a', '2026-11', 'not_done'),
    ]);
    expect(result).toEqual({ percent: 33, months: 3, byActivity: { a: 33 } });
  });

  it('ignores a row with a status it does not know', () => {
    const result = adherence([
      e('a', '2026-11', 'done'),
      { planActivityId: 'b', month: '2026-11', status: 'skipped' as 'done', createdAt: at(1) },
    ]);
    expect(result).toEqual({ percent: 100, months: 1, byActivity: { a: 100 } });
  });
});
