import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Actor } from '../../src/core/policy/index.ts';
import { thaiToday } from '../../src/core/thai/birthDate.ts';
import type { Db } from '../../src/server/db/client.ts';
import * as schema from '../../src/server/db/schema.ts';
import type { NationalIdVault } from '../../src/server/modules/persons/nationalIdVault.ts';
import { listPersons, type PersonQuery } from '../../src/server/modules/persons/service.ts';
import type { SqlClient } from './registryData.ts';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface ExplainedQuery extends CapturedQuery {
  plan: string[];
  executionMs: number;
  planningMs: number;
}

/**
 * Runs the registry's own `listPersons` (the code behind GET /api/v1/persons) on a client of the bench's
 * and returns every SQL statement it sent, exactly as the server sends it.
 */
export async function captureListQueries(
  client: { kind: 'postgres'; client: pg.Client } | { kind: 'pglite'; client: PGlite },
  vault: NationalIdVault,
  actor: Actor,
  query: PersonQuery,
): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const logger: Logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
  const db = (client.kind === 'postgres'
    ? drizzlePg(client.client, { schema, logger })
    : drizzlePglite(client.client, { schema, logger })) as unknown as Db;
  await listPersons({ db, actor, vault, today: thaiToday() }, query);
  return captured;
}

/**
 * The statements that search the person table (not the consent, area-name or audit ones around them):
 * one, or two when no one has the name exactly and the typo-tolerant search runs after the exact
 * lookup.
 */
export function searchStatements(queries: readonly CapturedQuery[]): CapturedQuery[] {
  return queries.filter((q) => /from "person"/.test(q.sql) && /order by/i.test(q.sql));
}

export async function explainAnalyze(db: SqlClient, query: CapturedQuery): Promise<ExplainedQuery> {
  const { rows } = await db.query<Record<string, string>>(
    `explain (analyze, buffers) ${query.sql}`,
    query.params as unknown[],
  );
  const plan = rows.map((r) => String(Object.values(r)[0]));
  const time = (label: string) =>
    Number(new RegExp(`${label} Time: ([\\d.]+) ms`).exec(plan.join('\n'))?.[1] ?? Number.NaN);
  return { ...query, plan, executionMs: time('Execution'), planningMs: time('Planning') };
}

/** The plan lines worth reading: every node, its row counts and timing, without the buffer detail. */
export function keyPlanLines(plan: readonly string[], max = 14): string[] {
  return plan
    .filter((line) => !/^\s*(Buffers|Planning:|I\/O Timings)/.test(line))
    .slice(0, max)
    .map((line) => line.replace(/\s+$/, ''));
}
