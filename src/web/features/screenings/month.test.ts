import { describe, expect, it } from 'vitest';
import { monthChoices, monthLong, monthShort } from './month.ts';

// Which month an instant is in, and month arithmetic: core/screenings/month.test.ts.
describe('screening months on screen', () => {
  it('offers months newest first, across years', () => {
    expect(monthChoices('2026-01', 2, 1)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });

  it('labels months in the Buddhist era in Thai', () => {
    expect(monthShort('2026-11', 'th')).toBe('พ.ย. 69');
    expect(monthShort('2026-11', 'en')).toBe('Nov 26');
    const names = (m: number) => ['มกราคม', 'กุมภาพันธ์'][m - 1] ?? String(m);
    expect(monthLong('2027-02', 'th', names)).toBe('กุมภาพันธ์ 2570');
    expect(monthLong('2027-02', 'en', names)).toBe('กุมภาพันธ์ 2027');
  });
});
