/**
 * Months as `YYYY-MM` (CE, Thai time), shown in the Buddhist era: `พ.ย. 69`
 * on a chart, `พฤศจิกายน 2569` in a picker.
 */
import { formatDate, toBuddhistYear } from '../../../core/thai/buddhistEra.ts';
import type { Lang } from './instruments.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const BANGKOK_OFFSET_MS = 7 * 3600_000;

export const isMonth = (value: string | null | undefined): value is string =>
  typeof value === 'string' && MONTH.test(value);

/** This month in Thailand (UTC+7), whatever the phone's time zone. */
export function currentMonth(now: number = Date.now()): string {
  return new Date(now + BANGKOK_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month of an ISO datetime in Thai time. */
export function monthOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 7) : currentMonth(ms);
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `พ.ย. 69` / `Nov 26`: short enough for a chart axis on a phone. */
export function monthShort(month: string, lang: Lang): string {
  const [, name = month, year = ''] = formatDate(`${month}-01`, lang).split(' ');
  return `${name} ${year.slice(-2)}`;
}

/** `พฤศจิกายน 2569` / `November 2026`, from the month names in the messages. */
export function monthLong(month: string, lang: Lang, monthName: (m: number) => string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${monthName(m)} ${lang === 'th' ? toBuddhistYear(y) : y}`;
}

/** The months a list can be asked for, newest first: `ahead` months to come, `back` gone by. */
export function monthChoices(center: string, back: number, ahead: number): string[] {
  const months: string[] = [];
  for (let d = ahead; d >= -back; d -= 1) months.push(shiftMonth(center, d));
  return months;
}
