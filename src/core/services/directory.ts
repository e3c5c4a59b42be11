/**
 * The service-centre directory (issue 8): how near a centre is to a village, whether it is open, and
 * what makes its catchment and opening hours valid. Pure rules; the server's SQL ranks with the same
 * prefixes (`nearPrefixes`) and labels each row with `distanceOf`.
 */
import { BANGKOK_OFFSET_MS } from '../screenings/month.ts';

/** Nearest first: it lists the village in its catchment, else it sits in the same subdistrict, district, province. */
export const directoryDistances = ['catchment', 'subdistrict', 'district', 'province'] as const;
export type DirectoryDistance = (typeof directoryDistances)[number];

/** One opening session: ISO weekday (Monday 1 … Sunday 7), `HH:MM` in Thai time, opens before it closes. */
export interface OpeningSession {
  day: number;
  opens: string;
  closes: string;
}

interface Placed {
  areaCode: string;
  catchmentVillageCodes: readonly string[];
}

/** The area codes a village's neighbours share with it, by level (DOPA codes nest by prefix). */
export function nearPrefixes(villageCode: string) {
  return {
    subdistrict: villageCode.slice(0, 6),
    district: villageCode.slice(0, 4),
    province: villageCode.slice(0, 2),
  };
}

/**
 * How near an organisation is to a village, or null when it is in another province and does not serve
 * the village. An organisation placed only at district level (a district hospital) counts as "district";
 * one placed in the village itself, without listing it, as "subdistrict".
 */
export function distanceOf(org: Placed, villageCode: string): DirectoryDistance | null {
  if (org.catchmentVillageCodes.includes(villageCode)) return 'catchment';
  const near = nearPrefixes(villageCode);
  if (org.areaCode.startsWith(near.subdistrict)) return 'subdistrict';
  if (org.areaCode.startsWith(near.district)) return 'district';
  if (org.areaCode.startsWith(near.province)) return 'province';
  return null;
}

/** Sort key of a distance: 0 for catchment … 3 for province. */
export function distanceRank(distance: DirectoryDistance): number {
  return directoryDistances.indexOf(distance);
}

/** Minutes since midnight of `HH:MM`. */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Weekday (Monday 1 … Sunday 7) and minutes since midnight of an instant, in Thai time (UTC+7, no DST). */
export function bangkokWeekTime(at: Date): { day: number; minutes: number } {
  const local = new Date(at.getTime() + BANGKOK_OFFSET_MS);
  const day = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return { day, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** Open at that instant (Thai time)? Null when no hours are recorded: unknown, not closed. */
export function isOpenAt(hours: readonly OpeningSession[], at: Date): boolean | null {
  if (hours.length === 0) return null;
  const { day, minutes } = bangkokWeekTime(at);
  return hours.some((s) => s.day === day && minutesOf(s.opens) <= minutes && minutes < minutesOf(s.closes));
}

export type HoursProblem = { index: number; field: 'closes'; code: 'hours_order' | 'hours_overlap' };

/**
 * What is wrong with a week of opening hours: a session that closes at or before it opens, or one that
 * overlaps an earlier session of the same day (a lunch break is two sessions).
 */
export function hoursProblems(hours: readonly OpeningSession[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  hours.forEach((s, index) => {
    if (minutesOf(s.closes) <= minutesOf(s.opens)) {
      problems.push({ index, field: 'closes', code: 'hours_order' });
      return;
    }
    const overlaps = hours
      .slice(0, index)
      .some(
        (o) =>
          o.day === s.day &&
          minutesOf(o.opens) < minutesOf(s.closes) &&
          minutesOf(s.opens) < minutesOf(o.closes),
      );
    if (overlaps) problems.push({ index, field: 'closes', code: 'hours_overlap' });
  });
  return problems;
}

/** Day by day, then by opening time: how the hours are stored and shown. */
export function sortedHours<T extends OpeningSession>(hours: readonly T[]): T[] {
  return [...hours].sort((a, b) => a.day - b.day || minutesOf(a.opens) - minutesOf(b.opens));
}

/** A catchment village must lie in the organisation's own province (codes nest by prefix). */
export function catchmentOutside(orgAreaCode: string, villageCodes: readonly string[]): number[] {
  const province = orgAreaCode.slice(0, 2);
  return villageCodes.flatMap((code, i) => (code.startsWith(province) ? [] : [i]));
}
