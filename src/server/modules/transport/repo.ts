/** SQL of transport requests and their status history (`service_event`, subject "transport"). */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { openTransportStatuses } from '../../../core/services/transport.ts';
import type { Db } from '../../db/client.ts';
import { consents, organizations, persons, transportRequests, users } from '../../db/schema.ts';

export type TransportRow = typeof transportRequests.$inferSelect;

export const SUBJECT = 'transport';

export async function findTransport(db: Db, id: string): Promise<TransportRow | undefined> {
  const [row] = await db.select().from(transportRequests).where(eq(transportRequests.id, id)).limit(1);
  return row;
}

export async function findTransportByClientId(db: Db, clientId: string): Promise<TransportRow | undefined> {
  const [row] = await db
    .select()
    .from(transportRequests)
    .where(eq(transportRequests.clientId, clientId))
    .limit(1);
  return row;
}

/** The row, locked until the transaction ends: two answers to one request queue up. */
export async function lockTransport(db: Db, id: string): Promise<TransportRow | undefined> {
  const [row] = await db.select().from(transportRequests).where(eq(transportRequests.id, id)).for('update');
  return row;
}

export interface ListPage {
  after: [string, string] | null;
  limit: number;
  status?: string;
}

function statusFilter(status: string | undefined): SQL | undefined {
  if (!status) return undefined;
  if (status === 'open') return inArray(transportRequests.status, [...openTransportStatuses]);
  return eq(transportRequests.status, status);
}

/** A provider's queue: soonest pick-up first (index provider, status, pickup_at). */
export async function providerQueue(db: Db, organizationId: string, p: ListPage) {
  const where: (SQL | undefined)[] = [
    eq(transportRequests.providerOrganizationId, organizationId),
    statusFilter(p.status),
  ];
  if (p.after) {
    where.push(
      sql`(${transportRequests.pickupAt}, ${transportRequests.id}) > (${p.after[0]}::timestamptz, ${p.after[1]}::uuid)`,
    );
  }
  return db
    .select()
    .from(transportRequests)
    .where(and(...where))
    .orderBy(asc(transportRequests.pickupAt), asc(transportRequests.id))
    .limit(p.limit + 1);
}

/** The requests one user made: newest first (index requested_by, created_at). */
export async function requestedBy(db: Db, userId: string, p: ListPage) {
  const where: (SQL | undefined)[] = [eq(transportRequests.requestedBy, userId), statusFilter(p.status)];
  if (p.after) {
    where.push(
      sql`(${transportRequests.createdAt}, ${transportRequests.id}) < (${p.after[0]}::timestamptz, ${p.after[1]}::uuid)`,
    );
  }
  return db
    .select()
    .from(transportRequests)
    .where(and(...where))
    .orderBy(desc(transportRequests.createdAt), desc(transportRequests.id))
    .limit(p.limit + 1);
}

/** One person's rides, the latest pick-up first (index person_id, pickup_at). */
export async function ofPerson(db: Db, personId: string, p: ListPage) {
  const where: SQL[] = [eq(transportRequests.personId, personId)];
  if (p.after) {
    where.push(
      sql`(${transportRequests.pickupAt}, ${transportRequests.id}) < (${p.after[0]}::timestamptz, ${p.after[1]}::uuid)`,
    );
  }
  return db
    .select()
    .from(transportRequests)
    .where(and(...where))
    .orderBy(desc(transportRequests.pickupAt), desc(transportRequests.id))
    .limit(p.limit + 1);
}

const wanted = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => Boolean(x)))];

export async function requesters(db: Db, ids: string[]) {
  const list = wanted(ids);
  if (list.length === 0) return new Map<string, { displayName: string; organizationName: string | null }>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, organizationName: organizations.name })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, list));
  return new Map(
    rows.map((r) => [r.id, { displayName: r.displayName, organizationName: r.organizationName }]),
  );
}

export interface PersonBrief {
  id: string;
  firstName: string;
  lastName: string;
  areaCode: string;
  villageCode: string | null;
}

/** The people of some requests where they live now (what the policy judges), with their names. */
export async function peopleOf(db: Db, ids: string[]): Promise<PersonBrief[]> {
  const list = wanted(ids);
  if (list.length === 0) return [];
  return db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      areaCode: persons.areaCode,
      villageCode: persons.villageCode,
    })
    .from(persons)
    .where(inArray(persons.id, list));
}

/**
 * The people whose current consent to share with agencies (`share_agencies`, the latest record)
 * names this organisation.
 */
export async function sharingWith(db: Db, organizationId: string, personIds: string[]): Promise<Set<string>> {
  const list = wanted(personIds);
  if (list.length === 0) return new Set();
  const rows = await db
    .selectDistinctOn([consents.personId], {
      personId: consents.personId,
      granted: consents.granted,
      agencies: consents.agencies,
    })
    .from(consents)
    .where(and(inArray(consents.personId, list), eq(consents.purpose, 'share_agencies')))
    .orderBy(consents.personId, desc(consents.recordedAt), desc(consents.id));
  return new Set(rows.filter((r) => r.granted && r.agencies.includes(organizationId)).map((r) => r.personId));
}
