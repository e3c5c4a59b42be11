/**
 * The shared calendar of visits and appointments (issue 8, item 2): conflict and overload warnings and
 * the rules of a calendar's date range. Pure: the server passes plain rows, the web may run the same
 * rules on what it has. Days and weeks are Thai ones (UTC+7, no daylight saving), whatever the clock
 * of the machine.
 */

const DAY_MS = 86_400_000;
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** A visit as the rules need it: who, by whom, when, and whether it still counts. */
export interface VisitSlot {
  id: string;
  personId: string;
  organizationId: string | null;
  assigneeIds: readonly string[];
  /** ISO instant. */
  startsAt: string;
  durationMinutes: number;
  status: string;
}

export interface ConflictLimits {
  /** Different organisations visiting one person in one ISO week from which it is a warning. */
  agenciesPerWeek: number;
  /** Visits to one person in one ISO week from which it is a warning (any organisations). */
  visitsPerWeek: number;
  /** A user with more visits than this in one day is overloaded. */
  visitsPerDay: number;
}

/** "The same person visited by three agencies this week"; a volunteer with more than 8 visits a day. */
export const DEFAULT_CONFLICT_LIMITS: ConflictLimits = {
  agenciesPerWeek: 3,
  visitsPerWeek: 3,
  visitsPerDay: 8,
};

export const warningKinds = ['double_booked', 'many_agencies', 'many_visits', 'overloaded'] as const;
export type WarningKind = (typeof warningKinds)[number];

/**
 * One warning, never a refusal. `count` is what crossed the line: overlapping visits of the user
 * (double_booked), organisations (many_agencies), visits of the person in the week (many_visits) or
 * of the user in the day (overloaded).
 */
export interface VisitWarning {
  kind: WarningKind;
  personId?: string;
  userId?: string;
  /** ISO week, `2026-W05` (many_agencies, many_visits). */
  week?: string;
  /** Thai day, `2026-01-28` (overloaded). */
  date?: string;
  count: number;
  visitIds: string[];
}

/** Scheduled and done visits take up time; missed and cancelled ones do not. */
export const statusesOnCalendar = ['scheduled', 'done'] as const;
export const countsOnCalendar = (status: string) =>
  (statusesOnCalendar as readonly string[]).includes(status);

export function endsAt(startsAt: string, durationMinutes: number): string {
  return new Date(Date.parse(startsAt) + durationMinutes * 60_000).toISOString();
}

/** `YYYY-MM-DD` of an instant in Thai time. */
export function thaiDay(instant: string | number | Date): string {
  return new Date(new Date(instant).getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The ISO 8601 week (Monday first) of an instant's Thai day: `2026-W01`. */
export function isoWeek(instant: string | number | Date): string {
  const day = new Date(`${thaiDay(instant)}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // The Thursday of the same week decides the week's year.
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The instants a Thai day begins and the next begins, as ISO UTC. */
export function thaiDayBounds(date: string): { start: string; end: string } {
  const start = Date.parse(`${date}T00:00:00Z`) - BANGKOK_OFFSET_MS;
  return { start: new Date(start).toISOString(), end: new Date(start + DAY_MS).toISOString() };
}

/** The Monday 00:00 and next Monday 00:00 (Thai time) of the week holding an instant. */
export function thaiWeekBounds(instant: string | number | Date): { start: string; end: string } {
  const day = thaiDay(instant);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = new Date(Date.parse(`${day}T00:00:00Z`) - weekday * DAY_MS).toISOString().slice(0, 10);
  const start = thaiDayBounds(monday).start;
  return { start, end: new Date(Date.parse(start) + 7 * DAY_MS).toISOString() };
}

/** A calendar shows at most about two months at once. */
export const MAX_CALENDAR_DAYS = 62;

export type CalendarRange =
  | { ok: true; start: string; end: string; days: number }
  | { ok: false; problem: 'calendar_range_order' | 'calendar_range_too_long' };

/** `from`..`to` (Thai days, both included) → the instants to query, or why it cannot be shown. */
export function calendarRange(from: string, to: string, maxDays = MAX_CALENDAR_DAYS): CalendarRange {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (!(days >= 1)) return { ok: false, problem: 'calendar_range_order' };
  if (days > maxDays) return { ok: false, problem: 'calendar_range_too_long' };
  return { ok: true, start: thaiDayBounds(from).start, end: thaiDayBounds(to).end, days };
}

/** A slot with its times worked out once: tens of thousands are judged for one calendar. */
interface Timed {
  slot: VisitSlot;
  start: number;
  end: number;
  day: string;
  week: string;
}

/** Each slot's times; a Thai day's date and ISO week worked out once (most slots share a few days). */
function timer(): (slot: VisitSlot) => Timed {
  const days = new Map<number, { day: string; week: string }>();
  return (slot) => {
    const start = Date.parse(slot.startsAt);
    const dayNumber = Math.floor((start + BANGKOK_OFFSET_MS) / DAY_MS);
    let known = days.get(dayNumber);
    if (known === undefined) {
      known = { day: thaiDay(start), week: isoWeek(start) };
      days.set(dayNumber, known);
    }
    return { slot, start, end: start + slot.durationMinutes * 60_000, day: known.day, week: known.week };
  };
}

/**
 * Every warning among the given visits, in a stable order (kind, then who, then when). Only scheduled
 * and done visits count; a visit with no organisation does not count as an agency.
 */
export function visitWarnings(
  slots: readonly VisitSlot[],
  limits: ConflictLimits = DEFAULT_CONFLICT_LIMITS,
): VisitWarning[] {
  const unique = new Map<string, VisitSlot>();
  for (const s of slots) if (countsOnCalendar(s.status)) unique.set(s.id, s);
  const live = [...unique.values()].map(timer());
  live.sort((a, b) => a.start - b.start || (a.slot.id < b.slot.id ? -1 : 1));
  const assigned = byAssignee(live);
  return [...doubleBooked(assigned), ...busyWeeks(live, limits), ...overloaded(assigned, limits)];
}

/** The warnings that name one of these visits: what scheduling or moving them brought about. */
export function warningsTouching(
  warnings: readonly VisitWarning[],
  visitIds: Iterable<string>,
): VisitWarning[] {
  const wanted = new Set(visitIds);
  return warnings.filter((w) => w.visitIds.some((id) => wanted.has(id)));
}

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : 1);

function groupBy(slots: readonly Timed[], keysOf: (t: Timed) => Iterable<string>): Map<string, Timed[]> {
  const out = new Map<string, Timed[]>();
  for (const t of slots) {
    for (const key of keysOf(t)) {
      const list = out.get(key);
      if (list) list.push(t);
      else out.set(key, [t]);
    }
  }
  return out;
}

/** Each user's visits in start order, users in id order. */
const byAssignee = (slots: readonly Timed[]) =>
  [...groupBy(slots, (t) => new Set(t.slot.assigneeIds))].sort(byKey);

const ids = (list: readonly Timed[]) => list.map((t) => t.slot.id);

/** A user sent to two places at once: each run of overlapping visits (sorted by start) is one warning. */
function doubleBooked(assigned: readonly [string, Timed[]][]): VisitWarning[] {
  const out: VisitWarning[] = [];
  for (const [userId, list] of assigned) {
    let run: Timed[] = [];
    let runEnd = 0;
    const flush = () => {
      if (run.length > 1) out.push({ kind: 'double_booked', userId, count: run.length, visitIds: ids(run) });
    };
    for (const t of list) {
      if (run.length > 0 && t.start < runEnd) {
        run.push(t);
        runEnd = Math.max(runEnd, t.end);
      } else {
        flush();
        run = [t];
        runEnd = t.end;
      }
    }
    flush();
  }
  return out;
}

/** One person's week: three agencies (or three visits) is coordination to look at, not a rule broken. */
function busyWeeks(slots: readonly Timed[], limits: ConflictLimits): VisitWarning[] {
  const out: VisitWarning[] = [];
  const weeks = [...groupBy(slots, (t) => [`${t.slot.personId}|${t.week}`])].sort(byKey);
  for (const [key, list] of weeks) {
    if (list.length < Math.min(limits.visitsPerWeek, limits.agenciesPerWeek)) continue;
    const [personId, week] = key.split('|') as [string, string];
    const agencies = new Set(list.flatMap((t) => (t.slot.organizationId ? [t.slot.organizationId] : [])))
      .size;
    if (agencies >= limits.agenciesPerWeek) {
      out.push({ kind: 'many_agencies', personId, week, count: agencies, visitIds: ids(list) });
    } else if (list.length >= limits.visitsPerWeek) {
      out.push({ kind: 'many_visits', personId, week, count: list.length, visitIds: ids(list) });
    }
  }
  return out;
}

/** More visits in one Thai day than a person can do well. */
function overloaded(assigned: readonly [string, Timed[]][], limits: ConflictLimits): VisitWarning[] {
  const out: VisitWarning[] = [];
  for (const [userId, list] of assigned) {
    for (const [date, onDay] of groupBy(list, (t) => [t.day])) {
      if (onDay.length > limits.visitsPerDay) {
        out.push({ kind: 'overloaded', userId, date, count: onDay.length, visitIds: ids(onDay) });
      }
    }
  }
  return out;
}
