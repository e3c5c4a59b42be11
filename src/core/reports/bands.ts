/**
 * How the report groups and rounds: age bands, total-score bands, percentages and means. The
 * server's rollups and the reference implementation (`expected.ts`) both round through these, so
 * the two agree to the last digit.
 */

/**
 * Ten-year age bands, 90 and over together so that the oldest are not a band of one: the bands
 * the group pages already show (`src/server/modules/groups/alias.ts`, which should import this).
 */
export function ageBandOf(age: number): string {
  if (age >= 90) return '90+';
  const low = Math.floor(Math.max(age, 0) / 10) * 10;
  return `${low}-${low + 9}`;
}

/** Every age band, youngest first. */
export const ageBands: readonly string[] = [...Array.from({ length: 9 }, (_, i) => ageBandOf(i * 10)), '90+'];

/** Width of the total-score bands. */
export const TOTAL_BAND_WIDTH = 5;

/**
 * Bands of five points over the total score's range (`wellbeing20`: 0–40 → `0-4`, `5-9`, …,
 * `35-40`; the top score joins the last band rather than being a band of its own).
 */
export function totalBands(min: number, max: number): string[] {
  const out: string[] = [];
  for (let low = min; low + TOTAL_BAND_WIDTH <= max; low += TOTAL_BAND_WIDTH) {
    const high = low + TOTAL_BAND_WIDTH - 1;
    out.push(`${low}-${high + TOTAL_BAND_WIDTH > max ? max : high}`);
  }
  return out.length > 0 ? out : [`${min}-${max}`];
}

/** The band of `totalBands(min, max)` a total falls in (clamped into the range). */
export function totalBandOf(total: number, min: number, max: number): string {
  const bands = totalBands(min, max);
  const index = Math.min(
    Math.floor((Math.min(Math.max(total, min), max) - min) / TOTAL_BAND_WIDTH),
    bands.length - 1,
  );
  return bands[index] as string;
}

/** `part / whole × 100` to one decimal; null when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** `sum / n` to two decimals; null when `n` is 0. */
export function meanOf(sum: number, n: number): number | null {
  if (n <= 0) return null;
  return Math.round((sum * 100) / n) / 100;
}
