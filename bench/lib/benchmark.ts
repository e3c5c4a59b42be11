import type { BenchOptions } from './options.ts';
import type { Table } from './table.ts';

export interface BenchContext {
  options: BenchOptions;
  /** Progress for the person watching; not part of the figures. */
  log(message: string): void;
}

export interface BenchReport {
  tables: Table[];
  /** Anything that makes the figures wrong (errors under load, a database that would not start). */
  failures: string[];
  /** Every sample, for the JSON file. */
  data: unknown;
}

export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchReport>;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
