/**
 * Which slides a report makes for the data-return forum, in order: one chart or one set of figures
 * each. Pure, so the order and the rules (no forecast slide without data, no village slide for a
 * single village) are tested.
 */
import type { ReportBreakdown, ReportDimension, WellbeingReport } from '../../../core/schemas/report.ts';
import { levelOfCode, type ReportParams } from './params.ts';
import { dimensionTrend, reportDimensions } from './shape.ts';

export type Slide =
  | { kind: 'cover' }
  | { kind: 'noData' }
  | { kind: 'dimensions' }
  | { kind: 'trend'; dimension: ReportDimension }
  | { kind: 'change' }
  | { kind: 'breakdown' }
  | { kind: 'items' }
  | { kind: 'plans' };

/** The breakdown the slides and the paper show: villages, or for a village its vulnerable groups. */
export function forumBreakdown(params: Pick<ReportParams, 'area'>): ReportBreakdown {
  return params.area && levelOfCode(params.area) === 'village' ? 'vulnerability' : 'village';
}

export function slidePlan(report: WellbeingReport): Slide[] {
  if (report.population.screened === 0) return [{ kind: 'cover' }, { kind: 'noData' }];
  const trends: Slide[] = reportDimensions
    .filter((d) => dimensionTrend(report, d).observedMonths > 0)
    .map((dimension) => ({ kind: 'trend', dimension }));
  return [
    { kind: 'cover' },
    { kind: 'dimensions' },
    ...trends,
    { kind: 'change' },
    ...(report.breakdown.length > 1 ? [{ kind: 'breakdown' } as const] : []),
    ...(report.items && Object.keys(report.items).length > 0 ? [{ kind: 'items' } as const] : []),
    ...(report.plans ? [{ kind: 'plans' } as const] : []),
  ];
}

/** A slide number from the address (1-based), kept inside the deck. */
export function slideIndex(value: string | null, count: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) return 0;
  return Math.min(n, count) - 1;
}

/** The key's move: +1, −1, to the first, to the last, or nothing. */
export function slideMove(key: string): 'next' | 'previous' | 'first' | 'last' | null {
  if (key === 'ArrowRight' || key === 'PageDown' || key === ' ' || key === 'ArrowDown') return 'next';
  if (key === 'ArrowLeft' || key === 'PageUp' || key === 'ArrowUp') return 'previous';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return null;
}
