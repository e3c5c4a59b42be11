import { type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import type { DatabaseKind } from './lib/options.ts';
import { startServer } from './lib/server.ts';
import { median, round } from './lib/stats.ts';
import type { Table } from './lib/table.ts';
import { freshTarget } from './lib/target.ts';

type Phase = 'first' | 'second';

interface StartSample {
  database: DatabaseKind;
  phase: Phase;
  run: number;
  logLineMs: number;
  healthMs: number;
  startupMs: number;
  rssMb: number;
  peakRssMb: number;
}

/**
 * Cold start of a brand-new installation (migrations, the 8,444 DOPA areas, the operator's argon2 hash)
 * and a second start of the same one (what a restart costs), each as a fresh process.
 */
export const startupBenchmark: Benchmark = {
  name: 'startup',
  description: 'cold start: spawn → "running" log line and → first 200 from /api/health; RSS after start',
  async run(ctx): Promise<BenchReport> {
    const runs = ctx.options.quick ? 1 : 3;
    const samples: StartSample[] = [];
    const failures: string[] = [];
    for (const database of ctx.options.databases) {
      try {
        for (let run = 1; run <= runs; run++) {
          const target = await freshTarget(database);
          try {
            for (const phase of ['first', 'second'] as const) {
              ctx.log(`startup: ${database}, ${phase} start, run ${run}/${runs}`);
              const server = await startServer(target.env);
              try {
                samples.push({ database, phase, run, ...server.timings, ...server.memory() });
              } finally {
                await server.stop();
              }
            }
          } finally {
            await target.dispose();
          }
        }
      } catch (err) {
        failures.push(`startup on ${database}: ${errorMessage(err)}`);
      }
    }
    return { tables: [summarize(samples, runs)], failures, data: samples };
  },
};

function summarize(samples: readonly StartSample[], runs: number): Table {
  const rows: Table['rows'] = [];
  for (const database of new Set(samples.map((s) => s.database))) {
    for (const phase of ['first', 'second'] as const) {
      const group = samples.filter((s) => s.database === database && s.phase === phase);
      if (group.length === 0) continue;
      const mid = (pick: (s: StartSample) => number) => round(median(group.map(pick)));
      rows.push([
        database,
        phase === 'first' ? 'first (empty)' : 'second (warm)',
        group.length,
        mid((s) => s.logLineMs),
        mid((s) => s.healthMs),
        mid((s) => s.startupMs),
        mid((s) => s.rssMb),
      ]);
    }
  }
  return {
    title: 'Cold start',
    columns: ['database', 'start', 'runs', 'spawn→log ms', 'spawn→health ms', 'startupMs', 'RSS MB'],
    rows,
    notes: [
      `median of ${runs} run(s), each on a new DATA_DIR (and a new PostgreSQL database); SEED_DEMO=false`,
      'startupMs is the server’s own figure (main() to listening); spawn→ adds Node and tsx loading',
    ],
  };
}
