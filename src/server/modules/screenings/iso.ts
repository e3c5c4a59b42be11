/** Timestamps come back as strings or Dates depending on driver and query: always ISO UTC out. */
export function isoOf(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
