import { describe, expect, it } from 'vitest';
import {
  bangkokDate,
  bangkokMonth,
  bangkokYear,
  currentMonth,
  isMonth,
  monthOf,
  monthStart,
  shiftMonth,
} from './month.ts';

describe('Bangkok months', () => {
  it('counts an instant in the month it is in Bangkok (UTC+7), not in UTC', () => {
    expect(bangkokMonth('2026-10-31T17:30:00Z')).toBe('2026-11');
    expect(bangkokMonth('2026-10-31T16:59:59.999Z')).toBe('2026-10');
    expect(bangkokMonth('2026-10-31T17:00:00.000Z')).toBe('2026-11');
    expect(bangkokMonth(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01');
    expect(bangkokMonth(Date.UTC(2026, 9, 31, 20))).toBe('2026-11');
    expect(currentMonth(Date.UTC(2026, 9, 31, 16, 59))).toBe('2026-10');
    expect(monthOf('2026-10-31T17:00:00.000Z')).toBe('2026-11');
    expect(monthOf('not a date')).toBe('not a d');
  });

  it('gives the Bangkok date and year', () => {
    expect(bangkokDate('2026-11-30T18:00:00Z')).toBe('2026-12-01');
    expect(bangkokDate('2026-11-30T16:59:00Z')).toBe('2026-11-30');
    expect(bangkokYear('2026-12-31T17:00:00Z')).toBe(2027);
    expect(bangkokYear('2026-12-31T16:59:59Z')).toBe(2026);
  });

  it('starts a month at 00:00 on the 1st in Bangkok, 17:00 UTC the day before', () => {
    expect(monthStart('2026-11')).toBe('2026-10-31T17:00:00.000Z');
    expect(monthStart('2027-01')).toBe('2026-12-31T17:00:00.000Z');
    expect(monthStart('2024-03')).toBe('2024-02-29T17:00:00.000Z');
    // Every instant from a month's start to the next one's belongs to it, and no other.
    for (const month of ['2026-01', '2026-02', '2026-11', '2026-12']) {
      const start = Date.parse(monthStart(month));
      const end = Date.parse(monthStart(shiftMonth(month, 1)));
      expect(bangkokMonth(start), month).toBe(month);
      expect(bangkokMonth(end - 1), month).toBe(month);
      expect(bangkokMonth(start - 1), month).toBe(shiftMonth(month, -1));
      expect(bangkokMonth(end), month).toBe(shiftMonth(month, 1));
    }
  });

  it('moves across years, either way', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
    expect(shiftMonth('2026-05', 0)).toBe('2026-05');
    expect(shiftMonth('2026-05', 24)).toBe('2028-05');
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(isMonth('2569-11-01')).toBe(false);
    expect(isMonth(null)).toBe(false);
    expect(isMonth(undefined)).toBe(false);
  });
});
