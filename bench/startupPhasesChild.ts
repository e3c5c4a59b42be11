/**
 * Run by startupPhases.ts in a fresh process (so nothing is already loaded or compiled): main.ts's
 * start-up steps one by one, timed, printed as one JSON line. Reads the same environment as the server.
 */
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { migrateDatabase, openDatabase } from '../src/server/db/client.ts';
import { loadSecrets } from '../src/server/secrets.ts';
import { seedOperator } from '../src/server/seed/accounts.ts';
import { seedAreas } from '../src/server/seed/reference.ts';

async function main() {
  // Key order is the order of the steps; the parent prints them in that order.
  const ms: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    ms[phase] = Math.round(now - mark);
    mark = now;
  };
  const config = readConfig();
  const secrets = loadSecrets(config);
  lap('config+secrets');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    lap('open database');
    await migrateDatabase(database);
    lap('migrate');
    const app = await buildApp({ database, config, secrets });
    await app.ready();
    lap('build app');
    await seedAreas(database.db);
    lap('load areas');
    await seedOperator(database.db, config.adminUsername, config.adminPassword);
    lap('create operator');
    await app.close();
  } finally {
    await database.close();
  }
  console.log(JSON.stringify(ms));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
