import { type FieldKey, fieldByKey, fieldForHeader, requiredFields } from '../fields.ts';
import type { SheetRow } from '../parse.ts';
import type { RowInput } from '../rows.ts';

/** Which cell of a row holds each field, and the header it came from (errors name the header). */
export interface Binding {
  index: Partial<Record<FieldKey, number>>;
  columns: Partial<Record<FieldKey, string>>;
}

export type BindResult = { ok: true; binding: Binding } | { ok: false; missing: string[] } | BadMapping;
export type BadMapping = { ok: false; unknownColumns: { field: string; header: string }[] };

/** Our template: headers are recognised by name (Thai, or the English/alias spellings), in any order. */
export function bindTemplate(headers: readonly string[]): BindResult {
  const binding: Binding = { index: {}, columns: {} };
  headers.forEach((h, i) => {
    const key = fieldForHeader(h);
    if (key && binding.index[key] === undefined) {
      binding.index[key] = i;
      binding.columns[key] = h.trim();
    }
  });
  const missing = requiredFields.filter((k) => binding.index[k] === undefined);
  if (missing.length > 0) return { ok: false, missing: missing.map((k) => fieldByKey.get(k)!.header) };
  return { ok: true, binding };
}

/** Any spreadsheet: the user said which header holds each field. */
export function bindMapping(
  headers: readonly string[],
  mapping: Partial<Record<FieldKey, string>>,
): BindResult {
  const binding: Binding = { index: {}, columns: {} };
  const positions = new Map(headers.map((h, i) => [h.trim(), i] as const).reverse());
  const unknownColumns: { field: string; header: string }[] = [];
  for (const [field, header] of Object.entries(mapping) as [FieldKey, string][]) {
    const i = positions.get(header.trim());
    if (i === undefined) unknownColumns.push({ field, header });
    else {
      binding.index[field] = i;
      binding.columns[field] = header.trim();
    }
  }
  if (unknownColumns.length > 0) return { ok: false, unknownColumns };
  const missing = requiredFields.filter((k) => binding.index[k] === undefined);
  if (missing.length > 0) return { ok: false, missing: missing.map((k) => fieldByKey.get(k)!.header) };
  return { ok: true, binding };
}

export function readBound(binding: Binding, r: SheetRow): RowInput {
  const values: RowInput['values'] = {};
  for (const [key, i] of Object.entries(binding.index) as [FieldKey, number][]) {
    const cell = r.cells[i];
    if (cell !== undefined && cell.trim() !== '') values[key] = cell;
  }
  // Without an ID a row is known by its name, birth date and area; the name column is the one to blame.
  const keyColumn = binding.columns.firstName ?? null;
  return { row: r.row, values, columns: binding.columns, problems: [], keyColumn };
}
