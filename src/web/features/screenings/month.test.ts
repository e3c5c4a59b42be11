import { describe, expect, it } from 'vitest';
import { currentMonth, isMonth, monthChoices, monthLong, monthOf, monthShort, shiftMonth } from './month.ts';

describe('screening months', () => {
  it('is the month in Thailand, not in UTC', () => {
    // 31 Oct 2026 20:00 UTC is already 1 Nov 03:00 in Bangkok.
    expect(currentMonth(Date.UTC(2026, 9, 31, 20))).toBe('2026-11');
    expect(currentMonth(Date.UTC(2026, 9, 31, 16, 59))).toBe('2026-10');
    expect(monthOf('2026-10-31T17:00:00.000Z')).toBe('2026-11');
  });

  it('moves across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
    expect(monthChoices('2026-01', 2, 1)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });

  it('labels months in the Buddhist era in Thai', () => {
    expect(monthShort('2026-11', 'th')).toBe('พ.ย. 69');
    expect(monthShort('2026-11', 'en')).toBe('Nov 26');
    const names = (m: number) => ['มกราคม', 'กุมภาพันธ์'][m - 1] ?? String(m);
    expect(monthLong('2027-02', 'th', names)).toBe('กุมภาพันธ์ 2570');
    expect(monthLong('2027-02', 'en', names)).toBe('กุมภาพันธ์ 2027');
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2569-11-01')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});
