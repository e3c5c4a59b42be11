import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { errorMessage } from './benchmark.ts';
import { postgresVersion } from './postgres.ts';
import { REPO_ROOT } from './server.ts';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  pglite: string;
  autocannon: string;
}

/** Read from node_modules directly: some packages do not export their package.json. */
function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'));
  return (manifest as { version: string }).version;
}

/** What the figures were measured on; each lookup that fails says so instead of stopping the run. */
export async function describeMachine(): Promise<MachineInfo> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel: model.trim(),
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: await postgresVersion().catch((err: unknown) => `unavailable (${errorMessage(err)})`),
    pglite: `${packageVersion('@electric-sql/pglite')} (PostgreSQL ${await pgliteServerVersion()})`,
    autocannon: packageVersion('autocannon'),
  };
}

/** The PostgreSQL inside PGlite, asked from a throw-away in-memory instance. */
async function pgliteServerVersion(): Promise<string> {
  const db = await PGlite.create();
  try {
    const { rows } = await db.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await db.close();
  }
}
