import { describe, expect, it } from 'vitest';
import {
  addDays,
  byDay,
  daysBetween,
  monthGrid,
  rangeOf,
  shiftDate,
  thaiInstant,
  thaiTime,
  todayInThailand,
  weekStart,
} from './dates.ts';

describe('calendar days', () => {
  it('knows today in Thailand from any clock', () => {
    expect(todayInThailand(new Date('2026-01-27T18:00:00Z'))).toBe('2026-01-28');
  });

  it('gives each view its days', () => {
    expect(rangeOf('day', '2026-01-28')).toEqual({ from: '2026-01-28', to: '2026-01-28' });
    expect(rangeOf('week', '2026-01-28')).toEqual({ from: '2026-01-26', to: '2026-02-01' });
    expect(rangeOf('agenda', '2026-01-28')).toEqual({ from: '2026-01-28', to: '2026-02-10' });
    expect(rangeOf('month', '2024-02-14')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('moves a view by its own length', () => {
    expect(shiftDate('week', '2026-01-28', 1)).toBe('2026-02-04');
    expect(shiftDate('day', '2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftDate('month', '2026-01-15', -1)).toBe('2025-12-01');
  });

  it('draws a month as whole weeks from Monday', () => {
    const weeks = monthGrid('2026-02-10');
    expect(weeks[0]![0]).toBe('2026-01-26');
    expect(weeks.at(-1)![6]).toBe('2026-03-01');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('does day arithmetic across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(weekStart('2026-02-01')).toBe('2026-01-26');
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
  });

  it('reads and writes Thai clock times', () => {
    expect(thaiTime('2026-01-28T02:30:00.000Z')).toBe('09:30');
    expect(thaiInstant('2026-01-28', '09:30')).toBe('2026-01-28T09:30:00+07:00');
    const grouped = byDay([
      { startsAt: '2026-01-28T17:30:00.000Z' },
      { startsAt: '2026-01-28T02:00:00.000Z' },
    ]);
    expect([...grouped.keys()]).toEqual(['2026-01-28', '2026-01-29']);
  });
});
