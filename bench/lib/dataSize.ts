import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './server.ts';

export interface DataSize {
  /** Rows of the DOPA reference every installation loads (provinces, districts, subdistricts). */
  areas: number;
  /** Users in a benchmark installation: the operator only (SEED_DEMO=false). */
  users: number;
  /** Migrations applied on a first start: the schema grows with every issue. */
  migrations: number;
}

export function describeDataSize(): DataSize {
  const csv = readFileSync(join(REPO_ROOT, 'src/server/db/reference/areas.csv'), 'utf8');
  const areas = csv.split('\n').filter((line) => line.trim() !== '').length - 1;
  const journal = JSON.parse(
    readFileSync(join(REPO_ROOT, 'src/server/db/migrations/meta/_journal.json'), 'utf8'),
  ) as {
    entries?: unknown[];
  };
  return { areas, users: 1, migrations: journal.entries?.length ?? 0 };
}
