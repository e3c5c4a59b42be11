/**
 * How well a plan is being carried out: from the monthly progress reports. A later report for the
 * same activity and month supersedes the earlier one (both are kept in `plan_progress`; only the
 * latest counts). done = 1, partly = ½, not done = 0; the percent is the mean over every
 * (activity, month) reported, rounded to a whole number. No reports: null, not 0 — nothing known
 * is not the same as nothing done.
 */
import type { ProgressStatus } from '../schemas/plan.ts';

export interface ProgressEntry {
  planActivityId: string;
  month: string;
  status: ProgressStatus;
  createdAt: string;
}

export interface Adherence {
  /** 0–100, or null with no reports. */
  percent: number | null;
  /** Distinct months with at least one report. */
  months: number;
  /** Per plan activity id: its own percent over the months it was reported. */
  byActivity: Record<string, number | null>;
}

export const PROGRESS_CREDIT: Readonly<Record<ProgressStatus, number>> = {
  done: 1,
  partly: 0.5,
  not_done: 0,
};

const instantOf = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/**
 * Entries with a status other than the three (a corrupt row) are not counted. Between two reports
 * for the same activity and month with the same `createdAt`, the later in the list wins.
 */
export function adherence(entries: readonly ProgressEntry[]): Adherence {
  const latest = new Map<string, { entry: ProgressEntry; at: number }>();
  for (const entry of entries) {
    if (!Object.hasOwn(PROGRESS_CREDIT, entry.status)) continue;
    const key = JSON.stringify([entry.planActivityId, entry.month]);
    const at = instantOf(entry.createdAt);
    const previous = latest.get(key);
    if (!previous || at >= previous.at) latest.set(key, { entry, at });
  }

  const months = new Set<string>();
  const perActivity = new Map<string, number[]>();
  const all: number[] = [];
  for (const { entry } of latest.values()) {
    const credit = PROGRESS_CREDIT[entry.status];
    months.add(entry.month);
    all.push(credit);
    perActivity.set(entry.planActivityId, [...(perActivity.get(entry.planActivityId) ?? []), credit]);
  }

  const byActivity: Record<string, number | null> = {};
  for (const [id, credits] of perActivity) byActivity[id] = percentOf(credits);
  return { percent: percentOf(all), months: months.size, byActivity };
}

function percentOf(credits: readonly number[]): number | null {
  if (credits.length === 0) return null;
  // Sum in halves (integers) so that 62.5 rounds to 63 exactly, never 62.49999….
  const halves = credits.reduce((s, c) => s + Math.round(c * 2), 0);
  return Math.round((halves * 50) / credits.length);
}
