import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

/** Keys that must outlive a restart: sessions and encrypted fields depend on them. */
export interface Secrets {
  sessionSecret: string;
  encryptionKey: string;
}

/** From the environment when given; otherwise generated once into DATA_DIR/secrets.json (mode 0600). */
export function loadSecrets(config: Config): Secrets {
  const path = join(config.dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(path)) stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    sessionSecret: config.sessionSecret ?? stored.sessionSecret ?? randomBytes(32).toString('hex'),
    encryptionKey: config.encryptionKey ?? stored.encryptionKey ?? randomBytes(32).toString('hex'),
  };
  const toStore = {
    sessionSecret: config.sessionSecret ? stored.sessionSecret : secrets.sessionSecret,
    encryptionKey: config.encryptionKey ? stored.encryptionKey : secrets.encryptionKey,
  };
  if (toStore.sessionSecret !== stored.sessionSecret || toStore.encryptionKey !== stored.encryptionKey) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(toStore, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}
