/**
 * The rules a monthly progress report must keep, beyond its shape (`planProgressInput`): the
 * server answers a broken rule with 422 and these paths, and the phone checks the same before
 * sending, so both say the same thing.
 *
 * - `future_month` (path `month`): the month is after the current Thai month — progress is
 *   reported for what happened, not ahead.
 * - `before_plan` (path `month`): the month is before the month the plan starts.
 * - `not_in_plan` (path `entries.N.planActivityId`): the activity is not in the plan now (never
 *   was, or an adjustment removed it).
 * - `duplicate_entry` (same path): the activity was already reported earlier in the same report.
 *   An entry gets one problem: `not_in_plan` before `duplicate_entry`.
 * Months are `YYYY-MM`, `today` and `planStartsOn` `YYYY-MM-DD`, all Thai calendar dates in the
 * common era (`bangkokDate` of `core/screenings/month.ts`); they compare as strings.
 */
import { isMonth } from '../screenings/month.ts';

export type ProgressProblemCode = 'future_month' | 'before_plan' | 'not_in_plan' | 'duplicate_entry';

export interface ProgressProblem {
  path: string;
  code: ProgressProblemCode;
}

export function checkProgress(input: {
  month: string;
  /** YYYY-MM-DD, today in Thailand. */
  today: string;
  planStartsOn: string | null;
  entries: readonly { planActivityId: string }[];
  activeActivityIds: ReadonlySet<string>;
}): ProgressProblem[] {
  const problems: ProgressProblem[] = [];
  const currentMonth = input.today.slice(0, 7);
  // A malformed month is the schema's to reject (`planProgressInput`); it is not compared here.
  if (isMonth(input.month)) {
    if (isMonth(currentMonth) && input.month > currentMonth) {
      problems.push({ path: 'month', code: 'future_month' });
    }
    const startMonth = input.planStartsOn?.slice(0, 7) ?? null;
    if (isMonth(startMonth) && input.month < startMonth) {
      problems.push({ path: 'month', code: 'before_plan' });
    }
  }

  const seen = new Set<string>();
  input.entries.forEach((entry, i) => {
    const path = `entries.${i}.planActivityId`;
    if (!input.activeActivityIds.has(entry.planActivityId)) {
      problems.push({ path, code: 'not_in_plan' });
    } else if (seen.has(entry.planActivityId)) {
      problems.push({ path, code: 'duplicate_entry' });
    }
    seen.add(entry.planActivityId);
  });
  return problems;
}
