import {
  DEFAULT_CONFLICT_LIMITS,
  thaiDay,
  thaiDayBounds,
  thaiWeekBounds,
  type VisitWarning,
  visitWarnings,
  warningsTouching,
} from '../../../core/services/calendar.ts';
import type { Db } from '../../db/client.ts';
import { isoOf } from '../screenings/iso.ts';
import { conflictCandidates, slotOf, type VisitRow } from './repo.ts';

const MARGIN_MS = 12 * 3_600_000;

/**
 * The warnings that name any of these visits, judged (in core) against everything else that could warn
 * with them — the same people's visits in the same ISO weeks, the same users' in the same Thai days —
 * whichever organisation booked it, and whether or not the reader may see it.
 */
export async function conflictsFor(db: Db, rows: readonly VisitRow[]): Promise<VisitWarning[]> {
  if (rows.length === 0) return [];
  const starts = rows.map((r) => Date.parse(isoOf(r.startsAt)));
  const [first, last] = [Math.min(...starts), Math.max(...starts)];
  // A person's weeks are judged whole; a user's days whole. Half a day either side catches visits that
  // run over midnight into the first or out of the last (double-booking).
  const span = (bounds: (t: number) => { start: string; end: string }) => ({
    start: new Date(Date.parse(bounds(first).start) - MARGIN_MS).toISOString(),
    end: new Date(Date.parse(bounds(last).end) + MARGIN_MS).toISOString(),
  });
  const neighbours = await conflictCandidates(db, {
    shownIds: rows.map((r) => r.id),
    people: { ids: [...new Set(rows.map((r) => r.personId))], ...span(thaiWeekBounds) },
    users: {
      ids: [...new Set(rows.flatMap((r) => r.assigneeIds))],
      visitsPerDay: DEFAULT_CONFLICT_LIMITS.visitsPerDay,
      ...span((t) => thaiDayBounds(thaiDay(t))),
    },
  });
  const own = rows.map(slotOf);
  const ids = new Set(own.map((s) => s.id));
  const all = [...own, ...neighbours.filter((s) => !ids.has(s.id))];
  return warningsTouching(visitWarnings(all, DEFAULT_CONFLICT_LIMITS), ids);
}
