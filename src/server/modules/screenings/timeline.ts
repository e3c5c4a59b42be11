/** A person's change over time: monthly well-being month by month, the elders' results year by year. */
import { getInstrument, type Level } from '../../../core/instruments/index.ts';
import type { Change, Timeline } from '../../../core/schemas/index.ts';
import { levelChange, scoreChange } from '../../../core/screenings/change.ts';
import { toBuddhistYear } from '../../../core/thai/buddhistEra.ts';
import { audit } from '../audit/service.ts';
import type { ScreeningContext } from './context.ts';
import { isoOf } from './iso.ts';
import { latestMonthlyRows, MONTHLY, monthlyRows, type TimelineRow, yearlyRows } from './listsRepo.ts';
import { visiblePerson } from './service.ts';

/** Asked alongside the monthly screening, not an elders' instrument. */
const NOT_ELDERS = [MONTHLY, 'needs'];

export async function personTimeline(
  c: ScreeningContext,
  personId: string,
  q: { months: number },
): Promise<Timeline> {
  const person = await visiblePerson(c, personId);
  const [monthly, latest, yearly] = await Promise.all([
    monthlyRows(c.db, personId, q.months),
    latestMonthlyRows(c.db, personId),
    yearlyRows(c.db, personId, NOT_ELDERS),
  ]);
  const months = monthly.reverse().map((r) => ({
    month: r.taken_month,
    yearBE: toBuddhistYear(Number(r.taken_month.slice(0, 4))),
    screeningId: r.id,
    takenAt: isoOf(r.taken_at),
    version: r.version,
    scores: r.scores,
    levels: r.levels as Record<string, Level>,
  }));
  const elders = yearly.map((r) => {
    const year = Number(r.taken_month.slice(0, 4));
    return {
      instrument: r.instrument,
      year,
      yearBE: toBuddhistYear(year),
      screeningId: r.id,
      takenAt: isoOf(r.taken_at),
      version: r.version,
      scores: r.scores,
      results: r.results as Timeline['elders'][number]['results'],
    };
  });
  await audit(c.db, c.actor, {
    action: 'screening.timeline.read',
    entity: 'person',
    entityId: personId,
    areaCode: person.areaCode,
    groupId: person.groupId,
    subjectIds: [personId],
    detail: { months: months.length, elders: elders.length },
  });
  return { months, elders, ...changes(latest) };
}

/** The latest monthly screening against the one before it, by level and by score. */
function changes(latest: TimelineRow[]) {
  const [now, before] = latest;
  if (!now || !before) return { change: null, scoreChange: null };
  const definition = getInstrument(now.instrument, now.version);
  const change: Record<string, Change> = {};
  const byScore: Record<string, Change> = {};
  for (const dimension of definition?.scoring.dimensions ?? []) {
    const d = dimension.code;
    const l = levelChange(before.levels[d], now.levels[d]);
    const s = scoreChange(before.scores[d], now.scores[d], dimension.worseWhen);
    if (l) change[d] = l;
    if (s) byScore[d] = s;
  }
  return { change, scoreChange: byScore };
}
