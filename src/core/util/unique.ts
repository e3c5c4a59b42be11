/** The distinct values of a list, first occurrence first. */
export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
