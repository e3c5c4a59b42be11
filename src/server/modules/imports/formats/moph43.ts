import { headerKey } from '../fields.ts';
import type { SheetRow } from '../parse.ts';
import type { RowInput } from '../rows.ts';

/**
 * The PERSON file of the MoPH 43-file standard (แฟ้ม PERSON), as primary-care
 * systems (JHCIS, HOSxP PCU) export it: pipe- or comma-separated, codes
 * instead of labels, CE dates as yyyymmdd. Its address lives in other files,
 * so rows belong to the area chosen at upload.
 */
export const MOPH_PERSON_HEADERS = [
  'HOSPCODE',
  'CID',
  'PID',
  'HID',
  'PRENAME',
  'NAME',
  'LNAME',
  'HN',
  'SEX',
  'BIRTH',
  'MSTATUS',
  'OCCUPATION_OLD',
  'OCCUPATION_NEW',
  'RACE',
  'NATION',
  'RELIGION',
  'EDUCATION',
  'FSTATUS',
  'FATHER',
  'MOTHER',
  'COUPLE',
  'VSTATUS',
  'MOVEIN',
  'DISCHARGE',
  'DDISCHARGE',
  'ABOGROUP',
  'RHGROUP',
  'LABOR',
  'PASSPORT',
  'TYPEAREA',
  'D_UPDATE',
] as const;
type MophHeader = (typeof MOPH_PERSON_HEADERS)[number];

const REQUIRED: readonly MophHeader[] = ['HOSPCODE', 'PID', 'CID', 'NAME', 'LNAME', 'SEX', 'BIRTH'];

export type MophBinding = Partial<Record<MophHeader, number>>;

export function looksLikeMophPerson(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(headerKey));
  return ['hospcode', 'pid', 'name', 'lname', 'birth'].every((k) => keys.has(k));
}

export function bindMoph(
  headers: readonly string[],
): { ok: true; binding: MophBinding } | { ok: false; missing: string[] } {
  const binding: MophBinding = {};
  const known = new Map(MOPH_PERSON_HEADERS.map((h) => [headerKey(h), h]));
  headers.forEach((h, i) => {
    const name = known.get(headerKey(h));
    if (name && binding[name] === undefined) binding[name] = i;
  });
  const missing = REQUIRED.filter((h) => binding[h] === undefined);
  return missing.length > 0 ? { ok: false, missing: [...missing] } : { ok: true, binding };
}

/** DOPA name-prefix codes; everything past the five common ones is a rank or a title. */
const PRENAME: Record<string, string> = {
  '001': 'dek_chai',
  '002': 'dek_ying',
  '003': 'nai',
  '004': 'nangsao',
  '005': 'nang',
};
const SEX: Record<string, string> = { '1': 'male', '2': 'female' };
/** THCC marital codes; 6 (สมณะ, in holy orders) has no place in our list. */
const MSTATUS: Record<string, string> = {
  '1': 'single',
  '2': 'married',
  '3': 'widowed',
  '4': 'divorced',
  '5': 'separated',
  '6': 'unknown',
  '9': 'unknown',
};
const RELIGION: Record<string, string> = {
  '01': 'buddhism',
  '02': 'islam',
  '03': 'christianity',
  '04': 'hinduism',
  '05': 'other',
  '06': 'other',
  '07': 'other',
  '08': 'other',
  '09': 'other',
  '00': 'none',
};
/** THCC education codes; 03 covers both lower and upper secondary, so it is left out rather than guessed. */
const EDUCATION: Record<string, string> = {
  '00': 'none',
  '01': 'none',
  '02': 'primary',
  '04': 'vocational',
  '05': 'bachelor',
  '06': 'above_bachelor',
  '09': 'unknown',
};
/** DISCHARGE: 1 died, 2 moved away, 3 missing; 9 is "not discharged". */
const DISCHARGED = new Set(['1', '2', '3']);

const padCode = (v: string, n: number) => (/^\d+$/.test(v) ? v.padStart(n, '0') : v);

export function readMoph(binding: MophBinding, r: SheetRow): RowInput {
  const cell = (h: MophHeader) => {
    const i = binding[h];
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const values: RowInput['values'] = {};
  const columns: RowInput['columns'] = {};
  const put = (field: keyof RowInput['values'], header: MophHeader, value: string | undefined) => {
    columns[field] = header;
    if (value) values[field] = value;
  };
  const coded = (table: Record<string, string>, raw: string, width: number) =>
    raw === '' ? undefined : (table[padCode(raw, width)] ?? undefined);

  const cid = cell('CID');
  put('nationalId', 'CID', /^0+$/.test(cid) ? undefined : cid);
  const prename = cell('PRENAME');
  // Some exports write the prefix text (นาย) instead of the code: pass it on for the label table.
  put('title', 'PRENAME', /^\d+$/.test(prename) ? (PRENAME[padCode(prename, 3)] ?? 'other') : prename);
  put('firstName', 'NAME', cell('NAME'));
  put('lastName', 'LNAME', cell('LNAME'));
  put('sex', 'SEX', SEX[cell('SEX')] ?? cell('SEX'));
  put('birthDate', 'BIRTH', cell('BIRTH'));
  put('maritalStatus', 'MSTATUS', coded(MSTATUS, cell('MSTATUS'), 1));
  put('religion', 'RELIGION', coded(RELIGION, cell('RELIGION'), 2));
  put('education', 'EDUCATION', coded(EDUCATION, cell('EDUCATION'), 2));
  // 099 is Thai; other NATION codes follow a table we do not carry, so they are left to the default.
  put('nationality', 'NATION', padCode(cell('NATION'), 3) === '099' ? 'TH' : undefined);

  const hospcode = cell('HOSPCODE');
  const pid = cell('PID');
  const problems: RowInput['problems'] = [];
  if (!hospcode || !pid)
    problems.push({ row: r.row, column: hospcode ? 'PID' : 'HOSPCODE', code: 'import_moph_key' });
  if (DISCHARGED.has(cell('DISCHARGE'))) {
    problems.push({ row: r.row, column: 'DISCHARGE', code: 'import_moph_discharged' });
  }
  return {
    row: r.row,
    values,
    columns,
    problems,
    sourceKey: hospcode && pid ? `moph:${hospcode}:${pid}` : undefined,
    keyColumn: 'PID',
  };
}
