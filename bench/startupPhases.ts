import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import type { DatabaseKind } from './lib/options.ts';
import { REPO_ROOT, stopServer, trackChild } from './lib/server.ts';
import { median, round } from './lib/stats.ts';
import type { Table } from './lib/table.ts';
import { freshTarget, type Target } from './lib/target.ts';

const CHILD_TIMEOUT_MS = 180_000;

interface PhaseSample {
  database: DatabaseKind;
  start: 'first' | 'second';
  run: number;
  /** Step name → ms, in the order main.ts runs them. */
  ms: Record<string, number>;
}

/**
 * Where start-up time goes: main.ts's steps timed one by one in a fresh process, on an empty
 * installation and again on the same one. Node and tsx loading come before these steps.
 */
export const startupPhasesBenchmark: Benchmark = {
  name: 'startup-phases',
  description: 'start-up broken into main.ts steps, in a fresh process, first and second start',
  async run(ctx): Promise<BenchReport> {
    const runs = ctx.options.quick ? 1 : 3;
    const samples: PhaseSample[] = [];
    const failures: string[] = [];
    for (const database of ctx.options.databases) {
      try {
        for (let run = 1; run <= runs; run++) {
          const target = await freshTarget(database);
          try {
            for (const start of ['first', 'second'] as const) {
              ctx.log(`startup-phases: ${database}, ${start} start, run ${run}/${runs}`);
              samples.push({ database, start, run, ms: await timePhasesInChild(target) });
            }
          } finally {
            await target.dispose();
          }
        }
      } catch (err) {
        failures.push(`startup-phases on ${database}: ${errorMessage(err)}`);
      }
    }
    return { tables: [phaseTable(samples, runs)], failures, data: samples };
  },
};

async function timePhasesInChild(target: Target): Promise<Record<string, number>> {
  const { env } = target;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/startupPhasesChild.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: env.dataDir,
      ADMIN_USERNAME: env.adminUsername,
      ADMIN_PASSWORD: env.adminPassword,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const timer = setTimeout(() => void stopServer(child), CHILD_TIMEOUT_MS);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  const last = output.trim().split('\n').pop() ?? '';
  if (code !== 0) throw new Error(`the phase timer exited with ${code}:\n${output.slice(-2000)}`);
  return JSON.parse(last) as Record<string, number>;
}

function phaseTable(samples: readonly PhaseSample[], runs: number): Table {
  const phases = Object.keys(samples[0]?.ms ?? {});
  const rows: Table['rows'] = [];
  for (const database of new Set(samples.map((s) => s.database))) {
    for (const start of ['first', 'second'] as const) {
      const group = samples.filter((s) => s.database === database && s.start === start);
      if (group.length === 0) continue;
      const mid = (values: number[]) => round(median(values));
      rows.push([
        database,
        start,
        ...phases.map((p) => mid(group.map((s) => s.ms[p] ?? 0))),
        mid(group.map((s) => Object.values(s.ms).reduce((sum, v) => sum + v, 0))),
      ]);
    }
  }
  return {
    title: 'Start-up phases (ms, main.ts steps in a fresh process)',
    columns: ['database', 'start', ...phases, 'total'],
    rows,
    notes: [
      `median of ${runs} run(s); a second start finds the areas and the operator in place, so those steps only check`,
    ],
  };
}
