import {
  DEFAULT_CONFLICT_LIMITS,
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
 * The warnings that name any of these visits, judged (in core) against everything else the same people
 * and the same users have in the same ISO weeks that could warn — whichever organisation booked it,
 * and whether or not the reader may see it.
 */
export async function conflictsFor(db: Db, rows: readonly VisitRow[]): Promise<VisitWarning[]> {
  if (rows.length === 0) return [];
  const starts = rows.map((r) => Date.parse(isoOf(r.startsAt)));
  // Whole ISO weeks (for the person's week), and half a day either side for visits that run over
  // midnight between two weeks (for double-booking).
  const first = Date.parse(thaiWeekBounds(Math.min(...starts)).start) - MARGIN_MS;
  const last = Date.parse(thaiWeekBounds(Math.max(...starts)).end) + MARGIN_MS;
  const neighbours = await conflictCandidates(db, {
    shownIds: rows.map((r) => r.id),
    personIds: [...new Set(rows.map((r) => r.personId))],
    userIds: [...new Set(rows.flatMap((r) => r.assigneeIds))],
    start: new Date(first).toISOString(),
    end: new Date(last).toISOString(),
    visitsPerDay: DEFAULT_CONFLICT_LIMITS.visitsPerDay,
  });
  const own = rows.map(slotOf);
  const ids = new Set(own.map((s) => s.id));
  const all = [...own, ...neighbours.filter((s) => !ids.has(s.id))];
  return warningsTouching(visitWarnings(all, DEFAULT_CONFLICT_LIMITS), ids);
}
