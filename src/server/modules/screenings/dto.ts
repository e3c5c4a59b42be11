import type { Screening, ScreeningMethod, ScreeningRevision } from '../../../core/schemas/index.ts';
import { isoOf } from './iso.ts';
import type { RevisionRow, ScreeningRow } from './repo.ts';

type Scored = Pick<Screening, 'answers' | 'scores' | 'levels' | 'results' | 'flags' | 'followUps'>;

/** jsonb comes back parsed on both drivers; the stored shapes are the engine's own. */
function scoredOf(row: {
  answers: unknown;
  scores: unknown;
  levels: unknown;
  results: unknown;
  flags: string[];
  followUps: unknown;
}): Scored {
  return {
    answers: row.answers as Scored['answers'],
    scores: row.scores as Scored['scores'],
    levels: row.levels as Scored['levels'],
    results: row.results as Scored['results'],
    flags: row.flags,
    followUps: row.followUps as Scored['followUps'],
  };
}

export function toScreeningDto(row: ScreeningRow): Screening {
  return {
    id: row.id,
    personId: row.personId,
    instrument: row.instrument,
    version: row.version,
    takenAt: isoOf(row.takenAt),
    takenMonth: row.takenMonth,
    ...scoredOf(row),
    method: row.method as ScreeningMethod,
    takenBy: row.takenBy,
    revision: row.revision,
    revisionReason: row.revisionReason,
    revisedBy: row.revisedBy,
    revisedAt: row.revisedAt ? isoOf(row.revisedAt) : null,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}

export function toRevisionDto(row: RevisionRow): ScreeningRevision {
  return {
    revision: row.revision,
    version: row.version,
    ...scoredOf(row),
    reason: row.reason,
    madeBy: row.madeBy,
    madeAt: isoOf(row.madeAt),
    supersededAt: isoOf(row.supersededAt),
  };
}
