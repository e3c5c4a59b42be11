import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { Role } from '../../src/core/schemas/user.ts';
import { lockDataDir } from '../../src/server/db/lock.ts';
import { hashPassword } from '../../src/server/modules/auth/secrets.ts';
import { NationalIdVault } from '../../src/server/modules/persons/nationalIdVault.ts';
import type { SqlClient } from './registryData.ts';
import { assertLoopback } from './server.ts';
import type { Target } from './target.ts';

export type RawClient = { kind: 'postgres'; client: pg.Client } | { kind: 'pglite'; client: PGlite };

/** The benchmark's own connection to an installation's database. */
export interface BenchDatabase {
  sql: SqlClient;
  raw: RawClient;
  close(): Promise<void>;
}

/**
 * Opens the installation's database from the harness process. PGlite: only while no server runs on the
 * data dir (the same lock file the server takes guards it); PostgreSQL: any time.
 */
export async function openBenchDatabase(target: Target): Promise<BenchDatabase> {
  if (target.kind === 'postgres') {
    const url = target.env.databaseUrl;
    if (!url) throw new Error('a PostgreSQL target without a database URL');
    assertLoopback(url);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    return {
      sql: client as unknown as SqlClient,
      raw: { kind: 'postgres', client },
      close: () => client.end(),
    };
  }
  const unlock = lockDataDir(target.env.dataDir);
  try {
    const client = await PGlite.create(join(target.env.dataDir, 'pglite'), { extensions: { pg_trgm } });
    return {
      sql: client as unknown as SqlClient,
      raw: { kind: 'pglite', client },
      async close() {
        await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** The installation's own vault: its key is in DATA_DIR/secrets.json, written at the first start. */
export function installationVault(target: Target): NationalIdVault {
  const secrets = JSON.parse(readFileSync(join(target.env.dataDir, 'secrets.json'), 'utf8')) as {
    encryptionKey?: string;
  };
  if (!secrets.encryptionKey)
    throw new Error('the installation has no encryption key yet: start it once first');
  return new NationalIdVault(secrets.encryptionKey);
}

/** An account straight in the table (set-up, not the thing measured); returns its id. */
export async function addBenchUser(
  db: SqlClient,
  user: { username: string; password: string; roles: Role[]; areaCodes: string[] },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into app_user (username, password_hash, display_name, roles, area_codes)
     values ($1, $2, $3, $4::text[], $5::text[]) returning id`,
    [user.username, await hashPassword(user.password), `bench ${user.username}`, user.roles, user.areaCodes],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`could not add the user ${user.username}`);
  return id;
}

/** The operator's id (the installation's first account). */
export async function userId(db: SqlClient, username: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('select id from app_user where username = $1', [username]);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no user ${username}`);
  return id;
}

/** Logs in and returns the session cookie and the CSRF token writes need. */
export async function loginSession(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  if (res.status !== 200)
    throw new Error(`login as ${username} answered ${res.status}: ${body.slice(0, 300)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('toemsuk_session='));
  if (!cookie) throw new Error('login set no toemsuk_session cookie');
  return { cookie, csrfToken: (JSON.parse(body) as { csrfToken: string }).csrfToken };
}

export async function tableSizes(db: SqlClient, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await db.query<{ size: string }>(
      'select pg_size_pretty(pg_total_relation_size($1::regclass)) as size',
      [table],
    );
    out[table] = rows[0]?.size ?? '?';
  }
  return out;
}
