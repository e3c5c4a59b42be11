import { describe, expect, it } from 'vitest';
import { isoOf } from './iso.ts';

/** What the Date round trip gives: the rule the fast path must keep. */
const viaDate = (text: string) => new Date(text).toISOString();

describe('isoOf', () => {
  it('rewrites PostgreSQL UTC text exactly as a Date would', () => {
    for (const text of [
      '2026-01-28 03:00:00+00',
      '2026-01-28 03:00:00.5+00',
      '2026-01-28 03:00:00.05+00',
      '2026-12-31 23:59:59.999+00',
      '2024-02-29 00:00:00.123456+00',
      '2026-06-01 12:34:56.000999+00',
    ]) {
      expect(isoOf(text)).toBe(viaDate(text));
    }
    expect(isoOf('2026-01-28 03:00:00.5+00')).toBe('2026-01-28T03:00:00.500Z');
  });

  it('turns other offsets, ISO text and Dates to UTC', () => {
    expect(isoOf('2026-01-28 10:00:00+07')).toBe('2026-01-28T03:00:00.000Z');
    expect(isoOf('2026-01-28T10:00:00.250+07:00')).toBe('2026-01-28T03:00:00.250Z');
    expect(isoOf(new Date(Date.UTC(2026, 0, 28, 3)))).toBe('2026-01-28T03:00:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(() => isoOf('not a time')).toThrow(RangeError);
  });
});
