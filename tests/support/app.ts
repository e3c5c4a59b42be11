import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { Role } from '../../src/core/schemas/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Database, openPostgres, wrapPglite } from '../../src/server/db/client.ts';
import { organizations, users } from '../../src/server/db/schema.ts';
import { hashPassword } from '../../src/server/modules/auth/secrets.ts';
import { adminQuery } from './globalSetup.ts';
import { TEMPLATE_DB, testConfig, testDatabaseKind, testDatabaseUrl, withDatabase } from './target.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** A fresh database copied from the migrated template, and the real application on top. */
export async function createTestApp(
  configOverrides: Record<string, string> = {},
  options: Parameters<typeof buildApp>[1] = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig(configOverrides);
  const secrets = {
    sessionSecret: randomBytes(32).toString('hex'),
    encryptionKey: randomBytes(32).toString('hex'),
  };
  const app = await buildApp({ database, config, secrets }, options);
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

async function openTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'postgres') {
    const url = testDatabaseUrl();
    const name = `toemsuk_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await adminQuery(url, `create database ${name} template ${TEMPLATE_DB}`);
    const database = await openPostgres(withDatabase(url, name), 4);
    return {
      ...database,
      async close() {
        await database.close();
        await adminQuery(url, `drop database if exists ${name}`);
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: { pg_trgm } });
  return wrapPglite(client);
}

export const TEST_PASSWORD = 'correct-horse-battery';

/** Inserts an account straight into the database (set-up, not the thing under test). */
export async function addUser(
  t: TestApp,
  spec: {
    username?: string;
    roles: Role[];
    areaCodes?: string[];
    organizationId?: string | null;
    disabled?: boolean;
  },
) {
  const [row] = await t.database.db
    .insert(users)
    .values({
      username: spec.username ?? `u${randomUUID().slice(0, 8)}`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      displayName: 'ผู้ทดสอบ',
      roles: spec.roles,
      areaCodes: spec.areaCodes ?? [],
      organizationId: spec.organizationId ?? null,
      disabled: spec.disabled ?? false,
    })
    .returning();
  return row!;
}

export async function addOrganization(t: TestApp, areaCode = '901501') {
  const [row] = await t.database.db
    .insert(organizations)
    .values({ name: `รพ.สต.ทดสอบ ${randomUUID().slice(0, 4)}`, type: 'shph', areaCode })
    .returning();
  return row!;
}

/** A logged-in browser-like client: the session cookie plus the CSRF header on writes. */
export interface Client {
  cookie: string;
  csrfToken: string;
  userId: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(t: TestApp, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'toemsuk_session');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  const header = `toemsuk_session=${cookie!.value}`;
  return {
    cookie: header,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    request: (opts) =>
      t.app.inject({
        ...opts,
        headers: { cookie: header, 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) },
      }),
  };
}

export async function loginAs(t: TestApp, spec: Parameters<typeof addUser>[1]) {
  const user = await addUser(t, spec);
  return { user, client: await login(t, user.username) };
}
