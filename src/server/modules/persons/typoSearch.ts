import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { personNames, persons } from '../../db/schema.ts';
import type { PersonRow } from './repo.ts';

/**
 * The typo-tolerant name search, in two steps: similar names from person_name (every distinct given
 * name and surname, a few thousand rows), then everyone in the actor's areas holding one of them,
 * read from the (name, area_code, village_code, id) indexes without touching the people's rows.
 * Trigram indexes on the person table itself handed back every record sharing a common Thai syllable
 * (hundreds of milliseconds at 1,000,000 people) and made every insert several times dearer.
 */

type NameKind = 'given' | 'surname';

interface SimilarName {
  kind: NameKind;
  name: string;
  score: number;
}

/** The most similar names kept per query: beyond them the ranking would not reach anyway. */
const MOST_SIMILAR = 60;

/** Names like the word (pg_trgm's `%`) or holding it, the most similar first. */
async function similarNames(db: Db, word: string, kind?: NameKind): Promise<SimilarName[]> {
  const score = sql<number>`similarity(${personNames.name}, ${word})`;
  return db
    .select({ kind: personNames.kind, name: personNames.name, score })
    .from(personNames)
    .where(
      and(
        kind ? sql`${personNames.kind} = ${kind}` : undefined,
        sql`(${personNames.name} % ${word} or ${personNames.name} ilike ${`%${likeEscape(word)}%`})`,
      ),
    )
    .orderBy(sql`${score} desc`, personNames.name)
    .limit(MOST_SIMILAR);
}

export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page of people in rank order: the ids first (from the indexes), then their rows. */
async function rowsInOrder(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(persons)
    .where(inArray(persons.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One word: people whose given name or surname is like it, by the better of the two similarities
 * (ties by id, so pages continue exactly).
 */
export async function rankedByOneName(
  db: Db,
  base: readonly SQL[],
  word: string,
  offset: number,
  limit: number,
): Promise<PersonRow[]> {
  const names = await similarNames(db, word);
  const branch = (kind: NameKind, column: SQL) => {
    const mine = names.filter((n) => n.kind === kind);
    if (mine.length === 0) return null;
    return sql`select ${persons.id} as id, s.score from ${persons}
      join unnest(${sql.param(mine.map((n) => n.name))}::text[], ${sql.param(mine.map((n) => n.score))}::real[]) as s(name, score)
        on ${column} = s.name
      where ${and(...base)}`;
  };
  const branches = [branch('given', sql`${persons.firstName}`), branch('surname', sql`${persons.lastName}`)];
  const hits = branches.filter((b): b is SQL => b !== null);
  if (hits.length === 0) return [];
  const result = await db.execute(sql`
    select id from (${sql.join(hits, sql` union all `)}) as hit
    group by id order by max(score) desc, id offset ${offset} limit ${limit}`);
  const { rows } = result as unknown as { rows: { id: string }[] };
  return rowsInOrder(
    db,
    rows.map((r) => r.id),
  );
}

/**
 * Two or more words: the first like a given name and the rest like a surname, both at once; by
 * similarity to the whole name.
 */
export async function rankedByFullName(
  db: Db,
  base: readonly SQL[],
  given: string,
  surname: string,
  offset: number,
  limit: number,
): Promise<PersonRow[]> {
  const [givens, surnames] = await Promise.all([
    similarNames(db, given, 'given'),
    similarNames(db, surname, 'surname'),
  ]);
  if (givens.length === 0 || surnames.length === 0) return [];
  const name = sql`(${persons.firstName} || ' ' || ${persons.lastName})`;
  return db
    .select()
    .from(persons)
    .where(
      and(
        ...base,
        inArray(
          persons.firstName,
          givens.map((n) => n.name),
        ),
        inArray(
          persons.lastName,
          surnames.map((n) => n.name),
        ),
      ),
    )
    .orderBy(sql`similarity(${name}, ${`${given} ${surname}`}) desc`, persons.id)
    .offset(offset)
    .limit(limit);
}
