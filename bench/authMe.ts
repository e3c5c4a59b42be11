import { type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import { type LoadResult, runLoad } from './lib/load.ts';
import { type MemorySample, readCpuSeconds } from './lib/memory.ts';
import type { DatabaseKind } from './lib/options.ts';
import { startServer } from './lib/server.ts';
import { expectStatus, loginCookie } from './lib/session.ts';
import { round } from './lib/stats.ts';
import type { Table } from './lib/table.ts';
import { freshTarget } from './lib/target.ts';

const CONNECTIONS = 50;

interface AuthMeSample {
  database: DatabaseKind;
  durationSec: number;
  load: LoadResult;
  afterStart: MemorySample;
  afterLoad: MemorySample;
  /** CPU the server process itself used during the measured run, as a share of one core. */
  serverCpuPercent: number;
}

/**
 * Throughput of the cheapest authenticated call: every request resolves the session cookie
 * (HMAC digest + a sessions ⋈ users query) before the route runs, so this is the floor under every API call.
 */
export const authMeBenchmark: Benchmark = {
  name: 'auth-me',
  description: `autocannon, ${CONNECTIONS} connections, authenticated GET /api/v1/auth/me; RSS before and after`,
  async run(ctx): Promise<BenchReport> {
    const durationSec = ctx.options.quick ? 2 : 10;
    const warmupSec = ctx.options.quick ? 1 : 3;
    const samples: AuthMeSample[] = [];
    const failures: string[] = [];
    for (const database of ctx.options.databases) {
      try {
        const target = await freshTarget(database);
        try {
          // The first start creates the installation; the measured process is a restart, as in production.
          ctx.log(`auth-me: ${database}, creating the installation`);
          await (await startServer(target.env)).stop();
          const server = await startServer(target.env);
          try {
            const afterStart = server.memory();
            const cookie = await loginCookie(server.baseUrl, target.env);
            const url = `${server.baseUrl}/api/v1/auth/me`;
            await expectStatus(url, cookie, 200);
            const headers = { cookie };
            ctx.log(`auth-me: ${database}, warm-up ${warmupSec} s`);
            const warmup = await runLoad({ url, headers, connections: CONNECTIONS, durationSec: warmupSec });
            ctx.log(`auth-me: ${database}, ${CONNECTIONS} connections for ${durationSec} s`);
            const cpuBefore = readCpuSeconds(server.pid);
            const loadStarted = performance.now();
            const load = await runLoad({ url, headers, connections: CONNECTIONS, durationSec });
            const cpuSeconds = readCpuSeconds(server.pid) - cpuBefore;
            const serverCpuPercent = round((cpuSeconds / ((performance.now() - loadStarted) / 1000)) * 100);
            const afterLoad = server.memory();
            samples.push({ database, durationSec, load, afterStart, afterLoad, serverCpuPercent });
            for (const [phase, result] of [
              ['warm-up', warmup],
              ['load', load],
            ] as const) {
              const bad = result.non2xx + result.errors;
              if (bad > 0) {
                failures.push(
                  `auth-me on ${database} (${phase}): ${result.non2xx} non-2xx responses, ${result.errors} errors ` +
                    `(${result.timeouts} timeouts); status counts ${JSON.stringify(result.statusCounts)}`,
                );
              }
            }
          } finally {
            await server.stop();
          }
        } finally {
          await target.dispose();
        }
      } catch (err) {
        failures.push(`auth-me on ${database}: ${errorMessage(err)}`);
      }
    }
    return { tables: [throughputTable(samples), memoryTable(samples)], failures, data: samples };
  },
};

function throughputTable(samples: readonly AuthMeSample[]): Table {
  return {
    title: `GET /api/v1/auth/me, ${CONNECTIONS} connections`,
    columns: [
      'database',
      'seconds',
      'requests/s',
      'responses',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      '1st-resp max ms',
      'server CPU %',
      'non-2xx',
      'errors',
    ],
    rows: samples.map((s) => [
      s.database,
      s.durationSec,
      round(s.load.requestsPerSec),
      s.load.responses,
      round(s.load.latencyMs.p50, 1),
      round(s.load.latencyMs.p95, 1),
      round(s.load.latencyMs.p99, 1),
      round(s.load.latencyMs.max, 1),
      round(s.load.firstResponseMaxMs, 1),
      s.serverCpuPercent,
      s.load.non2xx,
      s.load.errors,
    ]),
    notes: [
      'after a warm-up run; latency percentiles are exact, over every response',
      '1st-resp max: the slowest first response of a connection (new connections wait behind busy ones)',
      'server CPU %: the Node process alone, 100 = one core; PostgreSQL backends are separate processes',
    ],
  };
}

function memoryTable(samples: readonly AuthMeSample[]): Table {
  return {
    title: 'Server memory (RSS, /proc/PID/status)',
    columns: ['database', 'after start MB', 'after load MB', 'peak MB'],
    rows: samples.map((s) => [s.database, s.afterStart.rssMb, s.afterLoad.rssMb, s.afterLoad.peakRssMb]),
    notes: ['a restarted server (second start of the installation); peak is VmHWM over its whole life'],
  };
}
