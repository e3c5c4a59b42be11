import { describe, expect, it } from 'vitest';
import { ageOn, normalizeBirthDate, thaiToday } from './birthDate.ts';

const today = '2026-11-25';

describe('normalizeBirthDate', () => {
  it('keeps a CE date', () => {
    expect(normalizeBirthDate('1950-03-01', today)).toEqual({
      ok: true,
      date: '1950-03-01',
      convertedFromBE: false,
    });
  });

  it('recognises a Buddhist-era year sent as CE (2567 → 2024)', () => {
    expect(normalizeBirthDate('2567-03-01', today)).toEqual({
      ok: true,
      date: '2024-03-01',
      convertedFromBE: true,
    });
    expect(normalizeBirthDate('2493-01-15', today)).toEqual({
      ok: true,
      date: '1950-01-15',
      convertedFromBE: true,
    });
  });

  it('refuses a future date, a date too old, and nonsense', () => {
    expect(normalizeBirthDate('2026-12-01', today)).toEqual({ ok: false, problem: 'future' });
    expect(normalizeBirthDate('2570-01-01', today)).toEqual({ ok: false, problem: 'future' });
    expect(normalizeBirthDate('1850-01-01', today)).toEqual({ ok: false, problem: 'too_old' });
    expect(normalizeBirthDate('1950-02-30', today)).toEqual({ ok: false, problem: 'format' });
    expect(normalizeBirthDate('01/02/1950', today)).toEqual({ ok: false, problem: 'format' });
  });

  it('a B.E. 29 February survives only in a leap year', () => {
    expect(normalizeBirthDate('2567-02-29', today)).toMatchObject({ ok: true, date: '2024-02-29' });
    expect(normalizeBirthDate('2566-02-29', today)).toEqual({ ok: false, problem: 'format' });
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1966-11-25', today)).toBe(60);
    expect(ageOn('1966-11-26', today)).toBe(59);
    expect(ageOn('2024-02-29', '2025-02-28')).toBe(0);
  });

  it('thaiToday is UTC+7', () => {
    expect(thaiToday(new Date('2026-11-25T17:30:00Z'))).toBe('2026-11-26');
    expect(thaiToday(new Date('2026-11-25T16:59:00Z'))).toBe('2026-11-25');
  });
});
