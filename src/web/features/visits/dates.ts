/**
 * Calendar arithmetic on Thai days (`YYYY-MM-DD`, CE): which days a view shows, moving it, and the
 * clock time of an instant in Thailand. Pure, so the views and the tests share it.
 */
import { thaiDay } from '../../../core/services/calendar.ts';

export const calendarViews = ['agenda', 'day', 'week', 'month'] as const;
export type CalendarView = (typeof calendarViews)[number];

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today in Thailand, whatever the phone's time zone. */
export const todayInThailand = (now: Date = new Date()) => thaiDay(now);

export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY_MS);
}

/** Monday of the week holding `date`. */
export function weekStart(date: string): string {
  const weekday = (new Date(utc(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The days a view shows around `date`; the agenda looks two weeks ahead. */
export function rangeOf(view: CalendarView, date: string): { from: string; to: string } {
  switch (view) {
    case 'day':
      return { from: date, to: date };
    case 'week': {
      const from = weekStart(date);
      return { from, to: addDays(from, 6) };
    }
    case 'agenda':
      return { from: date, to: addDays(date, 13) };
    case 'month': {
      const from = `${date.slice(0, 7)}-01`;
      const [y, m] = from.split('-').map(Number) as [number, number];
      return { from, to: iso(Date.UTC(y, m, 0)) };
    }
  }
}

/** The date a view moves to with ‹ or › (`step` -1 or 1). */
export function shiftDate(view: CalendarView, date: string, step: number): string {
  switch (view) {
    case 'day':
      return addDays(date, step);
    case 'week':
      return addDays(date, 7 * step);
    case 'agenda':
      return addDays(date, 14 * step);
    case 'month': {
      const [y, m] = date.split('-').map(Number) as [number, number];
      return iso(Date.UTC(y, m - 1 + step, 1));
    }
  }
}

/** The weeks (Monday first) that a month view draws, days of other months included. */
export function monthGrid(date: string): string[][] {
  const { from, to } = rangeOf('month', date);
  const days = daysBetween(weekStart(from), addDays(weekStart(to), 6));
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (date: string) => (new Date(utc(date)).getUTCDay() + 6) % 7;

/** `09:30`: the clock in Thailand at an instant. */
export function thaiTime(instant: string): string {
  return new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(11, 16);
}

/** A Thai day and a clock time → the instant the API takes (`2026-01-28T09:30:00+07:00`). */
export function thaiInstant(date: string, time: string): string {
  return `${date}T${time}:00+07:00`;
}

/** Groups items by the Thai day they start on, days in order. */
export function byDay<T extends { startsAt: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = thaiDay(item.startsAt);
    out.set(day, [...(out.get(day) ?? []), item]);
  }
  return out;
}
