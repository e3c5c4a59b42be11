import { type AnyColumn, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { importErrors, personRevisions, persons } from '../../db/schema.ts';
import type { PersonInsert } from '../persons/repo.ts';

/**
 * Set-based writes: one statement per chunk and table, rows passed as one
 * JSON parameter and unpacked by `json_to_recordset` (arrays and jsonb
 * columns included, which `unnest` cannot take). Column names and types come
 * from the drizzle schema, so a new column cannot silently go missing here.
 * The JSON is the rows as they are, keyed by their property names (the record
 * set is declared with those names): no copy of each row is made to rename
 * its keys, and a property left undefined is NULL. `json`, not `jsonb`: the
 * text is read once instead of being built into a jsonb value first (about a
 * tenth of the database's time in a 100,000-row commit).
 */
type Row = Record<string, unknown>;

function recordset<T extends PgTable>(table: T, keys: readonly (keyof T['_']['columns'] & string)[]) {
  const all = getTableColumns(table) as Record<string, AnyColumn & { getSQLType(): string }>;
  const cols = keys.map((k) => all[k]!);
  /** `x."areaCode"` is the JSON property, `"area_code"` the table column. */
  const field = (key: string) => `x."${key}"`;
  return {
    names: sql.raw(cols.map((c) => `"${c.name}"`).join(', ')),
    values: sql.raw(keys.map(field).join(', ')),
    definition: sql.raw(keys.map((k, i) => `"${k}" ${cols[i]!.getSQLType()}`).join(', ')),
    assignments: (skip: readonly string[] = []) =>
      sql.raw(
        keys
          .filter((k) => !skip.includes(k))
          .map((k) => `"${all[k]!.name}" = ${field(k)}`)
          .join(', '),
      ),
    json: (rows: readonly Row[]) => JSON.stringify(rows),
  };
}

const from = (json: string, definition: SQL) => sql`json_to_recordset(${json}::json) as x(${definition})`;

/** Person columns an import writes; id and provenance on insert only. */
const DATA_KEYS = [
  'areaCode',
  'villageCode',
  'villageNo',
  'houseNo',
  'postcode',
  'relationToHead',
  'idType',
  'nationalIdEnc',
  'nationalIdHash',
  'noIdReason',
  'title',
  'firstName',
  'lastName',
  'sex',
  'birthDate',
  'birthDateEstimated',
  'nationality',
  'religion',
  'maritalStatus',
  'education',
  'occupation',
  'incomeBand',
  'healthCoverage',
  'phone',
  'chronicConditions',
  'disabilityTypes',
  'disabilityCardNo',
  'vulnerability',
  'caregiver',
  'latitude',
  'longitude',
] as const satisfies readonly (keyof PersonInsert)[];
export type DataKey = (typeof DATA_KEYS)[number];

const insertSet = recordset(persons, ['id', ...DATA_KEYS, 'sourceKey', 'createdBy']);
const updateSet = recordset(persons, ['id', ...DATA_KEYS, 'version', 'sourceKey']);
const sourceKeySet = recordset(persons, ['id', 'sourceKey']);
const revisionSet = recordset(personRevisions, [
  'personId',
  'areaCode',
  'version',
  'changedBy',
  'source',
  'reason',
  'changes',
]);
const errorSet = recordset(importErrors, ['importId', 'row', 'column', 'message', 'code']);

export async function insertPersons(db: Db, rows: readonly (PersonInsert & { id: string })[]) {
  if (rows.length === 0) return;
  const s = insertSet;
  await db.execute(
    sql`insert into ${persons} (${s.names}) select ${s.values} from ${from(s.json(rows), s.definition)}`,
  );
}

/** Full new values per row; a source key is added only where the record has none yet. */
export async function updatePersons(db: Db, rows: readonly (Row & { id: string; version: number })[]) {
  if (rows.length === 0) return;
  const s = updateSet;
  await db.execute(sql`update ${persons} p
    set ${s.assignments(['id', 'sourceKey'])}, "updated_at" = now(),
        "source_key" = coalesce(p."source_key", x."sourceKey")
    from ${from(s.json(rows), s.definition)}
    where p."id" = x."id"`);
}

/** Records registered by hand learn their import key, so the next import finds them directly. */
export async function adoptSourceKeys(db: Db, rows: readonly { id: string; sourceKey: string }[]) {
  if (rows.length === 0) return;
  const s = sourceKeySet;
  await db.execute(sql`update ${persons} p set "source_key" = x."sourceKey"
    from ${from(s.json(rows), s.definition)}
    where p."id" = x."id" and p."source_key" is null`);
}

export async function insertRevisions(db: Db, rows: readonly Row[]) {
  if (rows.length === 0) return;
  const s = revisionSet;
  await db.execute(
    sql`insert into ${personRevisions} (${s.names}) select ${s.values} from ${from(s.json(rows), s.definition)}`,
  );
}

export async function insertErrors(db: Db, rows: readonly Row[]) {
  if (rows.length === 0) return;
  const s = errorSet;
  await db.execute(
    sql`insert into ${importErrors} (${s.names}) select ${s.values} from ${from(s.json(rows), s.definition)}`,
  );
}

export const UPDATABLE: readonly DataKey[] = DATA_KEYS;

/**
 * The planner's idea of how many people there are (`-1`: never counted).
 *
 * Without statistics the planner takes `merged_into is null` to hold for 0.5 %
 * of people, so every partial index on it (the ID digest's, and the list
 * orders') looks tiny, and the lookup of a chunk's ID digests was planned as a
 * scan of a whole list-order index: all live people, for every chunk (55 ms
 * for 250 rows at 20,000 people on PGlite, growing with the registry). A bulk
 * import fills an empty registry long before autovacuum (PostgreSQL) looks at
 * it, and PGlite has no autovacuum at all.
 */
export async function personStatsRows(db: Db): Promise<number> {
  const result = (await db.execute(
    sql`select reltuples::float8 as n from pg_class where oid = 'person'::regclass`,
  )) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? -1);
}

/** Statistics for `merged_into` only (and the table's size): 60–70 ms at 20,000 people on PGlite, not 300+. */
export async function analyzePersons(db: Db): Promise<void> {
  await db.execute(sql`analyze ${persons} (${sql.raw(`"${persons.mergedInto.name}"`)})`);
}
