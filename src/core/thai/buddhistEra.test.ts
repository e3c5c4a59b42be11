import { describe, expect, it } from 'vitest';
import { formatDate, parseBuddhistYear, toBuddhistYear, toCommonEraYear } from './buddhistEra.ts';

describe('formatDate', () => {
  it('shows an ISO date with the Buddhist year in Thai', () => {
    expect(formatDate('2026-11-25', 'th')).toBe('25 พ.ย. 2569');
    expect(formatDate('2024-01-08', 'th')).toBe('8 ม.ค. 2567');
  });

  it('shows the common-era year in English', () => {
    expect(formatDate('2026-11-25', 'en')).toBe('25 Nov 2026');
  });

  it('shows a datetime on its Thai calendar day', () => {
    expect(formatDate('2026-11-24T18:30:00Z', 'th')).toBe('25 พ.ย. 2569');
    expect(formatDate('2026-11-24T18:30:00.000Z', 'en')).toBe('25 Nov 2026');
  });

  it('adds Thai time when asked', () => {
    expect(formatDate('2026-11-25T07:05:00Z', 'th', { withTime: true })).toBe('25 พ.ย. 2569 14:05 น.');
    expect(formatDate('2026-11-25T07:05:00+00:00', 'en', { withTime: true })).toBe('25 Nov 2026, 14:05');
  });

  it('never adds a time to a date-only value', () => {
    expect(formatDate('2026-11-25', 'th', { withTime: true })).toBe('25 พ.ย. 2569');
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDate('not a date', 'th')).toBe('not a date');
    expect(formatDate('2026-02-30', 'th')).toBe('2026-02-30');
  });
});

describe('Buddhist years', () => {
  it('converts both ways', () => {
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(toCommonEraYear(2569)).toBe(2026);
  });

  it('parses a typed B.E. year to CE', () => {
    expect(parseBuddhistYear('2569')).toBe(2026);
    expect(parseBuddhistYear(' 2568 ')).toBe(2025);
    expect(parseBuddhistYear(2500)).toBe(1957);
    expect(parseBuddhistYear('๒๕๖๙')).toBe(2026);
  });

  it('rejects what is not a plausible B.E. year', () => {
    expect(parseBuddhistYear('')).toBeNull();
    expect(parseBuddhistYear('2026x')).toBeNull();
    expect(parseBuddhistYear('69')).toBeNull();
    expect(parseBuddhistYear('1999')).toBeNull();
    expect(parseBuddhistYear('12569')).toBeNull();
  });
});
