import { describe, expect, it } from 'vitest';
import { checkProgress } from './progressRules.ts';

const base = {
  month: '2026-11',
  today: '2026-11-25',
  planStartsOn: '2026-09-15',
  entries: [{ planActivityId: 'a' }, { planActivityId: 'b' }],
  activeActivityIds: new Set(['a', 'b', 'c']),
};

describe('rules of a progress report', () => {
  it('accepts a report for this month or an earlier one since the plan started', () => {
    expect(checkProgress(base)).toEqual([]);
    expect(checkProgress({ ...base, month: '2026-09' })).toEqual([]); // the start month itself
    expect(checkProgress({ ...base, month: '2026-10', planStartsOn: null })).toEqual([]);
  });

  it('refuses a month after the current Thai month', () => {
    expect(checkProgress({ ...base, month: '2026-12' })).toEqual([{ path: 'month', code: 'future_month' }]);
    // New Year: on 31 December, January is still the future; on 1 January it is this month.
    expect(checkProgress({ ...base, month: '2027-01', today: '2026-12-31' })).toEqual([
      { path: 'month', code: 'future_month' },
    ]);
    expect(checkProgress({ ...base, month: '2027-01', today: '2027-01-01' })).toEqual([]);
  });

  it('refuses a month before the plan started', () => {
    expect(checkProgress({ ...base, month: '2026-08' })).toEqual([{ path: 'month', code: 'before_plan' }]);
    expect(checkProgress({ ...base, month: '2025-12', planStartsOn: '2026-01-01' })).toEqual([
      { path: 'month', code: 'before_plan' },
    ]);
  });

  it('reports both when a plan starts in the future and the month lies between', () => {
    expect(checkProgress({ ...base, month: '2027-01', planStartsOn: '2027-03-01' })).toEqual([
      { path: 'month', code: 'future_month' },
      { path: 'month', code: 'before_plan' },
    ]);
  });

  it('refuses activities that are not in the plan (or were removed) and repeated ones', () => {
    const problems = checkProgress({
      ...base,
      entries: [
        { planActivityId: 'a' },
        { planActivityId: 'removed' },
        { planActivityId: 'b' },
        { planActivityId: 'a' },
        { planActivityId: 'removed' },
      ],
    });
    expect(problems).toEqual([
      { path: 'entries.1.planActivityId', code: 'not_in_plan' },
      { path: 'entries.3.planActivityId', code: 'duplicate_entry' },
      { path: 'entries.4.planActivityId', code: 'not_in_plan' },
    ]);
  });

  it('leaves a malformed month to the schema instead of guessing', () => {
    expect(checkProgress({ ...base, month: '2026-13' })).toEqual([]);
    expect(checkProgress({ ...base, month: '2026-11', planStartsOn: 'soon' })).toEqual([]);
  });
});
