/**
 * `npm run bench [-- --only NAME] [--db pglite|postgres|both] [--quick] [--people N]`: runs each benchmark
 * in turn, prints the figures and writes them to bench/results/latest.json. Exits non-zero if any
 * benchmark failed (errors under load included), after printing whatever it did measure. `--people`
 * sizes the population of the benchmarks that take one (`reports`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { authMeBenchmark } from './authMe.ts';
import { generateBenchmark } from './generateSpeed.ts';
import { type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import { describeDataSize } from './lib/dataSize.ts';
import { describeMachine } from './lib/machine.ts';
import { readOptions } from './lib/options.ts';
import { killAllServersNow, REPO_ROOT } from './lib/server.ts';
import { formatTable } from './lib/table.ts';
import { removeAllTargetDirsNow } from './lib/target.ts';
import { registryImportBenchmark } from './registryImport.ts';
import { registrySearchBenchmark } from './registrySearch.ts';
import { reportsBenchmark } from './reports.ts';
import { screeningWriteBenchmark } from './screeningWrite.ts';
import { servicesBenchmark } from './services.ts';
import { startupBenchmark } from './startup.ts';
import { startupPhasesBenchmark } from './startupPhases.ts';

const benchmarks: readonly Benchmark[] = [
  startupBenchmark,
  startupPhasesBenchmark,
  authMeBenchmark,
  generateBenchmark,
  registrySearchBenchmark,
  registryImportBenchmark,
  screeningWriteBenchmark,
  reportsBenchmark,
  servicesBenchmark,
];
const RESULTS_FILE = join(REPO_ROOT, 'bench', 'results', 'latest.json');

// Whatever happens, no server outlives the harness and no temporary data dir is left behind.
process.on('exit', () => {
  killAllServersNow();
  removeAllTargetDirsNow();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers this run started`);
    process.exit(130);
  });
}

async function main(): Promise<number> {
  const options = readOptions(
    process.argv.slice(2),
    benchmarks.map((b) => b.name),
  );
  const selected = benchmarks.filter((b) => options.only === null || b.name === options.only);
  const started = new Date();
  const log = (message: string) =>
    console.error(`[${((Date.now() - started.getTime()) / 1000).toFixed(1)} s] ${message}`);

  const machine = await describeMachine();
  const dataSize = describeDataSize();
  // Other work on the machine skews every figure: the load average before and after says whether there was any.
  const loadAtStart = loadavg();
  console.log(
    `Toemsuk benchmarks — ${started.toISOString()}${options.quick ? '  (QUICK: smoke run only)' : ''}`,
  );
  console.log(
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node}; ` +
      `PostgreSQL ${machine.postgres}; PGlite ${machine.pglite}; autocannon ${machine.autocannon}`,
  );
  console.log(`Data: ${dataSize.areas} areas, ${dataSize.users} user, ${dataSize.migrations} migrations\n`);

  const reports: (BenchReport & { name: string; description: string })[] = [];
  for (const benchmark of selected) {
    log(`${benchmark.name}: ${benchmark.description}`);
    let report: BenchReport;
    try {
      report = await benchmark.run({ options, log });
    } catch (err) {
      report = { tables: [], failures: [`${benchmark.name}: ${errorMessage(err)}`], data: null };
    }
    reports.push({ name: benchmark.name, description: benchmark.description, ...report });
    for (const table of report.tables) console.log(`${formatTable(table)}\n`);
  }

  const failures = reports.flatMap((r) => r.failures);
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const loadAverage = { atStart: loadAtStart, atEnd: loadavg() };
  const shown = (values: number[]) => values.map((n) => n.toFixed(2)).join(' ');
  console.log(
    `Load average (1, 5, 15 min): before ${shown(loadAverage.atStart)}, after ${shown(loadAverage.atEnd)}`,
  );
  const json = {
    startedAt: started.toISOString(),
    argv: process.argv.slice(2),
    options,
    machine,
    dataSize,
    loadAverage,
    reports,
    failures,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Figures written to ${RESULTS_FILE}`);

  if (failures.length > 0) {
    console.error(`\n${'!'.repeat(72)}\nBENCHMARK FAILURES — the figures above are not trustworthy:`);
    for (const failure of failures) console.error(`  - ${failure}`);
    console.error('!'.repeat(72));
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(errorMessage(err));
    process.exit(1);
  },
);
