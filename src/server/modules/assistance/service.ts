import type { Actor } from '../../../core/policy/index.ts';
import type {
  AssistanceCreate,
  AssistanceKind,
  AssistancePage,
  AssistanceRecent,
  AssistanceRecord,
} from '../../../core/schemas/assistance.ts';
import {
  type DuplicateWindows,
  givenOnProblem,
  OLDEST_YEARS,
  probableDuplicates,
  recentHelp,
  widestWindow,
  windowAround,
} from '../../../core/services/assistance.ts';
import type { Db } from '../../db/client.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import type { Lang } from '../../http/messages.ts';
import { conflict, type FieldError, notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { type Access, ensurePersonAccess } from '../groups/access.ts';
import { findPerson, type PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { lockPerson } from '../plans/repo.ts';
import { isoOf } from '../screenings/iso.ts';
import {
  type AssistanceRow,
  findByClientId,
  findOrganizations,
  helpBetween,
  helpOfPerson,
  insertAssistance,
  type NamedOrganization,
  summaryOfPerson,
} from './repo.ts';

export interface AssistanceContext {
  db: Db;
  actor: Actor;
  lang: Lang;
  /** Today in Thailand (ISO date): help cannot be given after it. */
  today: string;
  /** The duplicate windows in force (defaults with the configured override). */
  windows: DuplicateWindows;
}

type LedgerAction = 'assistance.record' | 'service.readHistory';

/** The person, if the actor may take `action` on them; 404 otherwise (existence does not leak). */
async function personFor(
  c: AssistanceContext,
  personId: string,
  action: LedgerAction,
): Promise<{ person: PersonRow; access: Access }> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess({ db: c.db, actor: c.actor, today: c.today }, action, person);
  return { person, access };
}

export const nameIn = (lang: Lang, o: { name: string; nameEn: string | null } | undefined) =>
  o ? (lang === 'en' && o.nameEn ? o.nameEn : o.name) : '';

/** The API shape of ledger rows, with their organisations' names (one query for all). */
async function recordsOf(c: AssistanceContext, rows: readonly AssistanceRow[]): Promise<AssistanceRecord[]> {
  const orgs = await findOrganizations(
    c.db,
    rows.map((r) => r.organizationId),
  );
  return rows.map((r) => recordOf(r, orgs.get(r.organizationId), c.lang));
}

function recordOf(r: AssistanceRow, org: NamedOrganization | undefined, lang: Lang): AssistanceRecord {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind as AssistanceKind,
    description: r.description,
    value: r.value,
    givenOn: r.givenOn,
    organizationId: r.organizationId,
    organizationName: nameIn(lang, org),
    fundingSource: r.fundingSource,
    duplicateConfirmed: r.duplicateConfirmed,
    recordedBy: r.recordedBy,
    createdAt: isoOf(r.createdAt),
  };
}

/** Audit detail of a person's ledger: kinds and counts only (never a name or what was written). */
function auditPerson(person: PersonRow, access: Access) {
  return { areaCode: person.areaCode, groupId: access.groupId, subjectIds: [person.id] };
}

// ---------------------------------------------------------------------------------------------
// Recording help

/**
 * Records one piece of help. Before storing, the person's help of the same kind inside the kind's
 * window is looked up under a lock on the person (two phones cannot both slip past it); if there is
 * any and the recorder did not confirm, 409 with those records (`similar`). A retried clientId
 * answers the stored record (created: false).
 */
export async function recordAssistance(
  c: AssistanceContext,
  input: AssistanceCreate,
): Promise<{ record: AssistanceRecord; created: boolean }> {
  const earlier = await findByClientId(c.db, input.clientId);
  if (earlier) return { record: await replay(c, earlier, input.personId), created: false };

  const { person, access } = await personFor(c, input.personId, 'assistance.record');
  if (person.mergedInto) throw ruleBroken('merged_record');
  const errors: FieldError[] = [];
  const dateProblem = givenOnProblem(input.givenOn, c.today);
  if (dateProblem) errors.push({ path: 'givenOn', detail: dateProblem, params: { years: OLDEST_YEARS } });
  const org = (await findOrganizations(c.db, [input.organizationId])).get(input.organizationId);
  if (!org) errors.push({ path: 'organizationId', detail: 'assistance_organization_unknown' });
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);

  const days = c.windows[input.kind];
  const { from, to } = windowAround(input.givenOn, days);
  let outcome:
    | { stored: AssistanceRow; similar: number }
    | { similar: AssistanceRow[] }
    | { replayed: AssistanceRow };
  try {
    outcome = await c.db.transaction(async (tx) => {
      await lockPerson(tx, person.id);
      // The same clientId may have been stored while this request waited for the lock.
      const replayed = await findByClientId(tx, input.clientId);
      if (replayed) return { replayed };
      const nearby = await helpBetween(tx, person.id, from, to, input.kind);
      const similar = probableDuplicates(input, nearby, c.windows);
      if (similar.length > 0 && input.confirmDuplicate !== true) return { similar };
      const stored = await insertAssistance(tx, {
        personId: person.id,
        areaCode: person.areaCode,
        villageCode: person.villageCode,
        kind: input.kind,
        description: input.description,
        value: input.value ?? null,
        givenOn: input.givenOn,
        organizationId: org!.id,
        fundingSource: input.fundingSource ?? null,
        // Only when there was something to confirm: the flag says "seen, and given anyway".
        duplicateConfirmed: similar.length > 0,
        recordedBy: c.actor.userId,
        clientId: input.clientId,
      });
      await audit(tx, c.actor, {
        action: 'assistance.record',
        entity: 'assistance',
        entityId: stored.id,
        ...auditPerson(person, access),
        detail: { kind: input.kind, duplicateConfirmed: stored.duplicateConfirmed, similar: similar.length },
      });
      return { stored, similar: similar.length };
    });
  } catch (err) {
    // The same clientId sent twice at once: the loser answers what the winner stored.
    if (uniqueViolation(err)) {
      const winner = await findByClientId(c.db, input.clientId);
      if (winner) return { record: await replay(c, winner, input.personId), created: false };
    }
    throw err;
  }

  if ('replayed' in outcome)
    return { record: await replay(c, outcome.replayed, input.personId), created: false };
  if ('stored' in outcome) return { record: recordOf(outcome.stored, org, c.lang), created: true };
  // The earlier help is shown to the recorder: a read of the person's ledger, audited as such.
  const similar = await recordsOf(c, outcome.similar);
  await audit(c.db, c.actor, {
    action: 'assistance.similar',
    entity: 'person',
    entityId: person.id,
    ...auditPerson(person, access),
    detail: { kind: input.kind, count: similar.length, windowDays: days },
  });
  throw new Problem(
    409,
    'conflict',
    'assistance_probable_duplicate',
    { count: similar.length, days },
    [],
    {},
    { similar, windowDays: days },
  );
}

/** A retried record: the stored one, if it is for the same person and the actor may read it. */
async function replay(c: AssistanceContext, row: AssistanceRow, personId: string): Promise<AssistanceRecord> {
  const { person, access } = await personFor(c, row.personId, 'service.readHistory');
  if (row.personId !== personId) throw conflict('client_id_reused', {}, 'clientId');
  const [record] = await recordsOf(c, [row]);
  await audit(c.db, c.actor, {
    action: 'assistance.read',
    entity: 'assistance',
    entityId: row.id,
    ...auditPerson(person, access),
    detail: { kind: row.kind, replay: true },
  });
  return record!;
}

// ---------------------------------------------------------------------------------------------
// Reading a person's ledger

/** The person's ledger, newest first, with how many times and how much they were helped in all. */
export async function listAssistance(
  c: AssistanceContext,
  personId: string,
  q: { limit: number; cursor?: string; kind?: AssistanceKind },
): Promise<AssistancePage> {
  const { person, access } = await personFor(c, personId, 'service.readHistory');
  const after = decodeCursor(q.cursor, 3) as [string, string, string] | null;
  const rows = await helpOfPerson(c.db, person.id, after, q.limit, q.kind);
  const page = pageOf(rows, q.limit, (last) => [last.givenOn, isoOf(last.createdAt), last.id]);
  const [items, summary] = await Promise.all([
    recordsOf(c, page.items),
    summaryOfPerson(c.db, person.id, q.kind),
  ]);
  await audit(c.db, c.actor, {
    action: 'assistance.list',
    entity: 'person',
    entityId: person.id,
    ...auditPerson(person, access),
    detail: { count: items.length, ...(q.kind ? { kind: q.kind } : {}) },
  });
  return { items, nextCursor: page.nextCursor, summary };
}

/**
 * What the person received inside the duplicate window of a day (today unless `on` is given): what the
 * form shows before anything is recorded, by the same rule as the 409.
 */
export async function recentAssistance(
  c: AssistanceContext,
  personId: string,
  q: { kind?: AssistanceKind; on?: string },
): Promise<AssistanceRecent> {
  const { person, access } = await personFor(c, personId, 'service.readHistory');
  const on = q.on ?? c.today;
  const days = q.kind ? c.windows[q.kind] : widestWindow(c.windows);
  const { from, to } = windowAround(on, days);
  const nearby = await helpBetween(c.db, person.id, from, to, q.kind);
  const items = await recordsOf(c, recentHelp(nearby, on, c.windows, q.kind));
  await audit(c.db, c.actor, {
    action: 'assistance.recent',
    entity: 'person',
    entityId: person.id,
    ...auditPerson(person, access),
    detail: { count: items.length, ...(q.kind ? { kind: q.kind } : {}) },
  });
  return { on, windows: { ...c.windows }, items };
}

/** For the totals: the policy's say on an area or an organisation (throws 403/404). */
export function ensureTotalsAllowed(
  actor: Actor,
  scope: { kind: 'area'; code: string } | { kind: 'organization'; id: string },
) {
  if (scope.kind === 'area') ensureAllowed(actor, { action: 'assistance.report', areaCode: scope.code });
  else ensureAllowed(actor, { action: 'assistance.organization', organizationId: scope.id });
}
