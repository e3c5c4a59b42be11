import { Readable } from 'node:stream';
import { csvLine, UTF8_BOM } from '../../../core/util/csv.ts';
import type { Lang } from '../../http/messages.ts';
import { parseParams, renderMessage } from './dto.ts';
import { fileShape, MalformedFile, readRows } from './parse.ts';
import type { allErrors } from './repo.ts';

type StoredError = Awaited<ReturnType<typeof allErrors>>[number];

const LABELS: Record<Lang, [string, string, string]> = {
  th: ['แถว', 'คอลัมน์', 'ข้อผิดพลาด'],
  en: ['Row', 'Column', 'Error'],
};

/**
 * The error report: one line per problem, followed by the row as it was in
 * the file, so people can fix the rows and upload them again. Every cell goes
 * through core/util/csv.ts, since the file's own cells may be formulas.
 */
export function errorsCsv(content: Buffer, errors: StoredError[], lang: Lang): Readable {
  const byRow = new Map<number, StoredError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const line = (e: StoredError, cells: string[]) =>
    csvLine([e.row, e.column, renderMessage(e.code, parseParams(e.message), lang), ...cells]);

  async function* lines() {
    const shape = fileShape(content);
    const written = new Set<number>();
    let headers: string[] = [];
    if (shape) {
      try {
        for await (const r of readRows(content, shape)) {
          if (headers.length === 0) {
            headers = r.cells;
            yield UTF8_BOM + csvLine([...LABELS[lang], ...headers]);
            continue;
          }
          for (const e of byRow.get(r.row) ?? []) yield line(e, r.cells);
          if (byRow.has(r.row)) written.add(r.row);
        }
      } catch (err) {
        // A file that broke the import still gets its report, without the row contents past the break.
        if (!(err instanceof MalformedFile)) throw err;
      }
    }
    if (headers.length === 0) yield UTF8_BOM + csvLine(LABELS[lang]);
    for (const [row, list] of byRow) if (!written.has(row)) for (const e of list) yield line(e, []);
  }
  return Readable.from(lines());
}
