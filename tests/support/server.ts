import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface RunningServer {
  url: string;
  pid: number;
  dataDir: string;
  databaseUrl: string | undefined;
  output: () => string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  /** Reuse a data directory (PGlite) or database URL (PostgreSQL) from an earlier start. */
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}

const adminUrl = () => process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh PostgreSQL database for one server; drop it when done. */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `toemsuk_srv_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(`create database ${name}`);
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** Spawns `node --import tsx src/server/main.ts` (one PID, as a user starts it) and returns the child. */
export function spawnServer(opts: ServerOptions & { dataDir: string }): {
  child: ChildProcess;
  output: () => string;
} {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  return { child, output: () => log };
}

/** The real server on a PGlite directory or a PostgreSQL database, once /api/health answers. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'toemsuk-server-'));
  const { child, output } = spawnServer({ ...opts, dataDir });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForHealth(url, child, output);
  return {
    url,
    pid: child.pid!,
    dataDir,
    databaseUrl: opts.databaseUrl,
    output,
    stop: () => stopProcess(child),
  };
}

/** Resolves with the exit code (and output) of a server that is expected to refuse to start. */
export function exitOf(run: {
  child: ChildProcess;
  output: () => string;
}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 60_000);
    run.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: run.output() });
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy in 60 s:\n${log()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
