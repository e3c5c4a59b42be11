import { parseArgs } from 'node:util';

export type DatabaseKind = 'pglite' | 'postgres';

export interface BenchOptions {
  /** Run only the benchmark with this name. */
  only: string | null;
  databases: DatabaseKind[];
  /** Shorter durations and fewer repeats: a smoke run, not figures to publish. */
  quick: boolean;
  /** `--people N`: the population of benchmarks that load synthetic people and take a size (null: their default). */
  people: number | null;
}

export function readOptions(argv: readonly string[], known: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      db: { type: 'string', default: 'both' },
      quick: { type: 'boolean', default: false },
      people: { type: 'string' },
    },
  });
  if (values.only !== undefined && !known.includes(values.only)) {
    throw new Error(`--only must be one of ${known.join(', ')}; got "${values.only}"`);
  }
  const byChoice: Record<string, DatabaseKind[]> = {
    pglite: ['pglite'],
    postgres: ['postgres'],
    both: ['pglite', 'postgres'],
  };
  const databases = byChoice[values.db];
  if (!databases) throw new Error(`--db must be pglite, postgres or both; got "${values.db}"`);
  const people = values.people === undefined ? null : Number(values.people);
  if (people !== null && !(/^\d+$/.test(values.people ?? '') && people >= 1 && people <= 2_000_000))
    throw new Error(`--people must be a whole number from 1 to 2,000,000; got "${values.people}"`);
  return { only: values.only ?? null, databases, quick: values.quick, people };
}
