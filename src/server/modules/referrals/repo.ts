import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { ReferralStatus } from '../../../core/schemas/index.ts';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../../../core/services/referral.ts';
import type { Db } from '../../db/client.ts';
import { consents, persons, referrals, users } from '../../db/schema.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;

export const SUBJECT = 'referral';

export async function findReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id)).limit(1);
  return row;
}

export async function findByClientId(db: Db, clientId: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.clientId, clientId)).limit(1);
  return row;
}

/** The row, locked until the transaction ends: two moves of one referral never interleave. */
export async function lockReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return row;
}

export async function insertReferral(db: Db, values: ReferralInsert): Promise<ReferralRow> {
  const [row] = await db.insert(referrals).values(values).returning();
  return row!;
}

/** `open`/`closed` or one status; the overdue filter is the core rule in SQL (open and past due). */
export function statusFilter(status: ReferralStatus | 'open' | 'closed' | undefined): SQL | undefined {
  if (!status) return undefined;
  if (status === 'open') return inArray(referrals.status, [...OPEN_STATUSES]);
  if (status === 'closed') return inArray(referrals.status, [...CLOSED_STATUSES]);
  return eq(referrals.status, status);
}

export const overdueFilter = (now: Date): SQL =>
  and(inArray(referrals.status, [...OPEN_STATUSES]), lt(referrals.dueAt, now.toISOString()))!;

/** Emergency first, then urgent, then routine (core URGENCY_RANK), as a sortable SQL value. */
export const urgencyRank = sql<number>`(case ${referrals.urgency} when 'emergency' then 0 when 'urgent' then 1 else 2 end)`;

/** An organisation's incoming queue: the most urgent first, then the soonest due. */
export async function incoming(
  db: Db,
  organizationId: string,
  filters: SQL[],
  after: [number, string, string] | null,
  limit: number,
): Promise<ReferralRow[]> {
  const where = [eq(referrals.toOrganizationId, organizationId), ...filters];
  if (after) {
    where.push(
      sql`(${urgencyRank}, ${referrals.dueAt}, ${referrals.id}) > (${after[0]}::int, ${after[1]}::timestamptz, ${after[2]}::uuid)`,
    );
  }
  return db
    .select()
    .from(referrals)
    .where(and(...where))
    .orderBy(urgencyRank, asc(referrals.dueAt), asc(referrals.id))
    .limit(limit + 1);
}

/** What one user sent, newest first. */
export async function sentBy(
  db: Db,
  userId: string,
  filters: SQL[],
  after: [string, string] | null,
  limit: number,
): Promise<ReferralRow[]> {
  return newestFirst(db, [eq(referrals.fromUserId, userId), ...filters], after, limit);
}

/** One person's referrals, newest first. */
export async function ofPerson(
  db: Db,
  personId: string,
  after: [string, string] | null,
  limit: number,
): Promise<ReferralRow[]> {
  return newestFirst(db, [eq(referrals.personId, personId)], after, limit);
}

async function newestFirst(db: Db, where: SQL[], after: [string, string] | null, limit: number) {
  if (after) {
    where.push(
      sql`(${referrals.createdAt}, ${referrals.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    );
  }
  return db
    .select()
    .from(referrals)
    .where(and(...where))
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(limit + 1);
}

/** The incoming queue in numbers (no rows leave the database). */
export async function countsFor(db: Db, organizationId: string, now: Date) {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${referrals.status} = 'sent')`,
      open: sql<number>`count(*)`,
      overdue: sql<number>`count(*) filter (where ${referrals.dueAt} < ${now.toISOString()}::timestamptz)`,
    })
    .from(referrals)
    .where(
      and(eq(referrals.toOrganizationId, organizationId), inArray(referrals.status, [...OPEN_STATUSES])),
    );
  return {
    waiting: Number(row?.waiting ?? 0),
    open: Number(row?.open ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}

async function namesOf<T extends { id: string; name: string }>(
  ids: readonly (string | null)[],
  load: (wanted: string[]) => Promise<T[]>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  return new Map((await load(wanted)).map((r) => [r.id, r.name]));
}

export const userNames = (db: Db, ids: readonly (string | null)[]) =>
  namesOf(ids, (wanted) =>
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted)),
  );

export interface PersonBrief {
  id: string;
  areaCode: string;
  villageCode: string | null;
  firstName: string;
  lastName: string;
  sex: string;
  birthDate: string;
}

export async function personsByIds(db: Db, ids: readonly string[]): Promise<Map<string, PersonBrief>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: persons.id,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
      firstName: persons.firstName,
      lastName: persons.lastName,
      sex: persons.sex,
      birthDate: persons.birthDate,
    })
    .from(persons)
    .where(inArray(persons.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The people whose current consent to share with agencies (`share_agencies`, the latest record) names
 * this organisation: the receiving team sees them by name (`taskView`).
 */
export async function sharingWith(db: Db, organizationId: string, personIds: string[]): Promise<Set<string>> {
  const wanted = [...new Set(personIds)];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectDistinctOn([consents.personId], {
      personId: consents.personId,
      granted: consents.granted,
      agencies: consents.agencies,
    })
    .from(consents)
    .where(and(inArray(consents.personId, wanted), eq(consents.purpose, 'share_agencies')))
    .orderBy(consents.personId, desc(consents.recordedAt), desc(consents.id));
  return new Set(rows.filter((r) => r.granted && r.agencies.includes(organizationId)).map((r) => r.personId));
}
