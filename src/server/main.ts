import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';
import { migrateDatabase, openDatabase } from './db/client.ts';
import { DataDirInUseError } from './db/lock.ts';
import { startImportWorker } from './modules/imports/worker.ts';
import { NationalIdVault } from './modules/persons/nationalIdVault.ts';
import { loadSecrets } from './secrets.ts';
import { seedOperator } from './seed/accounts.ts';
import { seedActivities } from './seed/activities.ts';
import { seedDemo } from './seed/demo.ts';
import { seedAreas } from './seed/reference.ts';

async function main() {
  const started = performance.now();
  const config = readConfig();
  const secrets = loadSecrets(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const app = await buildApp({ database, config, secrets });
  const log = app.log;

  const areaCount = await seedAreas(database.db);
  if (areaCount > 0) log.info({ areas: areaCount }, 'loaded the DOPA area tree');
  // The activity library is reference data too: brought up to date on every start (upsert by code).
  const activityCount = await seedActivities(database.db);
  if (activityCount > 0) log.info({ activities: activityCount }, 'updated the activity library');
  const operator = await seedOperator(database.db, config.adminUsername, config.adminPassword);
  if (operator?.generatedPassword) {
    // Printed once, on purpose: this is the only way the first operator learns it.
    console.log(
      `\n  Operator account created: username "${operator.username}", password "${operator.generatedPassword}"\n` +
        '  (shown only now; you will be asked to change it at first login)\n',
    );
  }
  if (config.seedDemo) {
    const accounts = await seedDemo(database.db, new NationalIdVault(secrets.encryptionKey));
    if (accounts) printDemoAccounts(config.dataDir, accounts);
  }

  // After the area tree is loaded: queued imports, and any a killed server left running, resume now.
  const importWorker = startImportWorker(app);

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await importWorker.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  log.info(
    { database: database.kind, startupMs: Math.round(performance.now() - started) },
    `Toemsuk is running on http://localhost:${config.port}`,
  );
}

function printDemoAccounts(
  dataDir: string,
  accounts: { username: string; password: string; roles: string[] }[],
) {
  const lines = accounts.map((a) => `  ${a.username.padEnd(22)} ${a.password}  (${a.roles.join(', ')})`);
  const text = `Demo accounts (Singhanakhon, Songkhla):\n${lines.join('\n')}\n`;
  console.log(`\n${text}`);
  writeFileSync(join(dataDir, 'demo-accounts.txt'), text, { mode: 0o600 });
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirInUseError) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
