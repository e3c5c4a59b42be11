import { z } from 'zod';
import {
  type FieldKey,
  fieldByKey,
  fieldKeys,
  headerKey,
  requiredFields,
  suggestMapping,
} from '../fields.ts';
import type { SheetRow } from '../parse.ts';
import type { RowInput } from '../rows.ts';
import { bindMapping, bindTemplate, readBound } from './columns.ts';
import { bindMoph, looksLikeMophPerson, readMoph } from './moph43.ts';

export const importFormats = ['toemsuk-persons', 'moph43-person', 'mapped'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** `{personField: headerName}`; only known person fields. */
export const columnMapping = z.partialRecord(z.enum(fieldKeys), z.string().trim().min(1).max(200));
export type ColumnMapping = Partial<Record<FieldKey, string>>;

export type FormatProblem =
  | { kind: 'missing'; columns: string[] }
  | { kind: 'unknownColumns'; columns: { field: string; header: string }[] };

export type RowReader = (r: SheetRow) => RowInput;

/** Fits a format to a file's header: a reader for its rows, or what is missing. */
export function readerFor(
  format: ImportFormat,
  headers: readonly string[],
  mapping: ColumnMapping | null,
): { ok: true; read: RowReader } | { ok: false; problem: FormatProblem } {
  if (format === 'moph43-person') {
    const bound = bindMoph(headers);
    if (!bound.ok) return { ok: false, problem: { kind: 'missing', columns: bound.missing } };
    return { ok: true, read: (r) => readMoph(bound.binding, r) };
  }
  const bound = format === 'mapped' ? bindMapping(headers, mapping ?? {}) : bindTemplate(headers);
  if (!bound.ok) {
    return 'missing' in bound
      ? { ok: false, problem: { kind: 'missing', columns: bound.missing } }
      : { ok: false, problem: { kind: 'unknownColumns', columns: bound.unknownColumns } };
  }
  return { ok: true, read: (r) => readBound(bound.binding, r) };
}

/** For the mapping step: what the file most likely is, and which header fills which field. */
export function guessFormat(headers: readonly string[]): {
  format: ImportFormat;
  suggestedMapping: ColumnMapping;
} {
  const suggestedMapping = suggestMapping(headers);
  if (looksLikeMophPerson(headers)) return { format: 'moph43-person', suggestedMapping };
  // Our template when its own Thai headers are there; a sheet that merely resembles it goes through mapping.
  const keys = new Set(headers.map(headerKey));
  const ours = requiredFields.every((k) => keys.has(headerKey(fieldByKey.get(k)!.header)));
  return { format: ours ? 'toemsuk-persons' : 'mapped', suggestedMapping };
}
