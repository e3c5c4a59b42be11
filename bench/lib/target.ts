import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from './options.ts';
import { dropBenchDatabase, recreateBenchDatabase } from './postgres.ts';
import type { ServerEnv } from './server.ts';

/** Temporary data dirs still on disk: removed on any way out. */
const liveDirs = new Set<string>();

export interface Target {
  kind: DatabaseKind;
  env: ServerEnv;
  /** Removes the data dir (and the PostgreSQL database): stop the server first. */
  dispose(): Promise<void>;
}

/**
 * A brand-new, empty installation: a fresh DATA_DIR (PGlite's files, or only secrets.json on
 * PostgreSQL) and, on PostgreSQL, a freshly created database (`toemsuk_bench`, or a benchmark's own
 * `database`, so that it never drops another benchmark's running one).
 */
export async function freshTarget(kind: DatabaseKind, database?: string): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), `toemsuk-bench-${kind}-`));
  liveDirs.add(dataDir);
  const removeDir = () => {
    rmSync(dataDir, { recursive: true, force: true });
    liveDirs.delete(dataDir);
  };
  try {
    const databaseUrl = kind === 'postgres' ? await recreateBenchDatabase(database) : undefined;
    const env: ServerEnv = {
      dataDir,
      databaseUrl,
      adminUsername: 'bench-operator',
      // Fresh per installation; only ever used for successful logins (throttling counts failures).
      adminPassword: randomBytes(12).toString('hex'),
    };
    const dispose = async () => {
      removeDir();
      if (kind === 'postgres') await dropBenchDatabase(database);
    };
    return { kind, env, dispose };
  } catch (err) {
    removeDir();
    throw err;
  }
}

export function removeAllTargetDirsNow(): void {
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  liveDirs.clear();
}
