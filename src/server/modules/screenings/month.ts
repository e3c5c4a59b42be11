/**
 * Follow-up months are Thai calendar months: Thailand is UTC+7 all year, so
 * a screening at 2026-11-30T18:00Z (01:00 on 1 December in Bangkok) counts
 * for December.
 */
const BANGKOK_OFFSET_MS = 7 * 3600_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM` of an instant in Thai time. */
export function bangkokMonth(instant: string | Date): string {
  const d = new Date(new Date(instant).getTime() + BANGKOK_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

/** `YYYY-MM-DD` of an instant in Thai time. */
export function bangkokDate(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year of an instant in Thai time (CE). */
export function bangkokYear(instant: string | Date): number {
  return new Date(new Date(instant).getTime() + BANGKOK_OFFSET_MS).getUTCFullYear();
}

/** The instant a Thai month begins (00:00 on the 1st in Bangkok), as ISO UTC. */
export function monthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - BANGKOK_OFFSET_MS).toISOString();
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

/** Timestamps come back as strings or Dates depending on driver and query: always ISO UTC out. */
export function isoOf(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
