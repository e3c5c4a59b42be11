import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, exitOf, type RunningServer, spawnServer, startServer } from './support/server.ts';
import { testDatabaseKind } from './support/target.ts';

/** The real entry point in a child process, as `npm start` runs it. */
const port = 3400 + Math.floor(Math.random() * 500);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function login(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as { user?: { mustChangePassword: boolean } } };
}

describe('first start', () => {
  it('creates the operator with a random password printed once, and the demo accounts', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'toemsuk-start-'));
    let databaseUrl: string | undefined;
    if (testDatabaseKind() === 'postgres') {
      const db = await createDatabase();
      cleanups.push(db.drop);
      databaseUrl = db.url;
    }
    const first: RunningServer = await startServer({
      port,
      dataDir,
      databaseUrl,
      env: { SEED_DEMO: 'true' },
    });
    cleanups.push(first.stop);

    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', database: testDatabaseKind() });

    const printed = /username "admin", password "([^"]+)"/.exec(first.output());
    expect(printed, first.output()).not.toBeNull();
    const operator = await login(first.url, 'admin', printed![1]!);
    expect(operator.status).toBe(200);
    expect(operator.body.user?.mustChangePassword).toBe(true);

    const demo = /demo\.volunteer\s+(\S+)/.exec(first.output());
    expect(demo).not.toBeNull();
    expect((await login(first.url, 'demo.volunteer', demo![1]!)).status).toBe(200);

    if (testDatabaseKind() === 'pglite') {
      // A second process on the same PGlite directory must refuse, not corrupt it.
      const second = await exitOf(spawnServer({ port: port + 1, dataDir }));
      expect(second.code).toBe(1);
      expect(second.output).toMatch(new RegExp(`in use by another Toemsuk process \\(PID ${first.pid}\\)`));
    }

    await first.stop();
    const again = await startServer({ port, dataDir, databaseUrl, env: { SEED_DEMO: 'true' } });
    cleanups.push(again.stop);
    expect(again.output()).not.toContain('Operator account created');
    expect(again.output()).not.toContain('Demo accounts');
    // Secrets persisted in DATA_DIR, so the same password still works after the restart.
    expect((await login(again.url, 'admin', printed![1]!)).status).toBe(200);
    await again.stop();
  });
});

describe('bad configuration', () => {
  it.each([
    ['PORT', 'eighty'],
    ['ADMIN_PASSWORD', 'short'],
    ['DATABASE_URL', 'mysql://nowhere/x'],
  ])('%s=%s stops start-up with a message naming it', async (name, value) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'toemsuk-badcfg-'));
    const run = spawnServer({ port: port + 2, dataDir, env: { [name]: value } });
    const result = await exitOf(run);
    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid configuration');
    expect(result.output).toContain(name);
    expect(result.output).not.toMatch(/at .*\.ts:\d+/);
  });
});
