/** PostgreSQL's text form of a UTC timestamptz: `2026-01-28 03:00:00.5+00`. */
const POSTGRES_UTC = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * Timestamps come back as strings or Dates depending on driver and query: always ISO UTC out. The
 * database's own UTC text is rewritten without a Date (a calendar turns thousands per request); any
 * other form goes through Date, which keeps milliseconds and drops the rest.
 */
export function isoOf(value: unknown): string {
  if (typeof value === 'string') {
    const utc = POSTGRES_UTC.exec(value);
    if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  }
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
