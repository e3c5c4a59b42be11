/**
 * Follow-up months are Thai calendar months, the same on the server and on a
 * phone in any time zone. Thailand is UTC+7 all year (no daylight saving), so
 * a screening at 2026-10-31T17:30Z (00:30 on 1 November in Bangkok) counts
 * for November. Months are `YYYY-MM` in the common era; the Buddhist era is
 * for display only.
 */
export const BANGKOK_OFFSET_MS = 7 * 3600_000;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

type Instant = string | number | Date;
const bangkokClock = (instant: Instant) => new Date(new Date(instant).getTime() + BANGKOK_OFFSET_MS);

/** A `YYYY-MM` month, and nothing else (no day). */
export const isMonth = (value: string | null | undefined): value is string =>
  typeof value === 'string' && MONTH.test(value);

/** `YYYY-MM` of an instant in Thai time. */
export function bangkokMonth(instant: Instant): string {
  const d = bangkokClock(instant);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

/** `YYYY-MM-DD` of an instant in Thai time. */
export function bangkokDate(instant: Instant): string {
  return bangkokClock(instant).toISOString().slice(0, 10);
}

/** The calendar year of an instant in Thai time (CE). */
export function bangkokYear(instant: Instant): number {
  return bangkokClock(instant).getUTCFullYear();
}

/** This month in Thailand, whatever the device's time zone. */
export function currentMonth(now: number | Date = Date.now()): string {
  return bangkokMonth(now);
}

/** The month of an ISO datetime in Thai time; a string that is no datetime keeps its first 7 characters. */
export function monthOf(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso.slice(0, 7) : bangkokMonth(iso);
}

/** The instant a Thai month begins (00:00 on the 1st in Bangkok), as ISO UTC. */
export function monthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - BANGKOK_OFFSET_MS).toISOString();
}

/** The month `by` months after (or before, when negative) `month`. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}
