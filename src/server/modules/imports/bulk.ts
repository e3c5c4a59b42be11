import { type AnyColumn, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { importErrors, personRevisions, persons } from '../../db/schema.ts';
import type { PersonInsert } from '../persons/repo.ts';

/**
 * Set-based writes: one statement per chunk and table, rows passed as one
 * JSON parameter and unpacked by `jsonb_to_recordset` (arrays and jsonb
 * columns included, which `unnest` cannot take). Column names and types come
 * from the drizzle schema, so a new column cannot silently go missing here.
 */
type Row = Record<string, unknown>;

function recordset<T extends PgTable>(table: T, keys: readonly (keyof T['_']['columns'] & string)[]) {
  const all = getTableColumns(table) as Record<string, AnyColumn & { getSQLType(): string }>;
  const cols = keys.map((k) => all[k]!);
  return {
    names: sql.raw(cols.map((c) => `"${c.name}"`).join(', ')),
    definition: sql.raw(cols.map((c) => `"${c.name}" ${c.getSQLType()}`).join(', ')),
    assignments: (skip: readonly string[] = []) =>
      sql.raw(
        cols
          .filter((c) => !skip.includes(c.name))
          .map((c) => `"${c.name}" = x."${c.name}"`)
          .join(', '),
      ),
    json: (rows: readonly Row[]) =>
      JSON.stringify(rows.map((r) => Object.fromEntries(cols.map((c, i) => [c.name, r[keys[i]!] ?? null])))),
  };
}

const from = (json: string, definition: SQL) => sql`jsonb_to_recordset(${json}::jsonb) as x(${definition})`;

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
    sql`insert into ${persons} (${s.names}) select ${s.names} from ${from(s.json(rows), s.definition)}`,
  );
}

/** Full new values per row; a source key is added only where the record has none yet. */
export async function updatePersons(db: Db, rows: readonly (Row & { id: string; version: number })[]) {
  if (rows.length === 0) return;
  const s = updateSet;
  await db.execute(sql`update ${persons} p
    set ${s.assignments(['id', 'source_key'])}, "updated_at" = now(),
        "source_key" = coalesce(p."source_key", x."source_key")
    from ${from(s.json(rows), s.definition)}
    where p."id" = x."id"`);
}

/** Records registered by hand learn their import key, so the next import finds them directly. */
export async function adoptSourceKeys(db: Db, rows: readonly { id: string; sourceKey: string }[]) {
  if (rows.length === 0) return;
  const s = sourceKeySet;
  await db.execute(sql`update ${persons} p set "source_key" = x."source_key"
    from ${from(s.json(rows), s.definition)}
    where p."id" = x."id" and p."source_key" is null`);
}

export async function insertRevisions(db: Db, rows: readonly Row[]) {
  if (rows.length === 0) return;
  const s = revisionSet;
  await db.execute(
    sql`insert into ${personRevisions} (${s.names}) select ${s.names} from ${from(s.json(rows), s.definition)}`,
  );
}

export async function insertErrors(db: Db, rows: readonly Row[]) {
  if (rows.length === 0) return;
  const s = errorSet;
  await db.execute(
    sql`insert into ${importErrors} (${s.names}) select ${s.names} from ${from(s.json(rows), s.definition)}`,
  );
}

export const UPDATABLE: readonly DataKey[] = DATA_KEYS;
