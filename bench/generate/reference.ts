import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/server/db/reference/readAreas.ts';

export interface ReferenceArea {
  code: string;
  level: 'province' | 'district' | 'subdistrict';
  parentCode: string | null;
  nameTh: string;
}

/** The project's reference (with English names) first; the shared DOPA file beside the repo otherwise. */
export const AREA_CSV_CANDIDATES: readonly string[] = [
  fileURLToPath(new URL('../../src/server/db/reference/areas.csv', import.meta.url)),
  fileURLToPath(new URL('../../../shared/data/dopa-areas.csv', import.meta.url)),
];

export async function loadReferenceAreas(path?: string): Promise<ReferenceArea[]> {
  const chosen = path ?? AREA_CSV_CANDIDATES.find((p) => existsSync(p));
  if (!chosen) throw new Error(`no area reference found; looked for ${AREA_CSV_CANDIDATES.join(', ')}`);
  return parseReferenceAreas(parseCsv(await readFile(chosen, 'utf8')));
}

/** Columns are found by name, so both files (with or without name_en) read the same. */
export function parseReferenceAreas(records: readonly string[][]): ReferenceArea[] {
  const [header = [], ...body] = records;
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`area reference: no "${name}" column in ${header.join(',')}`);
    return index;
  };
  const [code, level, parent, nameTh] = ['code', 'level', 'parent_code', 'name_th'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  return body.map((fields) => {
    const lvl = fields[level];
    if (lvl !== 'province' && lvl !== 'district' && lvl !== 'subdistrict') {
      throw new Error(`area reference: unknown level "${lvl}" for ${fields[code]}`);
    }
    return {
      code: fields[code] ?? '',
      level: lvl,
      parentCode: fields[parent] || null,
      nameTh: fields[nameTh] ?? '',
    };
  });
}

/** Subdistricts under a province, district or subdistrict code, in code order. */
export function subdistrictsUnder(areas: readonly ReferenceArea[], code: string): ReferenceArea[] {
  // DOPA codes nest by prefix: province 2 digits, district 4, subdistrict 6.
  if (!/^\d{2}(\d{2}){0,2}$/.test(code)) throw new Error(`area code must have 2, 4 or 6 digits: "${code}"`);
  const found = areas.filter((a) => a.level === 'subdistrict' && a.code.startsWith(code));
  if (found.length === 0) throw new Error(`no subdistricts under area code "${code}" in the reference`);
  return found.sort((a, b) => a.code.localeCompare(b.code));
}
