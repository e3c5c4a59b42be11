/**
 * A month's progress report: which months may be reported (this Thai month and the past year, never
 * one to come), the request from the buttons pressed, and the server's field errors put back next to
 * the activity they are about. Pure: unit-tested.
 */
import type { PlanProgressInput, ProgressStatus } from '../../../core/schemas/plan.ts';
import { currentMonth, shiftMonth } from '../../../core/screenings/month.ts';
import type { FieldError } from '../../app/api.ts';

/** This month first, then `back` months before it; none in the future. */
export function reportableMonths(now: number | Date = Date.now(), back = 11): string[] {
  const month = currentMonth(now);
  return Array.from({ length: back + 1 }, (_, i) => shiftMonth(month, -i));
}

export interface EntryDraft {
  status: ProgressStatus | null;
  note: string;
}

/** The request for the activities that have a status; null when none has. */
export function toProgressBody(
  month: string,
  order: readonly string[],
  entries: Record<string, EntryDraft>,
  clientId: string,
): PlanProgressInput | null {
  const list = order.flatMap((id) => {
    const e = entries[id];
    if (!e?.status) return [];
    const note = e.note.trim();
    return [{ planActivityId: id, status: e.status, ...(note ? { note } : {}) }];
  });
  return list.length === 0 ? null : { month, entries: list, clientId };
}

/**
 * `entries.2.status` → the third sent entry's activity. What names no entry (`month`, ``) is kept
 * apart for the general alert.
 */
export function errorsByActivity(
  errors: readonly FieldError[],
  sent: PlanProgressInput | null,
): { byActivity: Record<string, string>; month: string | null; rest: FieldError[] } {
  const byActivity: Record<string, string> = {};
  const rest: FieldError[] = [];
  let month: string | null = null;
  for (const e of errors) {
    const match = /^entries\.(\d+)(\.|$)/.exec(e.path);
    const id = match ? sent?.entries[Number(match[1])]?.planActivityId : undefined;
    if (id) byActivity[id] ??= e.message;
    else if (e.path === 'month') month ??= e.message;
    else rest.push(e);
  }
  return { byActivity, month, rest };
}
