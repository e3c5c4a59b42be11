/**
 * The arithmetic and requests of group activities. Pure: unit-tested.
 */
import { bangkokDate } from '../../../core/screenings/month.ts';
import { type BuddhistDate, parseBuddhistDate, toBuddhistDate } from '../../components/buddhistDate.ts';
import type { ActivityGroup, ActivityGroupSession, AttendanceInput } from './types.ts';

/** Percent (0–100, whole) of the marks that were "present"; null before any mark. */
export function attendanceRate(attended: number, marked: number): number | null {
  if (marked <= 0) return null;
  return Math.round((Math.max(0, Math.min(attended, marked)) / marked) * 100);
}

/** Sessions held, marks made and the group's attendance rate over all of them. */
export function groupTotals(sessions: readonly ActivityGroupSession[]) {
  let present = 0;
  let marked = 0;
  for (const s of sessions) {
    present += s.present;
    marked += s.present + s.absent;
  }
  return { sessions: sessions.length, present, marked, rate: attendanceRate(present, marked) };
}

/** Newest first, for showing. */
export function newestFirst(sessions: readonly ActivityGroupSession[]): ActivityGroupSession[] {
  return [...sessions].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
}

/** The session already recorded for a date, if any. */
export function sessionOn(sessions: readonly ActivityGroupSession[], iso: string | null) {
  return iso ? (sessions.find((s) => s.heldOn === iso) ?? null) : null;
}

/** Today in Thai time, as the three Buddhist-era fields. */
export function todayFields(now: Date | number = Date.now()): BuddhistDate {
  return toBuddhistDate(bangkokDate(new Date(now)));
}

export type Mark = 'present' | 'absent';

export type AttendanceProblem = 'dateMissing' | 'dateIncomplete' | 'dateInvalid' | 'future' | 'none';

/**
 * The attendance request: the date in CE and one mark per member marked, in the members' order.
 * Members nobody marked are left out (their earlier mark for that day, if any, stays as it was).
 */
export function toAttendanceBody(
  date: BuddhistDate,
  marks: Readonly<Record<string, Mark | undefined>>,
  order: readonly string[],
  now: Date | number = Date.now(),
): { ok: true; body: AttendanceInput } | { ok: false; problems: AttendanceProblem[] } {
  const problems: AttendanceProblem[] = [];
  const parsed = parseBuddhistDate(date);
  let heldOn: string | null = null;
  if (!parsed.ok) problems.push(parsed.problem === 'incomplete' ? 'dateIncomplete' : 'dateInvalid');
  else if (!parsed.iso) problems.push('dateMissing');
  else if (parsed.iso > bangkokDate(new Date(now))) problems.push('future');
  else heldOn = parsed.iso;
  const present = order.flatMap((personId) => {
    const mark = marks[personId];
    return mark ? [{ personId, present: mark === 'present' }] : [];
  });
  if (present.length === 0) problems.push('none');
  if (problems.length > 0 || !heldOn) return { ok: false, problems };
  return { ok: true, body: { heldOn, present } };
}

/** How many members are still unmarked. */
export function unmarkedCount(marks: Readonly<Record<string, Mark | undefined>>, order: readonly string[]) {
  return order.filter((id) => !marks[id]).length;
}

/**
 * The groups a person's plan activity may join: the same library activity, in the person's place
 * or an area above or below it (the server's rule: one code starts with the other).
 */
export function groupsFor<G extends Pick<ActivityGroup, 'activityId' | 'areaCode'>>(
  groups: readonly G[],
  activityId: string,
  place: string | null | undefined,
): G[] {
  if (!place) return [];
  return groups.filter(
    (g) => g.activityId === activityId && (place.startsWith(g.areaCode) || g.areaCode.startsWith(place)),
  );
}

/** Whether the request body may name an area: a subdistrict (6 digits) or a village (8). */
export const isGroupArea = (code: string | null | undefined): code is string =>
  typeof code === 'string' && /^\d{6}(\d{2})?$/.test(code);
