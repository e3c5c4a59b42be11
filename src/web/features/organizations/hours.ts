import type { OpeningSession } from '../../../core/services/directory.ts';
import { sortedHours } from '../../../core/services/directory.ts';

/** A line of a week's hours: days with the same sessions, run together (`จันทร์–ศุกร์`). */
export interface HoursLine {
  days: string;
  times: string[];
}

/**
 * A week of sessions as people read it: consecutive days with the same sessions on one line
 * ("จันทร์–ศุกร์ 08:30–16:30 น."), day names and times from the caller's words.
 */
export function hoursLines(
  hours: readonly OpeningSession[],
  dayName: (day: number) => string,
  time: (opens: string, closes: string) => string,
): HoursLine[] {
  const byDay = new Map<number, string>();
  for (const s of sortedHours(hours)) {
    const text = time(s.opens, s.closes);
    byDay.set(s.day, byDay.has(s.day) ? `${byDay.get(s.day)}, ${text}` : text);
  }
  const lines: { from: number; to: number; times: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    const times = byDay.get(day);
    if (!times) continue;
    const last = lines.at(-1);
    if (last && last.to === day - 1 && last.times === times) last.to = day;
    else lines.push({ from: day, to: day, times });
  }
  return lines.map((l) => ({
    days: l.from === l.to ? dayName(l.from) : `${dayName(l.from)}–${dayName(l.to)}`,
    times: l.times.split(', '),
  }));
}
