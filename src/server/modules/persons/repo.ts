import { and, asc, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, consents, personRevisions, persons, users } from '../../db/schema.ts';

export type PersonRow = typeof persons.$inferSelect;
export type PersonInsert = typeof persons.$inferInsert;

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id)).limit(1);
  return row;
}

export async function findByHash(db: Db, hash: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.nationalIdHash, hash), isNull(persons.mergedInto)))
    .limit(1);
  return row;
}

export async function findByClientId(db: Db, clientId: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.clientId, clientId)).limit(1);
  return row;
}

/**
 * Probable duplicates: a similar name with the same birth date, or the same
 * house in the same village. Only live records, never the person itself.
 */
export async function probableMatches(
  db: Db,
  p: {
    firstName: string;
    lastName: string;
    birthDate: string;
    areaCode: string;
    villageCode: string | null;
    houseNo: string | null;
  },
  excludeId?: string,
): Promise<PersonRow[]> {
  const fullName = `${p.firstName} ${p.lastName}`;
  const similarName = (threshold: number) =>
    sql`similarity(${persons.firstName} || ' ' || ${persons.lastName}, ${fullName}) > ${threshold}`;
  const sameBirth = and(eq(persons.birthDate, p.birthDate), similarName(0.4));
  // Family members share a house; only a similar name there suggests the same person twice.
  const sameHouse =
    p.houseNo && p.villageCode
      ? and(eq(persons.villageCode, p.villageCode), eq(persons.houseNo, p.houseNo), similarName(0.5))
      : undefined;
  const where: SQL[] = [isNull(persons.mergedInto), or(sameBirth, sameHouse)!];
  if (excludeId) where.push(sql`${persons.id} <> ${excludeId}`);
  return db
    .select()
    .from(persons)
    .where(and(...where))
    .limit(10);
}

export interface PersonFilter {
  scopes: readonly string[] | 'all';
  q?: string;
  qHash?: string;
  area?: string;
  householdId?: string;
  vulnerability?: string;
  sex?: string;
  bornAfter?: string;
  bornOnOrBefore?: string;
  elderlyBornOnOrBefore?: string;
  after: [string, string, string] | null;
  offset: number;
  limit: number;
}

export async function searchPersons(db: Db, f: PersonFilter): Promise<PersonRow[]> {
  const where: SQL[] = [isNull(persons.mergedInto)];
  if (f.scopes !== 'all') {
    if (f.scopes.length === 0) return [];
    where.push(or(...f.scopes.map((s) => scopeCondition(s)))!);
  }
  if (f.area) where.push(scopeCondition(f.area));
  if (f.householdId) where.push(eq(persons.householdId, f.householdId));
  if (f.sex) where.push(eq(persons.sex, f.sex));
  if (f.bornAfter) where.push(sql`${persons.birthDate} > ${f.bornAfter}`);
  if (f.bornOnOrBefore) where.push(sql`${persons.birthDate} <= ${f.bornOnOrBefore}`);
  if (f.vulnerability === 'elderly' && f.elderlyBornOnOrBefore) {
    where.push(sql`${persons.birthDate} <= ${f.elderlyBornOnOrBefore}`);
  } else if (f.vulnerability) {
    where.push(sql`${f.vulnerability} = any(${persons.vulnerability})`);
  }

  if (f.qHash) {
    where.push(eq(persons.nationalIdHash, f.qHash));
  } else if (f.q && /^[\d+\s-]{6,}$/.test(f.q)) {
    where.push(like(persons.phone, `%${f.q.replace(/[\s-]/g, '')}%`));
  } else if (f.q) {
    // Typo tolerant: trigram similarity on the full name, or a plain substring.
    const name = sql`(${persons.firstName} || ' ' || ${persons.lastName})`;
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${name} ilike ${pattern} or ${name} % ${f.q})`);
    return db
      .select()
      .from(persons)
      .where(and(...where))
      .orderBy(sql`similarity(${name}, ${f.q}) desc`, asc(persons.id))
      .offset(f.offset)
      .limit(f.limit + 1);
  }

  if (f.after) {
    const [last, first, id] = f.after;
    where.push(
      sql`(${persons.lastName}, ${persons.firstName}, ${persons.id}) > (${last}, ${first}, ${id}::uuid)`,
    );
  }
  return db
    .select()
    .from(persons)
    .where(and(...where))
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
    .limit(f.limit + 1);
}

/** A scope of 6 digits or fewer matches the subdistrict code; a village code matches the village. */
function scopeCondition(code: string): SQL {
  // The subdistrict too, so the (area_code, village_code, …) index serves a village.
  if (code.length === 8) return and(eq(persons.areaCode, code.slice(0, 6)), eq(persons.villageCode, code))!;
  return code.length === 6 ? eq(persons.areaCode, code) : like(persons.areaCode, `${code}%`);
}

export interface ConsentState {
  collect: boolean;
  shareGroup: boolean;
  shareAgencies: boolean;
}

/** The latest record per purpose is in force. */
export async function consentStates(db: Db, personIds: string[]): Promise<Map<string, ConsentState>> {
  const out = new Map<string, ConsentState>();
  for (const id of personIds) out.set(id, { collect: false, shareGroup: false, shareAgencies: false });
  if (personIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([consents.personId, consents.purpose], {
      personId: consents.personId,
      purpose: consents.purpose,
      granted: consents.granted,
    })
    .from(consents)
    .where(inArray(consents.personId, personIds))
    .orderBy(consents.personId, consents.purpose, desc(consents.recordedAt), desc(consents.id));
  for (const r of rows) {
    const state = out.get(r.personId)!;
    if (r.purpose === 'collect') state.collect = r.granted;
    if (r.purpose === 'share_group') state.shareGroup = r.granted;
    if (r.purpose === 'share_agencies') state.shareAgencies = r.granted;
  }
  return out;
}

export async function areaNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: areas.code, name: areas.nameTh })
    .from(areas)
    .where(inArray(areas.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Revisions newest first, with the display name of whoever made each (staff names, not the person's). */
export async function revisionsOf(db: Db, personId: string) {
  return db
    .select({ revision: personRevisions, changedByName: users.displayName })
    .from(personRevisions)
    .leftJoin(users, eq(users.id, personRevisions.changedBy))
    .where(eq(personRevisions.personId, personId))
    .orderBy(desc(personRevisions.version), desc(personRevisions.id));
}
