import { isAdlGroup } from '../../../core/persons/vulnerability.ts';
import { hasRole, placeOf } from '../../../core/policy/index.ts';
import type {
  Screening,
  ScreeningCreate,
  ScreeningDetail,
  ScreeningMethod,
  ScreeningRevisionCreate,
} from '../../../core/schemas/index.ts';
import { bangkokDate, bangkokMonth } from '../../../core/screenings/month.ts';
import { unique } from '../../../core/util/unique.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { conflict, type FieldError, notFound, Problem } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { ensurePersonAccess } from '../groups/access.ts';
import { type Raised, raiseAlerts, raisedBy } from '../inbox/service.ts';
import { findPerson, type PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { findDefinition, scoreAnswers } from './answers.ts';
import { accessOf, type ScreeningContext } from './context.ts';
import { toRevisionDto, toScreeningDto } from './dto.ts';
import { isoOf } from './iso.ts';
import {
  type CapturePerson,
  captureLookup,
  correctAdl,
  findByClientId,
  findScreening,
  insertAlerted,
  insertAudited,
  insertAuditedMany,
  insertScreening,
  lockScreening,
  type NewScreening,
  recordLatestAdl,
  revisedByClientId,
  revisionsOf,
  type ScreeningRow,
  screeningsOfPerson,
  supersede,
} from './repo.ts';

/** The instrument whose result becomes the person's ADL group (and `bedbound`). */
const ADL = 'adl_barthel';

/** The ADL group a Barthel ADL screening gives (its `adl` result code); none for other instruments. */
function adlGroupOf(instrument: string, results: unknown): string | undefined {
  if (instrument !== ADL || !Array.isArray(results)) return undefined;
  const code = (results as { dimension?: string; code?: string }[]).find((r) => r.dimension === 'adl')?.code;
  return isAdlGroup(code) ? code : undefined;
}

/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type Capture = ScreeningCreate;

/** Someone in a volunteer role screens as a volunteer unless told otherwise; everyone else as staff. */
function defaultMethod(c: ScreeningContext): ScreeningMethod {
  if (c.actor.roles.length === 1 && hasRole(c.actor, 'citizen')) return 'self';
  return hasRole(c.actor, 'volunteer', 'caregiver') ? 'volunteer' : 'staff';
}

/** The person behind a screening, if the actor may see them; 404 otherwise, whether or not they exist. */
export async function visiblePerson(
  c: ScreeningContext,
  personId: string,
): Promise<PersonRow & { groupId: string | null }> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(accessOf(c), 'screening.read', person);
  // The group it was reached through, for the audit trail the person can read.
  return { ...person, groupId: access.groupId };
}

type Prepared = { ok: true; row: NewScreening; raised: Raised[] } | { ok: false; errors: FieldError[] };

/** Checks and scores a capture for this person; every problem found is reported at once. */
export function prepare(c: ScreeningContext, person: CapturePerson, input: Capture): Prepared {
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
  person?: CapturePerson | null;
}

/** A capture that passed every check: a retry to answer with the stored screening, or a new one to store. */
export type Admitted =
  | { kind: 'replay'; screening: Screening }
  | { kind: 'new'; person: CapturePerson; row: NewScreening; raised: Raised[]; adlGroup: string | undefined };

/**
 * Every check a capture passes before anything is stored: a retry of a
 * stored clientId, the person (404 unless visible), the policy, a merged
 * record, the answers. Problems are thrown.
 */
export async function admit(
  c: ScreeningContext,
  personId: string,
  input: Capture,
  preloaded: Preloaded = {},
): Promise<Admitted> {
  const looked =
    preloaded.earlier !== undefined && preloaded.person !== undefined
      ? { earlier: preloaded.earlier, person: preloaded.person }
      : await captureLookup(c.db, personId, input.clientId);
  const earlier = preloaded.earlier !== undefined ? preloaded.earlier : looked.earlier;
  if (earlier) return { kind: 'replay', screening: await replay(c, earlier, personId) };

  const person = preloaded.person !== undefined ? preloaded.person : looked.person;
  if (!person) throw notFound();
  // Creating implies reading: whoever may not see the person gets 404.
  await ensurePersonAccess(accessOf(c), 'screening.create', person);
  if (person.mergedInto) throw new Problem(422, 'domain_rule', 'merged_record');

  const prepared = prepare(c, person, input);
  if (!prepared.ok) throw new Problem(400, 'validation', undefined, {}, prepared.errors);
  const { row, raised } = prepared;
  return { kind: 'new', person, row, raised, adlGroup: adlGroupOf(row.instrument, row.results) };
}

/** Most screenings raise no alert and are no ADL: they are stored with their audit row in one statement. */
export const isPlain = (a: Extract<Admitted, { kind: 'new' }>) => a.raised.length === 0 && !a.adlGroup;

const createDetail = (row: NewScreening, alerts: number) => ({
  personId: row.personId,
  instrument: row.instrument,
  version: row.version,
  alerts,
});

/**
 * Records a screening: 201 with the new one, or 200 with the stored one when
 * the clientId was seen before (a phone's retry). The screening, its alerts,
 * the person's ADL group and its audit row commit together.
 */
export async function createScreening(
  c: ScreeningContext,
  personId: string,
  input: Capture,
  preloaded: Preloaded = {},
): Promise<{ screening: Screening; created: boolean }> {
  const admitted = await admit(c, personId, input, preloaded);
  if (admitted.kind === 'replay') return { screening: admitted.screening, created: false };
  return store(c, admitted);
}

/** Stores an admitted capture; a clientId stored meanwhile by a concurrent request replays it instead. */
export async function store(
  c: ScreeningContext,
  a: Extract<Admitted, { kind: 'new' }>,
): Promise<{ screening: Screening; created: boolean }> {
  const { person, row, adlGroup } = a;
  try {
    if (isPlain(a)) {
      const stored = await insertAudited(c.db, row, {
        actorId: c.actor.userId,
        action: 'screening.create',
        detail: createDetail(row, 0),
        subjectIds: [person.id],
      });
      return { screening: toScreeningDto(stored), created: true };
    }
    if (!adlGroup) {
      // Red flags, no ADL: the screening, its alerts and its audit row in one statement.
      const stored = await insertAlerted(
        c.db,
        row,
        { place: placeOf(person), raised: a.raised },
        {
          actorId: c.actor.userId,
          action: 'screening.create',
          // `alerts` is set by the statement: the number it made.
          detail: createDetail(row, 0),
          subjectIds: [person.id],
        },
      );
      return { screening: toScreeningDto(stored), created: true };
    }
    const inserted = await c.db.transaction(async (tx) => {
      const stored = await insertScreening(tx, row);
      if (adlGroup) {
        const adl = { personId: person.id, screeningId: stored.id, takenAt: row.takenAt, group: adlGroup };
        await recordLatestAdl(tx, adl, ADL);
      }
      const alerts = await raiseAlerts(tx, {
        screeningId: stored.id,
        personId: person.id,
        areaCode: person.areaCode,
        place: placeOf(person),
        instrument: stored.instrument,
        screenerId: c.actor.userId,
        raised: a.raised,
      });
      await audit(tx, c.actor, {
        action: 'screening.create',
        entity: 'screening',
        entityId: stored.id,
        areaCode: stored.areaCode,
        detail: createDetail(row, alerts),
        subjectIds: [person.id],
      });
      return stored;
    });
    return { screening: toScreeningDto(inserted), created: true };
  } catch (err) {
    // The same clientId twice at the same moment: the unique index decides, the loser replays.
    if (uniqueViolation(err)) {
      const winner = await findByClientId(c.db, row.clientId);
      if (winner) return { screening: await replay(c, winner, row.personId), created: false };
    }
    throw err;
  }
}

/**
 * Many plain captures (see `isPlain`) in one statement, each with its audit
 * row; returns the new ids by clientId. All or none: on any error nothing is
 * stored, and the caller stores them one by one instead.
 */
export async function storePlainMany(
  c: ScreeningContext,
  rows: NewScreening[],
): Promise<Map<string, string>> {
  const made = await insertAuditedMany(c.db, rows, c.actor.userId);
  return new Map(made.map((m) => [m.clientId, m.id]));
}

/** The stored screening for a repeated clientId, if it is the same person's and visible to the actor. */
async function replay(c: ScreeningContext, earlier: ScreeningRow, personId: string): Promise<Screening> {
  const person = await visiblePerson(c, earlier.personId);
  if (earlier.personId !== personId) throw conflict('client_id_reused', {}, 'clientId');
  await audit(c.db, c.actor, {
    action: 'screening.read',
    entity: 'screening',
    entityId: earlier.id,
    areaCode: earlier.areaCode,
    groupId: person.groupId,
    subjectIds: [person.id],
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
    groupId: person.groupId,
    subjectIds: [personId],
    detail: { count: page.items.length, ...(q.instrument ? { instrument: q.instrument } : {}) },
  });
  return { items: page.items.map(toScreeningDto), nextCursor: page.nextCursor };
}

export async function getScreening(c: ScreeningContext, id: string): Promise<ScreeningDetail> {
  const row = await findScreening(c.db, id);
  if (!row) throw notFound();
  const person = await visiblePerson(c, row.personId);
  const detail = await withRevisions(c, row);
  await audit(c.db, c.actor, {
    action: 'screening.read',
    entity: 'screening',
    entityId: id,
    areaCode: row.areaCode,
    groupId: person.groupId,
    subjectIds: [row.personId],
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
  await ensurePersonAccess(accessOf(c), 'screening.update', person);

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
      const adlGroup = adlGroupOf(next.instrument, next.results);
      if (adlGroup) {
        await correctAdl(tx, {
          personId: person.id,
          screeningId: id,
          takenAt: next.takenAt,
          group: adlGroup,
        });
      }
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
        groupId: person.groupId,
        subjectIds: [person.id],
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
