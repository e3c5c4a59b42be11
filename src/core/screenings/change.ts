/**
 * Better, worse or the same: one screening against an earlier one. The
 * server's timeline and "got worse" list and the web's change badges all
 * compare the same way.
 */
import { type Level, severity } from '../instruments/level.ts';

export type Change = 'better' | 'worse' | 'same';

const levelOf = (value: string | undefined): Level | undefined =>
  value === 'green' || value === 'yellow' || value === 'red' ? value : undefined;

/** By traffic-light level: what the "got worse" list and the alerts go by. */
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

/** The dimensions whose light got worse. */
export function worseDimensions(before: Record<string, string>, now: Record<string, string>): string[] {
  return Object.keys(now).filter((d) => levelChange(before[d], now[d]) === 'worse');
}

/**
 * One dimension's change as shown: by traffic light first (as the "got
 * worse" list and the alerts count); when the light stayed the same, by score.
 */
export function changeOf(
  timeline: {
    change: Record<string, Change> | null | undefined;
    scoreChange: Record<string, Change> | null | undefined;
  },
  code: string,
): Change | null {
  const byLevel = timeline.change?.[code];
  const byScore = timeline.scoreChange?.[code];
  if (byLevel === 'better' || byLevel === 'worse') return byLevel;
  return byScore ?? byLevel ?? null;
}
