import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { persons, screeningRevisions, screenings } from '../../db/schema.ts';
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
