import type { SqlClient } from './registryData.ts';

/** What `withoutIndexes` took away and made again. */
export interface Rebuilt {
  indexes: number;
  constraints: number;
  /** Making them again (and checking the foreign keys). */
  ms: number;
  /** Each one's ms, by name, in the order made. */
  steps: { name: string; ms: number }[];
}

interface Dropped {
  table: string;
  name: string;
  def: string;
}

/**
 * Loads `table` without its indexes and keys, then makes them again as they were: the usual bulk load
 * (PostgreSQL's "Populating a Database"). Each index is built once, instead of kept up row by row (a
 * random uuid primary key of millions of rows does not fit in the buffers, so every row wrote a page), and
 * the foreign keys are checked in one join each, instead of a trigger per row. The keys of other tables
 * that reference `table` go and come back too (the primary key cannot go without them). Triggers are
 * untouched, so statement triggers fire as in production. Set-up, not a thing measured: nothing else may
 * write to these tables meanwhile. `table` is a plain identifier made by the bench.
 */
export async function withoutIndexes<T>(
  db: SqlClient,
  table: string,
  load: () => Promise<T>,
): Promise<{ result: T; rebuilt: Rebuilt }> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  // Referencing keys first, then the table's own foreign keys, then its primary and unique keys.
  const { rows: constraints } = await db.query<Dropped & { kind: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def,
            c.contype::text as kind
       from pg_constraint c
      where (c.conrelid = $1::regclass and c.contype in ('p', 'u', 'f'))
         or (c.confrelid = $1::regclass and c.contype = 'f' and c.conrelid <> $1::regclass)
      order by (c.conrelid = $1::regclass), c.contype = 'f' desc, c.conname`,
    [table],
  );
  // The indexes that no constraint owns (a constraint's index comes back with it).
  const { rows: indexes } = await db.query<Dropped>(
    `select i.tablename as table, i.indexname as name, i.indexdef as def
       from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = $1
        and not exists (select 1 from pg_constraint c
                         where c.conrelid = $1::regclass and c.conname = i.indexname)
      order by i.indexname`,
    [table],
  );
  for (const c of constraints) await db.query(`alter table ${c.table} drop constraint ${c.name}`);
  for (const index of indexes) await db.query(`drop index ${index.name}`);

  const result = await load();

  const started = performance.now();
  const steps: Rebuilt['steps'] = [];
  const make = async (name: string, sql: string) => {
    const stepStarted = performance.now();
    await db.query(sql);
    steps.push({ name, ms: performance.now() - stepStarted });
  };
  // Primary and unique keys before the foreign keys that need them; indexes in between.
  const keys = constraints.filter((c) => c.kind !== 'f').reverse();
  const foreign = constraints.filter((c) => c.kind === 'f').reverse();
  // Index sorts in memory; the foreign key checks' joins too (a hash of every person's id).
  await db.query(`set maintenance_work_mem = '1GB'`);
  await db.query(`set work_mem = '256MB'`);
  try {
    for (const c of keys) await make(c.name, `alter table ${c.table} add constraint ${c.name} ${c.def}`);
    for (const index of indexes) await make(index.name, index.def);
    for (const c of foreign) await make(c.name, `alter table ${c.table} add constraint ${c.name} ${c.def}`);
  } finally {
    await db.query('reset maintenance_work_mem');
    await db.query('reset work_mem');
  }
  return {
    result,
    rebuilt: {
      indexes: indexes.length,
      constraints: constraints.length,
      ms: performance.now() - started,
      steps,
    },
  };
}
