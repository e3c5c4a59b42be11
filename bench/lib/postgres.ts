import pg from 'pg';
import { assertLoopback } from './server.ts';

/** The local cluster (trust auth); the bench database is dropped and made anew for every use. */
export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_DATABASE = 'toemsuk_bench';

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  assertLoopback(POSTGRES_ADMIN_URL);
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: ${(err as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database; returns its URL. */
export async function recreateBenchDatabase(): Promise<string> {
  await withAdmin(async (client) => {
    await client.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await client.query(`create database ${BENCH_DATABASE}`);
  });
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

export async function dropBenchDatabase(): Promise<void> {
  await withAdmin((client) => client.query(`drop database if exists ${BENCH_DATABASE} with (force)`));
}

export async function postgresVersion(): Promise<string> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
}
