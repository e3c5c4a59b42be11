import { hasRole, placeOf } from '../../../core/policy/index.ts';
import type {
  Screening,
  ScreeningCreate,
  ScreeningDetail,
  ScreeningMethod,
  ScreeningRevisionCreate,
} from '../../../core/schemas/index.ts';
import { unique } from '../../../core/util/unique.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { conflict, type FieldError, notFound, Problem } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { type Raised, raiseAlerts, raisedBy } from '../inbox/service.ts';
import { findPerson, type PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { findDefinition, scoreAnswers } from './answers.ts';
import type { ScreeningContext } from './context.ts';
import { toRevisionDto, toScreeningDto } from './dto.ts';
import { bangkokDate, bangkokMonth, isoOf } from './month.ts';
import {
  findByClientId,
  findScreening,
  insertScreening,
  lockScreening,
  revisedByClientId,
  revisionsOf,
  type ScreeningInsert,
  type ScreeningRow,
  screeningsOfPerson,
  supersede,
} from './repo.ts';

/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type Capture = ScreeningCreate;

/** Someone in a volunteer role screens as a volunteer unless told otherwise; everyone else as staff. */
function defaultMethod(c: ScreeningContext): ScreeningMethod {
  return hasRole(c.actor, 'volunteer', 'caregiver') ? 'volunteer' : 'staff';
}

/** The person behind a screening, if the actor may see them; 404 otherwise, whether or not they exist. */
export async function visiblePerson(c: ScreeningContext, personId: string): Promise<PersonRow> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  ensureAllowed(c.actor, { action: 'screening.read', areaCode: placeOf(person) });
  return person;
}

type Prepared = { ok: true; row: ScreeningInsert; raised: Raised[] } | { ok: false; errors: FieldError[] };

/** Checks and scores a capture for this person; every problem found is reported at once. */
export function prepare(c: ScreeningContext, person: PersonRow, input: Capture): Prepared {
  const found = findDefinition(input.instrument, input.version);
  if ('error' in found) return { ok: false, errors: [found.error] };
  const errors: FieldError[] = [];
  const takenMs = Date.parse(input.takenAt);
  if (takenMs > c.now.getTime() + CLOCK_SKEW_MS) errors.push({ path: 'takenAt', detail: 'taken_future' });
  else if (bangkokDate(input.takenAt) < person.birthDate) {
    errors.push({ path: 'takenAt', detail: 'taken_before_birth' });
  }
  const scoring = scoreAnswers(found.definition, input.answers);
  if (!scoring.ok) return { ok: false, errors: [...errors, ...scoring.errors] };
  if (errors.length > 0) return { ok: false, errors };

  const { definition, scored } = scoring;
  const takenAt = new Date(takenMs).toISOString();
  return {
    ok: true,
    raised: raisedBy(scored),
    row: {
      personId: person.id,
      areaCode: person.areaCode,
      instrument: definition.code,
      version: definition.version,
      takenAt,
      takenMonth: bangkokMonth(takenAt),
      method: input.method ?? defaultMethod(c),
      takenBy: c.actor.userId,
      clientId: input.clientId,
      answers: scoring.answers,
      ...scoredColumns(scored),
    },
  };
}

function scoredColumns(scored: {
  scores: Record<string, number>;
  levels: Record<string, string>;
  results: unknown[];
  flags: string[];
  followUps: { instrument?: string; reason: string; urgent: boolean }[];
}) {
  return {
    scores: scored.scores,
    levels: scored.levels,
    results: scored.results,
    flags: scored.flags,
    followUps: scored.followUps,
    followUpInstruments: unique(scored.followUps.flatMap((f) => (f.instrument ? [f.instrument] : []))),
  };
}

export interface Preloaded {
  /** The screening already stored under the clientId; null when looked up and none. */
  earlier?: ScreeningRow | null;
  person?: PersonRow | null;
}

/**
 * Records a screening: 201 with the new one, or 200 with the stored one when
 * the clientId was seen before (a phone's retry). The screening, its alerts
 * and its audit row commit together.
 */
export async function createScreening(
  c: ScreeningContext,
  personId: string,
  input: Capture,
  preloaded: Preloaded = {},
): Promise<{ screening: Screening; created: boolean }> {
  const earlier =
    preloaded.earlier !== undefined ? preloaded.earlier : await findByClientId(c.db, input.clientId);
  if (earlier) return { screening: await replay(c, earlier, personId), created: false };

  const person = preloaded.person !== undefined ? preloaded.person : await findPerson(c.db, personId);
  if (!person) throw notFound();
  ensureAllowed(c.actor, { action: 'screening.read', areaCode: placeOf(person) });
  ensureAllowed(c.actor, { action: 'screening.create', areaCode: placeOf(person) });
  if (person.mergedInto) throw new Problem(422, 'domain_rule', 'merged_record');

  const prepared = prepare(c, person, input);
  if (!prepared.ok) throw new Problem(400, 'validation', undefined, {}, prepared.errors);
  const { row } = prepared;

  try {
    const inserted = await c.db.transaction(async (tx) => {
      const stored = await insertScreening(tx, row);
      const alerts = await raiseAlerts(tx, {
        screeningId: stored.id,
        personId: person.id,
        areaCode: person.areaCode,
        place: placeOf(person),
        instrument: stored.instrument,
        screenerId: c.actor.userId,
        raised: prepared.raised,
      });
      await audit(tx, c.actor, {
        action: 'screening.create',
        entity: 'screening',
        entityId: stored.id,
        areaCode: stored.areaCode,
        detail: { personId: person.id, instrument: stored.instrument, version: stored.version, alerts },
      });
      return stored;
    });
    return { screening: toScreeningDto(inserted), created: true };
  } catch (err) {
    // The same clientId twice at the same moment: the unique index decides, the loser replays.
    if (uniqueViolation(err)) {
      const winner = await findByClientId(c.db, input.clientId);
      if (winner) return { screening: await replay(c, winner, personId), created: false };
    }
    throw err;
  }
}

/** The stored screening for a repeated clientId, if it is the same person's and visible to the actor. */
async function replay(c: ScreeningContext, earlier: ScreeningRow, personId: string): Promise<Screening> {
  await visiblePerson(c, earlier.personId);
  if (earlier.personId !== personId) throw conflict('client_id_reused', {}, 'clientId');
  await audit(c.db, c.actor, {
    action: 'screening.read',
    entity: 'screening',
    entityId: earlier.id,
    areaCode: earlier.areaCode,
    detail: { personId, replay: true },
  });
  return toScreeningDto(earlier);
}

export async function listScreenings(
  c: ScreeningContext,
  personId: string,
  q: { instrument?: string; limit: number; cursor?: string },
) {
  const person = await visiblePerson(c, personId);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await screeningsOfPerson(c.db, { personId, instrument: q.instrument, after, limit: q.limit });
  const page = pageOf(rows, q.limit, (last) => [isoOf(last.takenAt), last.id]);
  await audit(c.db, c.actor, {
    action: 'screening.list',
    entity: 'person',
    entityId: personId,
    areaCode: person.areaCode,
    detail: { count: page.items.length, ...(q.instrument ? { instrument: q.instrument } : {}) },
  });
  return { items: page.items.map(toScreeningDto), nextCursor: page.nextCursor };
}

export async function getScreening(c: ScreeningContext, id: string): Promise<ScreeningDetail> {
  const row = await findScreening(c.db, id);
  if (!row) throw notFound();
  await visiblePerson(c, row.personId);
  const detail = await withRevisions(c, row);
  await audit(c.db, c.actor, {
    action: 'screening.read',
    entity: 'screening',
    entityId: id,
    areaCode: row.areaCode,
    detail: { personId: row.personId, revisions: detail.revisions.length },
  });
  return detail;
}

async function withRevisions(c: ScreeningContext, row: ScreeningRow): Promise<ScreeningDetail> {
  const revisions = await revisionsOf(c.db, row.id);
  return { ...toScreeningDto(row), revisions: revisions.map(toRevisionDto) };
}

/**
 * A correction: the answers are scored again with the version the screening
 * was taken with, the current revision is kept unchanged in the history, and
 * the new one becomes current. New red flags raise alerts; nothing is lost.
 */
export async function reviseScreening(
  c: ScreeningContext,
  id: string,
  input: ScreeningRevisionCreate,
): Promise<{ screening: ScreeningDetail; created: boolean }> {
  if (input.clientId) {
    const usedOn = await revisedByClientId(c.db, input.clientId);
    if (usedOn) return { screening: await retriedRevision(c, usedOn, id), created: false };
  }
  const current = await findScreening(c.db, id);
  if (!current) throw notFound();
  const person = await visiblePerson(c, current.personId);
  ensureAllowed(c.actor, { action: 'screening.update', areaCode: placeOf(person) });

  const found = findDefinition(current.instrument, current.version);
  if ('error' in found) throw new Problem(400, 'validation', undefined, {}, [found.error]);
  const scoring = scoreAnswers(found.definition, input.answers);
  if (!scoring.ok) throw new Problem(400, 'validation', undefined, {}, scoring.errors);
  // The same answers again change nothing, and make no revision.
  if (sameAnswers(scoring.answers, current.answers as Record<string, unknown>)) {
    return { screening: await withRevisions(c, current), created: false };
  }

  try {
    const revised = await c.db.transaction(async (tx) => {
      const locked = (await lockScreening(tx, id))!;
      const next = await supersede(tx, locked, {
        answers: scoring.answers,
        ...scoredColumns(scoring.scored),
        reason: input.reason,
        madeBy: c.actor.userId,
        clientId: input.clientId ?? null,
      });
      const alerts = await raiseAlerts(tx, {
        screeningId: id,
        personId: person.id,
        areaCode: person.areaCode,
        place: placeOf(person),
        instrument: next.instrument,
        screenerId: next.takenBy,
        raised: raisedBy(scoring.scored),
      });
      await audit(tx, c.actor, {
        action: 'screening.revise',
        entity: 'screening',
        entityId: id,
        areaCode: next.areaCode,
        detail: { personId: person.id, revision: next.revision, alerts },
      });
      return next;
    });
    return { screening: await withRevisions(c, revised), created: true };
  } catch (err) {
    if (uniqueViolation(err) && input.clientId) {
      const usedOn = await revisedByClientId(c.db, input.clientId);
      if (usedOn) return { screening: await retriedRevision(c, usedOn, id), created: false };
    }
    throw err;
  }
}

async function retriedRevision(c: ScreeningContext, usedOn: string, id: string): Promise<ScreeningDetail> {
  const detail = await getScreening(c, usedOn);
  if (usedOn !== id) throw conflict('client_id_reused', {}, 'clientId');
  return detail;
}

function sameAnswers(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (x: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(x)
        .sort()
        .map((k) => [k, x[k]]),
    );
  return canonical(a) === canonical(b);
}
