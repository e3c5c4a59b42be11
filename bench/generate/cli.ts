/**
 * Prints synthetic rows for an area, e.g.
 *   node --import tsx bench/generate/cli.ts --area 9015 --count 1000 --seed 42 --format csv
 * --kind people (default) | households | villages; --count is the number of people either way.
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { formatCsvRow } from '../../src/server/db/reference/readAreas.ts';
import { DEFAULT_AS_OF, generatePopulation } from './population.ts';
import { loadReferenceAreas } from './reference.ts';

const MAX_PEOPLE = 2_000_000;
const kinds = ['people', 'households', 'villages'] as const;
const formats = ['jsonl', 'csv'] as const;

type Row = Record<string, string | number | null>;

async function main() {
  const { values } = parseArgs({
    options: {
      area: { type: 'string' },
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '100' },
      kind: { type: 'string', default: 'people' },
      format: { type: 'string', default: 'jsonl' },
      'as-of': { type: 'string', default: DEFAULT_AS_OF },
      areas: { type: 'string' },
    },
  });
  const area = values.area;
  if (!area) throw new Error('--area CODE is required (a 2-, 4- or 6-digit DOPA code, e.g. 901508)');
  const seed = wholeNumber('--seed', values.seed, 0xffffffff);
  const count = wholeNumber('--count', values.count, MAX_PEOPLE);
  const kind = oneOf('--kind', values.kind, kinds);
  const format = oneOf('--format', values.format, formats);

  const reference = await loadReferenceAreas(values.areas);
  const population = generatePopulation(reference, {
    areaCode: area,
    seed,
    people: count,
    asOf: values['as-of'],
  });
  const rows: readonly Row[] = population[kind] as unknown as readonly Row[];
  await writeRows(rows, format);
}

async function writeRows(rows: readonly Row[], format: (typeof formats)[number]) {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const line =
    format === 'csv'
      ? (row: Row) => formatCsvRow(columns.map((c) => String(row[c] ?? '')))
      : (row: Row) => JSON.stringify(row);
  const lines: string[] = format === 'csv' ? [columns.join(',')] : [];
  for (const row of rows) {
    lines.push(line(row));
    // Written in chunks, waiting for the pipe to drain, so millions of rows do not pile up in memory.
    if (lines.length >= 5000) await flush(lines);
  }
  await flush(lines);
}

async function flush(lines: string[]) {
  if (lines.length === 0) return;
  const ok = process.stdout.write(`${lines.join('\n')}\n`);
  lines.length = 0;
  if (!ok) await once(process.stdout, 'drain');
}

function wholeNumber(flag: string, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new Error(`${flag} must be a whole number from 0 to ${max}`);
  return n;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${flag} must be one of ${allowed.join(', ')}`);
  return value as T;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
