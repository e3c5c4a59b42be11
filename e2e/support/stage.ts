import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createDatabase, type RunningServer, startServer } from '../../tests/support/server.ts';
import { launchBrowser } from './browser.ts';

export interface Stage {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A demo server on PGlite or on a fresh PostgreSQL database, and one Chromium, for a block of browser tests.
 * Whatever the stage made is undone on close, and also when a later step of opening fails (the server is
 * stopped, the database dropped, the data directory removed) before the error is passed on: nothing leaks.
 */
export async function openStage(
  kind: 'pglite' | 'postgres',
  port: number,
  adminPassword: string,
): Promise<Stage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'toemsuk-stage-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  let db: Awaited<ReturnType<typeof createDatabase>> | null = null;
  let server: RunningServer | undefined;
  try {
    db = kind === 'postgres' ? await createDatabase() : null;
    server = await startServer({
      port,
      dataDir,
      databaseUrl: db?.url,
      env: { ADMIN_PASSWORD: adminPassword, SEED_DEMO: 'true' },
    });
    const browser = await launchBrowser();
    const running = server;
    const database = db;
    return {
      server: running,
      browser,
      async close() {
        try {
          await browser.close();
        } finally {
          try {
            await running.stop();
          } finally {
            removeDataDir();
            await database?.drop();
          }
        }
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    removeDataDir();
    await db?.drop().catch((dropError) => console.error('openStage: could not drop the database', dropError));
    throw error;
  }
}
