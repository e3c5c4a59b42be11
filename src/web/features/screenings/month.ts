/**
 * Months as `YYYY-MM` (CE, Thai time), shown in the Buddhist era: `พ.ย. 69`
 * on a chart, `พฤศจิกายน 2569` in a picker. Which month an instant falls in
 * is core's rule (`core/screenings/month.ts`), the same as the server's.
 */
import { shiftMonth } from '../../../core/screenings/month.ts';
import { formatDate, toBuddhistYear } from '../../../core/thai/buddhistEra.ts';
import type { Lang } from './instruments.ts';

export { currentMonth, isMonth, monthOf, shiftMonth } from '../../../core/screenings/month.ts';

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
