import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AreaLevel } from '../../../core/schemas/area.ts';

/** The reference file only holds the DOPA tree; villages are created by operators at run time. */
export type ReferenceAreaLevel = Exclude<AreaLevel, 'village'>;

export interface AreaReferenceRow {
  code: string;
  level: ReferenceAreaLevel;
  /** Null for provinces, which have no parent. */
  parentCode: string | null;
  nameTh: string;
  /** Null where no trustworthy English name was found. */
  nameEn: string | null;
}

export const AREA_CSV_HEADER = ['code', 'level', 'parent_code', 'name_th', 'name_en'] as const;

export const DEFAULT_AREA_CSV_PATH = fileURLToPath(new URL('./areas.csv', import.meta.url));

const referenceLevels: ReadonlySet<string> = new Set<ReferenceAreaLevel>([
  'province',
  'district',
  'subdistrict',
]);

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF are both
 * accepted (the upstream DOPA file uses CRLF). A final line break does not produce an empty record.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  // Whether the current record has started; a quoted empty last field has no characters of its own.
  let inRecord = false;
  // A leading BOM would otherwise end up inside the first header name.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    inRecord = false;
  };

  while (i < text.length) {
    const ch = text[i];
    if (!inQuotes && (ch === '\r' || ch === '\n')) {
      // Treat CRLF (and a lone CR) as one record separator.
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    inRecord = true;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field !== '') {
        throw new Error(`CSV: unexpected quote inside an unquoted field (record ${rows.length + 1})`);
      }
      inQuotes = true;
    } else if (ch === ',') {
      endField();
    } else {
      field += ch;
    }
    i += 1;
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field');
  // Flush the last record unless the text ended with a line break.
  if (inRecord) endRow();
  return rows;
}

/** Quotes a field only when it must be quoted, so the common case stays readable in diffs. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatCsvRow(fields: readonly string[]): string {
  return fields.map(formatCsvField).join(',');
}

/** Validates and converts the records of an areas CSV (header included). */
export function toAreaReferenceRows(records: readonly string[][]): AreaReferenceRow[] {
  const [header, ...body] = records;
  if (!header || header.join(',') !== AREA_CSV_HEADER.join(',')) {
    throw new Error(`areas.csv: expected header ${AREA_CSV_HEADER.join(',')}`);
  }
  return body.map((fields, index) => {
    const line = index + 2;
    if (fields.length !== AREA_CSV_HEADER.length) {
      throw new Error(
        `areas.csv line ${line}: expected ${AREA_CSV_HEADER.length} fields, got ${fields.length}`,
      );
    }
    const [code = '', level = '', parentCode = '', nameTh = '', nameEn = ''] = fields;
    if (!referenceLevels.has(level)) throw new Error(`areas.csv line ${line}: unknown level ${level}`);
    if (nameTh === '') throw new Error(`areas.csv line ${line}: empty name_th`);
    return {
      code,
      level: level as ReferenceAreaLevel,
      parentCode: parentCode === '' ? null : parentCode,
      nameTh,
      nameEn: nameEn === '' ? null : nameEn,
    };
  });
}

/** Reads the committed DOPA area reference (provinces, districts, subdistricts) for seeding. */
export async function readAreaReference(path: string = DEFAULT_AREA_CSV_PATH): Promise<AreaReferenceRow[]> {
  return toAreaReferenceRows(parseCsv(await readFile(path, 'utf8')));
}
