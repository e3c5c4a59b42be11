import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { alerts, auditLog, persons, screeningRevisions, screenings } from '../../db/schema.ts';
import { alertRecipientsQuery, coveringCodes } from '../inbox/repo.ts';
import type { PersonRow } from '../persons/repo.ts';

export type ScreeningRow = typeof screenings.$inferSelect;
export type ScreeningInsert = typeof screenings.$inferInsert;
export type RevisionRow = typeof screeningRevisions.$inferSelect;

export async function findScreening(db: Db, id: string): Promise<ScreeningRow | undefined> {
  const [row] = await db.select().from(screenings).where(eq(screenings.id, id)).limit(1);
  return row;
}

export async function findByClientId(db: Db, clientId: string): Promise<ScreeningRow | undefined> {
  const [row] = await db.select().from(screenings).where(eq(screenings.clientId, clientId)).limit(1);
  return row;
}

export async function findByClientIds(db: Db, clientIds: string[]): Promise<ScreeningRow[]> {
  if (clientIds.length === 0) return [];
  return db.select().from(screenings).where(inArray(screenings.clientId, clientIds));
}

export async function insertScreening(db: Db, row: ScreeningInsert): Promise<ScreeningRow> {
  const [inserted] = await db.insert(screenings).values(row).returning();
  return inserted!;
}

/** What a capture needs of the person: who, where (for the policy and the alerts), born when, merged or not. */
export type CapturePerson = Pick<PersonRow, 'id' | 'areaCode' | 'villageCode' | 'birthDate' | 'mergedInto'>;

/** A new screening as `prepare` builds it: every column the capture sets (a capture always has a clientId). */
export type NewScreening = Required<
  Pick<
    ScreeningInsert,
    | 'personId'
    | 'areaCode'
    | 'instrument'
    | 'version'
    | 'takenAt'
    | 'takenMonth'
    | 'method'
    | 'takenBy'
    | 'answers'
    | 'scores'
    | 'levels'
    | 'results'
    | 'flags'
    | 'followUps'
    | 'followUpInstruments'
  >
> & { clientId: string };

/** The audit row of a screening stored by `insertAudited`; its entity id is the new screening's. */
export interface CreateAudit {
  actorId: string | null;
  action: string;
  detail: Record<string, unknown>;
  subjectIds: string[];
}

/**
 * Statements prepared once per database (named, so PostgreSQL parses and
 * plans them once per connection): the capture's hot path builds no SQL.
 */
const statements = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

function prepared(db: Db) {
  let found = statements.get(db);
  if (!found) {
    found = prepareStatements(db);
    statements.set(db, found);
  }
  return found;
}

function prepareStatements(db: Db) {
  const p = sql.placeholder;
  const lookup = db
    .select({
      id: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      birthDate: persons.birthDate,
      mergedInto: persons.mergedInto,
      earlierId: screenings.id,
    })
    .from(persons)
    .leftJoin(screenings, eq(screenings.clientId, p('clientId')))
    .where(eq(persons.id, p('personId')))
    .limit(1)
    .prepare('screening_capture_lookup');

  const columns = [
    'personId',
    'areaCode',
    'instrument',
    'version',
    'takenAt',
    'takenMonth',
    'method',
    'takenBy',
    'clientId',
    'answers',
    'scores',
    'levels',
    'results',
    'flags',
    'followUps',
    'followUpInstruments',
  ] as const satisfies readonly (keyof NewScreening)[];
  const inserted = db.$with('inserted').as(
    db
      .insert(screenings)
      .values(Object.fromEntries(columns.map((k) => [k, p(k)])) as unknown as ScreeningInsert)
      .returning({
        id: screenings.id,
        revision: screenings.revision,
        createdAt: screenings.createdAt,
        updatedAt: screenings.updatedAt,
      }),
  );
  const audited = db.$with('audited').as(
    db.insert(auditLog).values({
      actorId: p('auditActorId'),
      action: p('auditAction'),
      entity: 'screening',
      entityId: sql`(select ${inserted.id}::text from ${inserted})`,
      areaCode: p('areaCode'),
      outcome: 'ok',
      detail: p('auditDetail'),
      subjectIds: p('auditSubjectIds'),
    }),
  );
  const insertAudited = db
    .with(inserted, audited)
    .select()
    .from(inserted)
    .prepare('screening_insert_audited');

  // A capture that raises alerts: the same, plus one alert per recipient and flag; the audit row
  // counts the alerts made, as `raiseAlerts` and `audit` would inside a transaction.
  const alerted = db.$with('alerted', { id: alerts.id }).as(
    sql`insert into ${alerts} (recipient_id, kind, person_id, screening_id, area_code, instrument, flag, urgent)
      select r.id, 'alert', ${p('personId')}::uuid, i.id, ${p('areaCode')}::text, ${p('instrument')}::text,
             f.flag, f.urgent
        from inserted i
       cross join (${alertRecipientsQuery(p('alertCovering'), p('takenBy'))}) r
       cross join unnest(${p('alertFlags')}::text[], ${p('alertUrgent')}::boolean[]) as f(flag, urgent)
      on conflict (screening_id, recipient_id, flag) do nothing
      returning ${alerts.id}`,
  );
  const alertedAudit = db.$with('audited').as(
    db.insert(auditLog).values({
      actorId: p('auditActorId'),
      action: p('auditAction'),
      entity: 'screening',
      entityId: sql`(select ${inserted.id}::text from ${inserted})`,
      areaCode: p('areaCode'),
      outcome: 'ok',
      detail: sql`${p('auditDetail')}::jsonb || jsonb_build_object('alerts', (select count(*)::int from ${alerted}))`,
      subjectIds: p('auditSubjectIds'),
    }),
  );
  const insertAlerted = db
    .with(inserted, alerted, alertedAudit)
    .select()
    .from(inserted)
    .prepare('screening_insert_alerted');
  return { lookup, insertAudited, insertAlerted };
}

/**
 * Stores a screening and its audit row in one statement (two data-modifying
 * CTEs commit or fail together, without BEGIN and COMMIT round trips): the
 * path of every capture that raises no alert and moves no ADL group. Only
 * what the database made (id, revision, timestamps) comes back; the rest is
 * what was stored.
 */
export async function insertAudited(db: Db, row: NewScreening, entry: CreateAudit): Promise<ScreeningRow> {
  const [made] = await prepared(db).insertAudited.execute({
    ...row,
    auditActorId: entry.actorId,
    auditAction: entry.action,
    auditDetail: entry.detail,
    auditSubjectIds: entry.subjectIds,
  });
  return { ...row, ...made!, revisionReason: null, revisedBy: null, revisedAt: null };
}

/** The alerts of a screening stored by `insertAlerted`: its red flags, to whom `alertRecipientsQuery` says. */
export interface CreateAlerts {
  /** The person's place (village, else subdistrict): whose area admins are alerted. */
  place: string;
  raised: readonly { flag: string; urgent: boolean }[];
}

/**
 * Stores a screening, its alerts and its audit row in one statement (no BEGIN and COMMIT round trips):
 * the path of a capture that raises alerts and moves no ADL group. The screener (`takenBy`) is alerted
 * while their account is active, with the area admins covering the place. The audit detail's `alerts`
 * is the number of alerts made, counted by the statement itself.
 */
export async function insertAlerted(
  db: Db,
  row: NewScreening,
  raising: CreateAlerts,
  entry: CreateAudit,
): Promise<ScreeningRow> {
  const [made] = await prepared(db).insertAlerted.execute({
    ...row,
    alertCovering: coveringCodes(raising.place),
    alertFlags: raising.raised.map((r) => r.flag),
    alertUrgent: raising.raised.map((r) => r.urgent),
    auditActorId: entry.actorId,
    auditAction: entry.action,
    // Merged into jsonb by the statement itself, so sent as JSON text (the column mapping does not apply).
    auditDetail: JSON.stringify(entry.detail),
    auditSubjectIds: entry.subjectIds,
  });
  return { ...row, ...made!, revisionReason: null, revisedBy: null, revisedAt: null };
}

/**
 * Many screenings and their audit rows in one statement (a phone's batch).
 * The audit rows are built from the inserted rows, with the same detail
 * `insertAudited` writes: ids and codes, never answers.
 */
export async function insertAuditedMany(
  db: Db,
  rows: NewScreening[],
  actorId: string | null,
): Promise<{ id: string; clientId: string }[]> {
  if (rows.length === 0) return [];
  const insert = db.insert(screenings).values(rows).returning({
    id: screenings.id,
    clientId: screenings.clientId,
    personId: screenings.personId,
    areaCode: screenings.areaCode,
    instrument: screenings.instrument,
    version: screenings.version,
  });
  const result = await db.execute(sql`with inserted as (${insert}), audited as (
      insert into ${auditLog} (actor_id, action, entity, entity_id, area_code, outcome, detail, subject_ids)
      select ${actorId}::uuid, 'screening.create', 'screening', i.id::text, i.area_code, 'ok',
             jsonb_build_object('personId', i.person_id, 'instrument', i.instrument, 'version', i.version, 'alerts', 0),
             array[i.person_id]
        from inserted i
    )
    select id, client_id as "clientId" from inserted`);
  return (result as unknown as { rows: { id: string; clientId: string }[] }).rows;
}

/**
 * What a capture needs to know, in one statement: the person, and the id of
 * the screening already stored under the clientId (a retry), if any. When
 * the person is unknown the clientId is looked up on its own (a rare path).
 */
export async function captureLookup(
  db: Db,
  personId: string,
  clientId: string,
): Promise<{ person: CapturePerson | null; earlier: ScreeningRow | null }> {
  const [row] = await prepared(db).lookup.execute({ personId, clientId });
  if (!row) return { person: null, earlier: (await findByClientId(db, clientId)) ?? null };
  const { earlierId, ...person } = row;
  return { person, earlier: earlierId ? ((await findScreening(db, earlierId)) ?? null) : null };
}

/** A person's screenings, newest first, by keyset on (taken_at, id). */
export async function screeningsOfPerson(
  db: Db,
  q: { personId: string; instrument?: string; after: [string, string] | null; limit: number },
): Promise<ScreeningRow[]> {
  const where: SQL[] = [eq(screenings.personId, q.personId)];
  if (q.instrument) where.push(eq(screenings.instrument, q.instrument));
  if (q.after) {
    where.push(
      sql`(${screenings.takenAt}, ${screenings.id}) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)`,
    );
  }
  return db
    .select()
    .from(screenings)
    .where(and(...where))
    .orderBy(desc(screenings.takenAt), desc(screenings.id))
    .limit(q.limit + 1);
}

/** Superseded revisions, newest first. */
export async function revisionsOf(db: Db, screeningId: string): Promise<RevisionRow[]> {
  return db
    .select()
    .from(screeningRevisions)
    .where(eq(screeningRevisions.screeningId, screeningId))
    .orderBy(desc(screeningRevisions.revision));
}

/** Which screening a correction's clientId was used on, if any. */
export async function revisedByClientId(db: Db, clientId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ screeningId: screeningRevisions.screeningId })
    .from(screeningRevisions)
    .where(eq(screeningRevisions.supersededByClientId, clientId))
    .limit(1);
  return row?.screeningId;
}

/** Locks the row for a correction, so that two corrections never both become revision n + 1. */
export async function lockScreening(db: Db, id: string): Promise<ScreeningRow | undefined> {
  const [row] = await db.select().from(screenings).where(eq(screenings.id, id)).for('update');
  return row;
}

export interface NextRevision {
  answers: Record<string, unknown>;
  scores: Record<string, number>;
  levels: Record<string, string>;
  results: unknown[];
  flags: string[];
  followUps: unknown[];
  followUpInstruments: string[];
  reason: string;
  madeBy: string;
  clientId: string | null;
}

/** Keeps the current revision as it was, then makes the next one current. */
export async function supersede(db: Db, current: ScreeningRow, next: NextRevision): Promise<ScreeningRow> {
  await db.insert(screeningRevisions).values({
    screeningId: current.id,
    areaCode: current.areaCode,
    revision: current.revision,
    version: current.version,
    answers: current.answers,
    scores: current.scores,
    levels: current.levels,
    results: current.results,
    flags: current.flags,
    followUps: current.followUps,
    reason: current.revisionReason,
    madeBy: current.revisedBy ?? current.takenBy,
    madeAt: current.revisedAt ?? current.createdAt,
    supersededByClientId: next.clientId,
  });
  const [row] = await db
    .update(screenings)
    .set({
      revision: current.revision + 1,
      revisionReason: next.reason,
      revisedBy: next.madeBy,
      revisedAt: sql`now()`,
      answers: next.answers,
      scores: next.scores,
      levels: next.levels,
      results: next.results,
      flags: next.flags,
      followUps: next.followUps,
      followUpInstruments: next.followUpInstruments,
      updatedAt: sql`now()`,
    })
    .where(eq(screenings.id, current.id))
    .returning();
  return row!;
}

/** The people of a batch in one query. */
export async function personsByIds(db: Db, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(persons).where(inArray(persons.id, ids));
}

/** What a Barthel ADL screening says about the person: kept on the person row. */
export interface AdlResult {
  personId: string;
  screeningId: string;
  takenAt: string;
  group: string;
}

/**
 * Keeps the person's ADL group when this screening is their latest ADL by
 * (taken_at, id). The comparison with the person's own columns holds under
 * concurrent captures (the row is re-checked after a wait on its lock); the
 * look at older screenings covers ones stored before the columns existed.
 */
export async function recordLatestAdl(db: Db, adl: AdlResult, instrument: string): Promise<boolean> {
  const rows = await db
    .update(persons)
    .set({ adlGroup: adl.group, adlScreeningId: adl.screeningId, adlTakenAt: adl.takenAt })
    .where(
      and(
        eq(persons.id, adl.personId),
        sql`(${persons.adlTakenAt} is null or (${persons.adlTakenAt}, ${persons.adlScreeningId}) < (${adl.takenAt}::timestamptz, ${adl.screeningId}::uuid))`,
        sql`not exists (select 1 from ${screenings} s where s.person_id = ${adl.personId}::uuid and s.instrument = ${instrument} and (s.taken_at, s.id) > (${adl.takenAt}::timestamptz, ${adl.screeningId}::uuid))`,
      ),
    )
    .returning({ id: persons.id });
  return rows.length > 0;
}

/** A corrected ADL screening moves the person's group only if it is the one the person shows. */
export async function correctAdl(db: Db, adl: AdlResult): Promise<boolean> {
  const rows = await db
    .update(persons)
    .set({ adlGroup: adl.group })
    .where(and(eq(persons.id, adl.personId), eq(persons.adlScreeningId, adl.screeningId)))
    .returning({ id: persons.id });
  return rows.length > 0;
}
