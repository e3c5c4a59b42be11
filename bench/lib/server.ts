import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type MemorySample, readMemory } from './memory.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LOOPBACK = '127.0.0.1';
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;
const HEALTH_POLL_MS = 20;
const RUNNING_MESSAGE = 'Toemsuk is running on';

/** Every process this harness started and has not yet seen exit: killed on any way out. */
const live = new Set<ChildProcess>();

export interface ServerEnv {
  dataDir: string;
  databaseUrl?: string;
  adminUsername: string;
  adminPassword: string;
  logLevel?: string;
}

export interface StartTimings {
  /** From spawn to the "running" log line. */
  logLineMs: number;
  /** From spawn to the first 200 from /api/health. */
  healthMs: number;
  /** The server's own measure, from main() to listening. */
  startupMs: number;
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  timings: StartTimings;
  memory(): MemorySample;
  stop(): Promise<void>;
}

/** Refuses any target but this machine: a benchmark must never load someone else's server. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== LOOPBACK) throw new Error(`benchmarks only target ${LOOPBACK}; refused ${url}`);
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, LOOPBACK);
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/**
 * Starts `node --import tsx src/server/main.ts` (so the PID is the server itself) with a clean
 * environment, and resolves once it has logged that it runs and answered /api/health.
 */
export async function startServer(env: ServerEnv): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://${LOOPBACK}:${port}`;
  assertLoopback(baseUrl);
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    PORT: String(port),
    HOST: LOOPBACK,
    DATA_DIR: env.dataDir,
    ADMIN_USERNAME: env.adminUsername,
    ADMIN_PASSWORD: env.adminPassword,
    SEED_DEMO: 'false',
    LOG_LEVEL: env.logLevel ?? 'info',
    ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
  };

  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  const output = new OutputWatcher(child);

  try {
    const pid = child.pid;
    if (pid === undefined) throw new Error('the server process did not start');
    const exited = once(child, 'exit').then(([code, signal]) => {
      throw new Error(
        `the server exited during start-up (code ${code}, signal ${signal}):\n${output.tail()}`,
      );
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the server was not ready after ${READY_TIMEOUT_MS} ms:\n${output.tail()}`)),
        READY_TIMEOUT_MS,
      );
    });
    const stopPolling = new AbortController();
    const ready = Promise.all([
      output.running.then((startupMs) => ({ startupMs, at: performance.now() })),
      pollHealth(baseUrl, stopPolling.signal).then(() => performance.now()),
    ]);
    // Whichever loses the race must not surface later as an unhandled rejection.
    for (const p of [exited, ready]) p.catch(() => {});
    const [log, healthAt] = await Promise.race([ready, exited, timeout]).finally(() => {
      clearTimeout(timer);
      stopPolling.abort();
    });
    output.stopWatching();
    const timings: StartTimings = {
      logLineMs: log.at - spawnedAt,
      healthMs: healthAt - spawnedAt,
      startupMs: log.startupMs,
    };
    return { pid, baseUrl, timings, memory: () => readMemory(pid), stop: () => stopServer(child) };
  } catch (err) {
    await stopServer(child);
    throw err;
  }
}

/** SIGTERM (the server closes its database cleanly), SIGKILL if it lingers. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Registers a process this harness started, so that it is killed on any way out. */
export function trackChild(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** For exit paths where nothing async can run any more. */
export function killAllServersNow(): void {
  for (const child of live) child.kill('SIGKILL');
}

async function pollHealth(baseUrl: string, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !signal.aborted) {
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error('gave up polling /api/health');
}

/**
 * Reads the server's pino lines until it reports running; after that only keeps a short tail, so that
 * a busy server's request logs cost the benchmark process as little as possible.
 */
class OutputWatcher {
  readonly running: Promise<number>;
  private lines: string[] = [];
  private partial = '';
  private firstError: string | undefined;
  private watching = true;
  private resolveRunning: (startupMs: number) => void = () => {};

  constructor(child: ChildProcess) {
    this.running = new Promise((resolve) => {
      this.resolveRunning = resolve;
    });
    child.stdout?.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  stopWatching(): void {
    this.watching = false;
  }

  /** The last lines, preceded by the first line that mentions an error if it scrolled out of them. */
  tail(): string {
    const last = this.lines.slice(-40);
    const first = this.firstError;
    return [...(first && !last.includes(first) ? [first, '…'] : []), ...last].join('\n');
  }

  private onData(chunk: Buffer): void {
    if (!this.watching) {
      this.lines = [chunk.toString('utf8').slice(-2000)];
      return;
    }
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      this.lines.push(line);
      if (this.lines.length > 200) this.lines.shift();
      if (this.firstError === undefined && /error/i.test(line)) this.firstError = line;
      if (line.includes(RUNNING_MESSAGE)) this.resolveRunning(startupMsOf(line));
    }
  }
}

function startupMsOf(line: string): number {
  try {
    const parsed = JSON.parse(line) as { startupMs?: unknown };
    return typeof parsed.startupMs === 'number' ? parsed.startupMs : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
