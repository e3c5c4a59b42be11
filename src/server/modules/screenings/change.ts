/** Better, worse or the same: one screening's dimensions against an earlier one's. */
import { type Level, severity } from '../../../core/instruments/index.ts';
import type { Change } from '../../../core/schemas/index.ts';

const levelOf = (value: string | undefined): Level | undefined =>
  value === 'green' || value === 'yellow' || value === 'red' ? value : undefined;

/** By traffic-light level: what the "got worse" list uses. */
export function levelChange(before: string | undefined, now: string | undefined): Change | undefined {
  const b = levelOf(before);
  const n = levelOf(now);
  if (!b || !n) return undefined;
  const step = severity(n) - severity(b);
  return step > 0 ? 'worse' : step < 0 ? 'better' : 'same';
}

/** By score, in the direction the dimension gets worse. */
export function scoreChange(
  before: number | undefined,
  now: number | undefined,
  worseWhen: 'higher' | 'lower' = 'higher',
): Change | undefined {
  if (before === undefined || now === undefined) return undefined;
  const step = worseWhen === 'higher' ? now - before : before - now;
  return step > 0 ? 'worse' : step < 0 ? 'better' : 'same';
}

export function worseDimensions(before: Record<string, string>, now: Record<string, string>): string[] {
  return Object.keys(now).filter((d) => levelChange(before[d], now[d]) === 'worse');
}
