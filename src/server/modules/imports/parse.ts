import { Duplex, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvRecords, UnclosedQuote } from './csv.ts';
import { decodeText, detectEncoding, type TextEncoding } from './decode.ts';

export type FileType = 'csv' | 'xlsx';

/** One non-blank row of a sheet; `row` counts every physical row, the header being row 1. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** Thrown when a file cannot be read past some row; the job fails and says where. */
export class MalformedFile extends Error {
  constructor(readonly row: number) {
    super('malformed file');
  }
}

/** XLSX is a zip; old binary formats (.xls, PDF, images) are refused rather than read as garbage text. */
export function detectFileType(bytes: Uint8Array): FileType | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return null;
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return null; // %PDF
  return 'csv';
}

export interface FileShape {
  type: FileType;
  /** XLSX stores text as UTF-8 inside; reported as such so the API has one field for both. */
  encoding: TextEncoding;
}

export function fileShape(bytes: Uint8Array): FileShape | null {
  const type = detectFileType(bytes);
  if (!type) return null;
  return { type, encoding: type === 'xlsx' ? 'utf-8' : detectEncoding(bytes) };
}

/** The MoPH 43 files are pipe-separated; spreadsheets write commas, some locales semicolons or tabs. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '|', '\t', ';']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Every non-blank row, header first. Streams, so a 100k-row file is never held as one array. */
export async function* readRows(content: Uint8Array, shape: FileShape): AsyncGenerator<SheetRow> {
  if (shape.type === 'xlsx') yield* readXlsx(content);
  else yield* readCsv(decodeText(content, shape.encoding));
}

/** The header and the first rows, for the mapping step and for checking columns at upload. */
export async function readHead(content: Uint8Array, shape: FileShape, rows = 10) {
  const out: SheetRow[] = [];
  for await (const r of readRows(content, shape)) {
    out.push(r);
    if (out.length > rows) break;
  }
  return { header: out[0] ?? null, sample: out.slice(1) };
}

async function* readCsv(text: string): AsyncGenerator<SheetRow> {
  let row = 0;
  try {
    for (const cells of csvRecords(text, sniffDelimiter(text))) {
      row++;
      if (isBlank(cells)) continue;
      yield { row, cells };
    }
  } catch (err) {
    if (err instanceof UnclosedQuote) throw new MalformedFile(err.records + 1);
    throw err;
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

async function* readXlsx(content: Uint8Array): AsyncGenerator<SheetRow> {
  // styles are needed to tell a date cell from a number; hyperlinks and other sheets are not.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(zipInput(content), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let last = 0;
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        last = row.number;
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (isBlank(cells)) continue;
        yield { row: row.number, cells };
      }
      return; // only the first sheet holds data; the template's second sheet is help text
    }
  } catch (err) {
    if (err instanceof MalformedFile) throw err;
    throw new MalformedFile(last + 1);
  }
}

/**
 * The file as the stream exceljs unzips, with a race in the unzipping mended.
 *
 * unzipper's `Parse` emits `end` by hand as soon as its input is written, while
 * the last entries can still be waiting, unread, on its readable side; exceljs
 * stops reading entries at `end`, so now and then the last ones are lost. A
 * file exceljs wrote keeps `xl/workbook.xml` last: losing it fails the read
 * ("Cannot read properties of undefined (reading 'sheets')", exceljs#3064),
 * about 1 read in 300, more under load: the import test that "once failed
 * under heavy load". Here that early `end` becomes an end of the readable
 * side (`push(null)`), which Node delivers after the entries already queued.
 */
export function zipInput(content: Uint8Array): Readable {
  const input = Readable.from([Buffer.from(content)]);
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(zip: T, options?: { end?: boolean }): T => {
    if (zip instanceof Duplex) {
      const emit = zip.emit.bind(zip);
      zip.emit = (event: string | symbol, ...args: unknown[]): boolean => {
        if (event === 'end' && !zip.readableEnded) {
          zip.push(null);
          return true;
        }
        return emit(event, ...args);
      };
    }
    return pipe(zip, options);
  };
  return input;
}

/** What a person sees in the cell; a formula counts by its cached result, never evaluated. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // Excel dates have no time zone; exceljs reads them as UTC midnight.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result);
  }
  if ('text' in value) return String(value.text);
  return '';
}
