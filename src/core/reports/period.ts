/**
 * The period of a well-being report, in Thai time. A Buddhist year is a calendar year
 * (January–December, CE + 543); months are Thai calendar months (`src/core/screenings/month.ts`),
 * so a screening at 2025-12-31T18:00Z (01:00 on 1 January in Bangkok) counts for January 2026,
 * BE 2569.
 */
import { bangkokDate, bangkokMonth, monthStart, shiftMonth } from '../screenings/month.ts';
import { toCommonEraYear } from '../thai/buddhistEra.ts';

export interface ReportPeriod {
  /** The CE year. */
  year: number;
  /** The months the period covers, `YYYY-MM`: the twelve of the year, or the one asked for. */
  months: string[];
  /** First instant of the period (ISO, UTC), inclusive. */
  start: string;
  /** First instant after the period (ISO, UTC), exclusive. */
  end: string;
  /**
   * The month the report stands at: the month asked for; else, in a year report, this month when
   * it falls in the year, December for a past year, January for a future one. `due` and `overdue`
   * are counted for it, and the trend runs from January to it.
   */
  referenceMonth: string;
  /** January … `referenceMonth`: the months of the trend. */
  trendMonths: string[];
  /**
   * The date ages and the age-derived vulnerability (`elderly`) are taken on: the last day of
   * the period, even while it runs, so that a period's figures never depend on the day they are
   * asked (the server keeps them in rollups).
   */
  asOf: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The months from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

export function reportPeriod(
  yearBE: number,
  month: number | undefined,
  now: string | number | Date,
): ReportPeriod {
  const year = toCommonEraYear(yearBE);
  const january = `${year}-01`;
  const december = `${year}-12`;
  const months = month === undefined ? monthsBetween(january, december) : [`${year}-${pad2(month)}`];
  const first = months[0] as string;
  const last = months.at(-1) as string;
  const current = bangkokMonth(now);
  const referenceMonth =
    month !== undefined ? first : current < january ? january : current > december ? december : current;
  const end = monthStart(shiftMonth(last, 1));
  const lastDay = bangkokDate(new Date(Date.parse(end) - 1));
  return {
    year,
    months,
    start: monthStart(first),
    end,
    referenceMonth,
    trendMonths: monthsBetween(january, referenceMonth),
    asOf: lastDay,
  };
}
