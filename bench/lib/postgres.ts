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

/** Bench databases are plain identifiers made here, never user input; checked all the same. */
function checkedName(name: string): string {
  if (!/^toemsuk_bench[a-z_]*$/.test(name)) throw new Error(`not a bench database name: ${name}`);
  return name;
}

/** An empty database (`toemsuk_bench` unless a benchmark names its own); returns its URL. */
export async function recreateBenchDatabase(name = BENCH_DATABASE): Promise<string> {
  await withAdmin(async (client) => {
    await client.query(`drop database if exists ${checkedName(name)} with (force)`);
    await client.query(`create database ${checkedName(name)}`);
  });
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropBenchDatabase(name = BENCH_DATABASE): Promise<void> {
  await withAdmin((client) => client.query(`drop database if exists ${checkedName(name)} with (force)`));
}

export async function postgresVersion(): Promise<string> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
}
