import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openPostgres, wrapPglite } from '../../src/server/db/client.ts';
import { seedActivities } from '../../src/server/seed/activities.ts';
import { seedAreas } from '../../src/server/seed/reference.ts';
import { TEMPLATE_DB, testDatabaseKind, testDatabaseUrl, withDatabase } from './target.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Migrates and loads reference data (areas, the activity library) once; each test file then starts from a
 * copy (a PGlite data-dir dump, or a PostgreSQL template database).
 */
export default async function setup(project: TestProject) {
  if (testDatabaseKind() === 'postgres') {
    const url = testDatabaseUrl();
    await adminQuery(url, `drop database if exists ${TEMPLATE_DB}`);
    await adminQuery(url, `create database ${TEMPLATE_DB}`);
    const database = await openPostgres(withDatabase(url, TEMPLATE_DB), 2);
    await migrateDatabase(database);
    await seedAreas(database.db);
    await seedActivities(database.db);
    await database.close();
    project.provide('pgliteTemplate', '');
    return;
  }
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const database = wrapPglite(client);
  await migrateDatabase(database);
  await seedAreas(database.db);
  await seedActivities(database.db);
  const dump = await client.dumpDataDir('none');
  const path = join(tmpdir(), `toemsuk-test-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', path);
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
