import { BE_OFFSET } from './buddhistEra.ts';

/**
 * Birth dates arrive as ISO dates, but people and old systems often write the
 * Buddhist-era year (2510-05-01). A year that can only be B.E. — later than
 * this year in CE, and a plausible B.E. year — is converted, never stored as a
 * person born five centuries from now.
 */
export type BirthDateResult =
  | { ok: true; date: string; convertedFromBE: boolean }
  | { ok: false; problem: 'format' | 'future' | 'too_old' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const OLDEST_AGE = 130;

export function normalizeBirthDate(input: string, today: string): BirthDateResult {
  const m = ISO_DATE.exec(input.trim());
  if (!m) return { ok: false, problem: 'format' };
  let year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const thisYear = Number(today.slice(0, 4));
  let convertedFromBE = false;
  if (year > thisYear && year - BE_OFFSET >= thisYear - OLDEST_AGE && year - BE_OFFSET <= thisYear) {
    year -= BE_OFFSET;
    convertedFromBE = true;
  }
  const date = `${String(year).padStart(4, '0')}-${m[2]}-${m[3]}`;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, problem: 'format' };
  }
  if (date > today) return { ok: false, problem: 'future' };
  if (year < thisYear - OLDEST_AGE) return { ok: false, problem: 'too_old' };
  return { ok: true, date, convertedFromBE };
}

/** Completed years on `today` (both ISO dates). */
export function ageOn(birthDate: string, today: string): number {
  // ISO dates: YYYY-MM-DD. Compared as month-day text, so no arrays are made (reports call this a lot).
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** Today's date in Thailand (UTC+7), as ISO. */
export function thaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
