import { and, asc, desc, eq, gte, inArray, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consents, personRevisions, persons, users } from '../../db/schema.ts';
import { likeEscape, rankedByFullName, rankedByOneName } from './typoSearch.ts';

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
  /** Where the previous page ended; its ordering must be the one this search answers in. */
  cursor: SearchCursor | null;
  limit: number;
}

/**
 * The two orderings of a search, and where a page of each ended: `list` is the registry's order
 * (surname, given name, id) continued after the last row; `rank` is a typo-tolerant name search
 * ranked by similarity, continued at an offset.
 */
export type SearchCursor =
  | { order: 'list'; after: readonly [lastName: string, firstName: string, id: string] }
  | { order: 'rank'; offset: number };

/** At most `limit + 1` rows (the extra one says another page exists) and the ordering they are in. */
export interface SearchPage {
  rows: PersonRow[];
  order: SearchCursor['order'];
}

/** A cursor of the other ordering than the search answers in (e.g. a ranked one on a plain list). */
export class CursorMismatch extends Error {}

/** A query of digits, spaces, dashes and a plus, 6 or more: a phone number (or part of one). */
const PHONE_LIKE = /^[\d+\s-]{6,}$/;

/**
 * The registry search. Every way of searching keeps the actor's scopes and the filters:
 * - a national ID (by its lookup hash) or a phone number: in list order;
 * - a name is looked up exactly first, in list order: one word as a given name or a surname, two or
 *   more as a full name (given name = the first word, surname = the rest). Whoever has exactly that
 *   name is the answer;
 * - only when no one has it, the typo-tolerant search (./typoSearch.ts), ranked by similarity: one
 *   word against given names and surnames (like either, or inside either); two or more, the first
 *   like a given name and the rest like a surname.
 * Over a whole province or every area (the actor's scopes or the `area` filter) or for a query of
 * fewer than three letters there is no typo tolerance: the similar names of a common one hold too
 * many people to rank, and pg_trgm has no trigram to look up.
 */
export async function searchPersons(db: Db, f: PersonFilter): Promise<SearchPage> {
  if (f.scopes !== 'all' && f.scopes.length === 0) return { rows: [], order: 'list' };
  const base = filterConditions(f);
  const words = f.qHash ? [] : nameWords(f.q);

  if (f.qHash) return listPage(db, f, [...base, eq(persons.nationalIdHash, f.qHash)]);
  if (f.q && PHONE_LIKE.test(f.q)) {
    return listPage(db, f, [...base, like(persons.phone, `%${likeEscape(f.q.replace(/[\s-]/g, ''))}%`)]);
  }
  if (words.length === 0) return listPage(db, f, base);

  const tolerant = typoTolerant(f, words);
  if (f.cursor?.order === 'rank') {
    if (!tolerant) throw new CursorMismatch();
    return ranked(db, f, base, words, f.cursor.offset);
  }
  const exact =
    words.length === 1
      ? await exactOneWord(db, f, base, words[0]!)
      : await exactFullName(db, f, base, words[0]!, words.slice(1).join(' '));
  // Anyone with exactly that name is the answer, in list order (and so is a later page of them).
  if (f.cursor || exact.length > 0 || !tolerant) return { rows: exact, order: 'list' };
  return ranked(db, f, base, words, 0);
}

/** The typo-tolerant search (./typoSearch.ts), ranked by similarity, continued at an offset. */
async function ranked(
  db: Db,
  f: PersonFilter,
  base: SQL[],
  words: string[],
  offset: number,
): Promise<SearchPage> {
  const rows =
    words.length === 1
      ? await rankedByOneName(db, base, words[0]!, offset, f.limit + 1)
      : await rankedByFullName(db, base, words[0]!, words.slice(1).join(' '), offset, f.limit + 1);
  return { rows, order: 'rank' };
}

/**
 * Whether the typo-tolerant search may run: the search is bounded to a district or less (by every
 * scope of the actor, or by the area filter), and the query has a trigram's worth of letters (with
 * fewer, pg_trgm has nothing to look up and reads its whole index).
 */
function typoTolerant(f: PersonFilter, words: readonly string[]): boolean {
  if ([...words.join('')].length < MIN_TOLERANT_LETTERS) return false;
  if (f.area && f.area.length >= 4) return true;
  return f.scopes !== 'all' && f.scopes.every((s) => s.length >= 4);
}

const MIN_TOLERANT_LETTERS = 3;

/** The scope and the filters, without the query. */
function filterConditions(f: PersonFilter): SQL[] {
  const where: SQL[] = [isNull(persons.mergedInto)];
  if (f.scopes !== 'all') where.push(or(...f.scopes.map((s) => scopeCondition(s)))!);
  if (f.area) where.push(scopeCondition(f.area));
  if (f.householdId) where.push(eq(persons.householdId, f.householdId));
  if (f.sex) where.push(eq(persons.sex, f.sex));
  if (f.bornAfter) where.push(sql`${persons.birthDate} > ${f.bornAfter}`);
  if (f.bornOnOrBefore) where.push(sql`${persons.birthDate} <= ${f.bornOnOrBefore}`);
  if (f.vulnerability === 'elderly' && f.elderlyBornOnOrBefore) {
    where.push(sql`${persons.birthDate} <= ${f.elderlyBornOnOrBefore}`);
  } else if (f.vulnerability === 'bedbound') {
    // Recorded as such, or the latest ADL screening says so.
    where.push(
      sql`(${f.vulnerability} = any(${persons.vulnerability}) or ${persons.adlGroup} = 'bed_bound')`,
    );
  } else if (f.vulnerability) {
    where.push(sql`${f.vulnerability} = any(${persons.vulnerability})`);
  }
  return where;
}

/** The query's words (at most 100 characters, trimmed by the route), split on any white space. */
function nameWords(q: string | undefined): string[] {
  return q ? q.split(/\s+/).filter((w) => w.length > 0) : [];
}

const LIST_ORDER = [asc(persons.lastName), asc(persons.firstName), asc(persons.id)] as const;

/** Rows after a list cursor, in list order (a row comparison the list index serves). */
function afterRow(cursor: SearchCursor | null): SQL | undefined {
  if (cursor?.order !== 'list') return undefined;
  const [last, first, id] = cursor.after;
  return sql`(${persons.lastName}, ${persons.firstName}, ${persons.id}) > (${last}, ${first}, ${id}::uuid)`;
}

/** In list order (the person_list_order_idx index), after the cursor. */
async function listPage(db: Db, f: PersonFilter, where: SQL[]): Promise<SearchPage> {
  if (f.cursor?.order === 'rank') throw new CursorMismatch();
  const rows = await db
    .select()
    .from(persons)
    .where(and(...where, afterRow(f.cursor)))
    .orderBy(...LIST_ORDER)
    .limit(f.limit + 1);
  return { rows, order: 'list' };
}

/**
 * Everyone whose given name or surname is exactly the word, in list order: two index-ordered halves
 * (given name on person_given_name_idx, surname on person_list_order_idx), merged.
 */
async function exactOneWord(db: Db, f: PersonFilter, base: SQL[], word: string): Promise<PersonRow[]> {
  const after = afterRow(f.cursor);
  // With the given name fixed, `last_name >= …` lets the index start at the cursor instead of filtering up to it.
  const givenAfter =
    f.cursor?.order === 'list' ? and(sql`${persons.lastName} >= ${f.cursor.after[0]}`, after) : undefined;
  const byGiven = db
    .select()
    .from(persons)
    .where(and(...base, eq(persons.firstName, word), givenAfter))
    .orderBy(...LIST_ORDER)
    .limit(f.limit + 1);
  const bySurname = db
    .select()
    .from(persons)
    .where(and(...base, eq(persons.lastName, word), sql`${persons.firstName} <> ${word}`, after))
    .orderBy(...LIST_ORDER)
    .limit(f.limit + 1);
  return byGiven
    .unionAll(bySurname)
    .orderBy(...LIST_ORDER)
    .limit(f.limit + 1);
}

/** Everyone with exactly this given name and surname, in list order (person_given_name_idx). */
async function exactFullName(
  db: Db,
  f: PersonFilter,
  base: SQL[],
  given: string,
  surname: string,
): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(and(...base, eq(persons.firstName, given), eq(persons.lastName, surname), afterRow(f.cursor)))
    .orderBy(...LIST_ORDER)
    .limit(f.limit + 1);
}

/**
 * An area code as a condition: 8 digits a village (with its subdistrict, so the (area_code,
 * village_code, …) index serves it from its first column), 6 a subdistrict, any other length every
 * subdistrict under it.
 */
function scopeCondition(code: string): SQL {
  if (code.length === 8) return and(eq(persons.areaCode, code.slice(0, 6)), eq(persons.villageCode, code))!;
  if (code.length === 6) return eq(persons.areaCode, code);
  if (!/^\d+$/.test(code)) return like(persons.areaCode, `${likeEscape(code)}%`);
  // A range, not `like '9015%'`: under a non-C collation (the databases' C.UTF-8) only a range uses the index.
  const end = prefixEnd(code);
  return end === null
    ? gte(persons.areaCode, code)
    : and(gte(persons.areaCode, code), lt(persons.areaCode, end))!;
}

/**
 * Where the digit strings starting with `prefix` (digits only) end: the prefix without its trailing
 * 9s, its last digit one up ('9015' → '9016', '9019' → '902'); null when nothing ends them ('99':
 * every digit string from '99' up starts with it).
 */
export function prefixEnd(prefix: string): string | null {
  const kept = prefix.replace(/9+$/, '');
  if (kept === '') return null;
  return kept.slice(0, -1) + String(Number(kept.slice(-1)) + 1);
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

/** Revisions newest first, with the display name of whoever made each (staff names, not the person's). */
export async function revisionsOf(db: Db, personId: string) {
  return db
    .select({ revision: personRevisions, changedByName: users.displayName })
    .from(personRevisions)
    .leftJoin(users, eq(users.id, personRevisions.changedBy))
    .where(eq(personRevisions.personId, personId))
    .orderBy(desc(personRevisions.version), desc(personRevisions.id));
}
