import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DUPLICATE_DAYS,
  daysBetween,
  duplicateWindows,
  givenOnProblem,
  isProbableDuplicate,
  probableDuplicates,
  recentHelp,
  shiftDays,
  widestWindow,
  windowAround,
} from './assistance.ts';

const W = DEFAULT_DUPLICATE_DAYS;

describe('dates', () => {
  it('counts whole days across months, leap days and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-31', '2026-01-01')).toBe(-30);
  });

  it('shifts dates and gives the inclusive window', () => {
    expect(shiftDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(windowAround('2026-01-15', 30)).toEqual({ from: '2025-12-16', to: '2026-02-14' });
  });
});

describe('the duplicate rule: same kind within the window before or after', () => {
  const cash = (givenOn: string) => ({ kind: 'cash' as const, givenOn });

  it('flags the same kind inside the window, on both sides and at its edge', () => {
    expect(isProbableDuplicate(cash('2026-05-01'), cash('2026-04-01'), W)).toBe(true); // 30 days before
    expect(isProbableDuplicate(cash('2026-04-01'), cash('2026-05-01'), W)).toBe(true); // 30 days after
    expect(isProbableDuplicate(cash('2026-05-01'), cash('2026-05-01'), W)).toBe(true);
  });

  it('lets the same kind pass one day outside the window', () => {
    expect(isProbableDuplicate(cash('2026-05-02'), cash('2026-04-01'), W)).toBe(false); // 31 days
    expect(isProbableDuplicate(cash('2026-03-01'), cash('2026-04-01'), W)).toBe(false); // 31 days after
  });

  it('never flags another kind, however close', () => {
    expect(isProbableDuplicate(cash('2026-05-01'), { kind: 'goods', givenOn: '2026-05-01' }, W)).toBe(false);
  });

  it('uses the window of the kind: a wheelchair a year on is the same equipment, a service a week on is not', () => {
    const chair = (givenOn: string) => ({ kind: 'equipment' as const, givenOn });
    expect(isProbableDuplicate(chair('2026-12-01'), chair('2026-01-01'), W)).toBe(true); // 334 days
    expect(isProbableDuplicate(chair('2027-01-02'), chair('2026-01-01'), W)).toBe(false); // 366 days
    const service = (givenOn: string) => ({ kind: 'service' as const, givenOn });
    expect(isProbableDuplicate(service('2026-01-08'), service('2026-01-01'), W)).toBe(true);
    expect(isProbableDuplicate(service('2026-01-09'), service('2026-01-01'), W)).toBe(false);
  });

  it('keeps the earlier help that matches, in order', () => {
    const earlier = [
      { id: 'a', kind: 'cash' as const, givenOn: '2026-04-20' },
      { id: 'b', kind: 'goods' as const, givenOn: '2026-04-25' },
      { id: 'c', kind: 'cash' as const, givenOn: '2026-01-01' },
      { id: 'd', kind: 'cash' as const, givenOn: '2026-05-10' },
    ];
    expect(probableDuplicates(cash('2026-05-01'), earlier, W).map((e) => e.id)).toEqual(['a', 'd']);
  });
});

describe('configured windows', () => {
  it('are the defaults when nothing is configured', () => {
    expect(duplicateWindows()).toEqual({ cash: 30, goods: 30, equipment: 365, home_repair: 365, service: 7 });
  });

  it('take one number for every kind', () => {
    expect(duplicateWindows(14)).toEqual({
      cash: 14,
      goods: 14,
      equipment: 14,
      home_repair: 14,
      service: 14,
    });
  });

  it('override only the kinds named', () => {
    const w = duplicateWindows({ cash: 90, service: 0 });
    expect(w).toEqual({ cash: 90, goods: 30, equipment: 365, home_repair: 365, service: 0 });
    expect(widestWindow(w)).toBe(365);
    // A zero window still catches help on the very same day.
    const s = (givenOn: string) => ({ kind: 'service' as const, givenOn });
    expect(isProbableDuplicate(s('2026-01-01'), s('2026-01-01'), w)).toBe(true);
    expect(isProbableDuplicate(s('2026-01-02'), s('2026-01-01'), w)).toBe(false);
  });
});

describe('what the form shows before recording', () => {
  const earlier = [
    { kind: 'cash' as const, givenOn: '2026-04-10' },
    { kind: 'service' as const, givenOn: '2026-04-20' },
    { kind: 'service' as const, givenOn: '2026-04-28' },
    { kind: 'equipment' as const, givenOn: '2025-08-01' },
    { kind: 'goods' as const, givenOn: '2026-02-01' },
  ];

  it('gives each kind its own window around the day', () => {
    expect(recentHelp(earlier, '2026-05-01', W)).toEqual([earlier[0], earlier[2], earlier[3]]);
  });

  it('narrows to one kind', () => {
    expect(recentHelp(earlier, '2026-05-01', W, 'service')).toEqual([earlier[2]]);
    expect(recentHelp(earlier, '2026-05-01', W, 'goods')).toEqual([]);
  });
});

describe('the date of the help', () => {
  it('is not in the future', () => {
    expect(givenOnProblem('2026-05-02', '2026-05-01')).toBe('assistance_given_future');
    expect(givenOnProblem('2026-05-01', '2026-05-01')).toBeNull();
  });

  it('is not more than ten years ago', () => {
    expect(givenOnProblem('2016-05-01', '2026-05-01')).toBeNull();
    expect(givenOnProblem('2016-04-30', '2026-05-01')).toBe('assistance_given_too_old');
    expect(givenOnProblem('2016-02-28', '2026-02-28')).toBeNull();
  });
});
