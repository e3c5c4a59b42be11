import type { Browser } from 'playwright-core';
import { createDatabase, type RunningServer, startServer } from '../../tests/support/server.ts';
import { launchBrowser } from './browser.ts';

export interface Stage {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** A demo server on PGlite or on a fresh PostgreSQL database, and one Chromium, for a block of browser tests. */
export async function openStage(
  kind: 'pglite' | 'postgres',
  port: number,
  adminPassword: string,
): Promise<Stage> {
  const db = kind === 'postgres' ? await createDatabase() : null;
  const server = await startServer({
    port,
    databaseUrl: db?.url,
    env: { ADMIN_PASSWORD: adminPassword, SEED_DEMO: 'true' },
  });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.stop();
      await db?.drop();
    },
  };
}
