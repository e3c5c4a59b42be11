import { generatePopulation } from './generate/population.ts';
import { loadReferenceAreas } from './generate/reference.ts';
import type { Benchmark, BenchReport } from './lib/benchmark.ts';
import { round } from './lib/stats.ts';

/** Singhanakhon, Songkhla: the demo district. */
const DISTRICT = '9015';

/** How fast the synthetic data generator runs, in-process: later issues load millions of its rows. */
export const generateBenchmark: Benchmark = {
  name: 'generate',
  description: 'synthetic data generator: people per second for one district',
  async run(ctx): Promise<BenchReport> {
    const people = ctx.options.quick ? 20_000 : 200_000;
    const areas = await loadReferenceAreas();
    ctx.log(`generate: ${people.toLocaleString('en-US')} people in district ${DISTRICT}`);
    const started = performance.now();
    const population = generatePopulation(areas, { areaCode: DISTRICT, seed: 1, people });
    const ms = performance.now() - started;
    const data = {
      district: DISTRICT,
      people: population.people.length,
      households: population.households.length,
      villages: population.villages.length,
      ms: round(ms),
      peoplePerSec: round(people / (ms / 1000)),
    };
    return {
      tables: [
        {
          title: 'Synthetic data generator (in the harness process)',
          columns: ['district', 'people', 'households', 'villages', 'ms', 'people/s'],
          rows: [[data.district, data.people, data.households, data.villages, data.ms, data.peoplePerSec]],
        },
      ],
      failures: [],
      data,
    };
  },
};
