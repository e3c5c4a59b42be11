import type { z } from 'zod';
import { type Actor, decide } from '../../../core/policy/index.ts';
import { type PersonCreate, personCreate } from '../../../core/schemas/person.ts';
import { normalizeBirthDate } from '../../../core/thai/birthDate.ts';
import type { DetailCode } from '../../http/messages.ts';
import { fieldErrorFromIssue } from '../../http/validation.ts';
import type { NationalIdVault } from '../persons/nationalIdVault.ts';
import type { PersonInsert } from '../persons/repo.ts';
import { normalizeId, personRow } from '../persons/row.ts';
import type { AreaResolver } from './areaCache.ts';
import { type FieldKey, type FieldValues, fieldByKey } from './fields.ts';
import { type CodedField, codeOf } from './labels.ts';
import {
  present,
  readBool,
  readDate,
  readList,
  readNationality,
  readNumber,
  readPhone,
  readVillageNo,
} from './values.ts';

/** One problem with one row; the message is rendered from the code in the reader's language. */
export interface RowError {
  row: number;
  column: string | null;
  code: DetailCode;
  params?: Record<string, string | number>;
}

/** A sheet row as a format read it: values by person field, and which header each came from. */
export interface RowInput {
  row: number;
  values: FieldValues;
  columns: Partial<Record<FieldKey, string>>;
  /** Problems the format itself found (e.g. a MoPH record of someone who died). */
  problems: RowError[];
  /** A key the source system gives (MoPH: HOSPCODE:PID); otherwise derived here. */
  sourceKey?: string;
  /** The column to blame when the row repeats an earlier one by that key. */
  keyColumn: string | null;
}

export type PersonColumn = keyof PersonInsert;

/** A row ready to be written: the person's columns, and which of them the file actually said something about. */
export interface PreparedRow {
  row: number;
  person: PersonInsert & { sourceKey: string };
  /** Columns an update may change; the rest of an existing record is left alone. */
  provided: PersonColumn[];
  /** Field names for the revision record, as createPerson writes them. */
  fields: string[];
  nationalIdHash: string | null;
  idColumn: string | null;
  keyColumn: string | null;
}

export type Prepared = { ok: true; value: PreparedRow } | { ok: false; errors: RowError[] };

export interface RowContext {
  actor: Actor;
  vault: NationalIdVault;
  today: string;
  areas: AreaResolver;
  /** Where rows without an address belong (the job's area). */
  defaultAreaCode: string;
  /** False when nothing will be written (a dry run): IDs get their lookup hash but no ciphertext. */
  encrypt?: boolean;
}

/** Rows without an identifier are still registered (lists from the field often lack one). */
export const NO_ID_IN_FILE = 'ไม่มีเลขประจำตัวในไฟล์นำเข้า';

/**
 * The same checks as `POST /api/v1/persons`: the shared `personCreate`
 * schema, then the birth date rule (Buddhist-era years), the area rules and
 * the policy. Every problem is collected, so one pass tells the user all
 * that is wrong with a row.
 */
export async function prepareRow(src: RowInput, c: RowContext): Promise<Prepared> {
  // (Runs 100,000 times an import: no closures or sets made for a row that has no problem.)
  const errors: RowError[] = src.problems.length > 0 ? [...src.problems] : [];

  const { input, addressGiven } = buildInput(src.values, c.defaultAreaCode);
  const parsed = personCreate.safeParse(input);
  let badFields: Set<FieldKey> | undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String));
      badFields ??= new Set();
      badFields.add(field);
      for (const fe of fieldErrorFromIssue(issueLike(issue))) {
        // An unreadable date reaches the schema as typed; say which formats we read.
        const code = field === 'birthDate' && fe.detail === 'bad_format' ? 'import_date_format' : fe.detail;
        fail(errors, src, field, code, fe.params);
      }
    }
  }

  let birthDate: string | null = null;
  if (!badFields?.has('birthDate')) {
    const birth = normalizeBirthDate(input.birthDate as string, c.today);
    if (birth.ok) birthDate = birth.date;
    else
      fail(
        errors,
        src,
        'birthDate',
        birth.problem === 'format' ? 'import_date_format' : `birth_${birth.problem}`,
      );
  }

  const address = input.address as PersonCreate['address'];
  let area: Awaited<ReturnType<AreaResolver['resolve']>> | null = null;
  if (!badFields?.has('areaCode') && !badFields?.has('villageNo')) {
    area = await c.areas.resolve(address.areaCode, address.villageNo);
    if (!area.ok) fail(errors, src, 'areaCode', area.detail, area.params);
    else if (!decide(c.actor, { action: 'import.create', areaCode: area.address.areaCode }).allow) {
      fail(errors, src, 'areaCode', 'import_area_forbidden', { code: area.address.areaCode });
    }
  }

  if (errors.length > 0 || !parsed.success || !birthDate || !area?.ok) return { ok: false, errors };
  const p = parsed.data;
  const nationalId = p.nationalId && p.idType !== 'none' ? normalizeId(p.idType, p.nationalId) : null;
  const nationalIdHash = nationalId ? c.vault.lookupHash(p.idType, nationalId) : null;
  const sourceKey =
    src.sourceKey ??
    (nationalIdHash
      ? `toemsuk:id:${nationalIdHash}`
      : `toemsuk:name:${c.vault.lookupHash('import-name', nameKey(p, birthDate, area.address.areaCode))}`);

  // The same row builder as the API; the area came from the import's cache instead of a query per row.
  // The ID is sealed here rather than by personRow, so that its digest is computed once (it is the
  // import's key too) and a dry run, which writes nothing, skips the encryption.
  const resolved = {
    ...area.address,
    houseNo: p.address.houseNo ?? null,
    postcode: p.address.postcode ?? null,
  };
  // (The parsed body is this row's own: cleared and filled in place, as copying a row this wide costs.)
  p.nationalId = undefined;
  p.householdId = undefined;
  p.clientId = undefined;
  const person = personRow(p, resolved, birthDate, c.vault, c.actor.userId) as PreparedRow['person'];
  person.nationalIdEnc = nationalId && c.encrypt !== false ? c.vault.encrypt(nationalId) : null;
  person.nationalIdHash = nationalIdHash;
  person.sourceKey = sourceKey;
  return {
    ok: true,
    value: {
      row: src.row,
      person,
      provided: providedColumns(p, addressGiven, nationalId !== null),
      fields: Object.keys(input).filter((k) => k !== 'nationalId'),
      nationalIdHash,
      idColumn: columnOf(src, 'nationalId'),
      keyColumn: src.keyColumn,
    },
  };
}

const columnOf = (src: RowInput, field: FieldKey) => src.columns[field] ?? fieldByKey.get(field)!.header;

function fail(
  errors: RowError[],
  src: RowInput,
  field: FieldKey,
  code: DetailCode,
  params?: Record<string, string | number>,
) {
  errors.push({ row: src.row, column: columnOf(src, field), code, params });
}

/**
 * Spreadsheet text → the body `POST /api/v1/persons` would receive. Only fields the row fills are set.
 * (Runs 100,000 times an import: module-level helpers, no closures made per row.)
 */
function buildInput(v: FieldValues, defaultAreaCode: string) {
  const input: Record<string, unknown> = {};
  const nationalId = present(v.nationalId);
  const idTypeText = present(v.idType);
  const idType = idTypeText ? codeOf('idType', idTypeText) : nationalId ? 'thai_id' : 'none';
  set(input, 'idType', idType);
  set(input, 'nationalId', nationalId);
  set(input, 'noIdReason', present(v.noIdReason) ?? (idType === 'none' ? NO_ID_IN_FILE : undefined));
  set(input, 'title', coded(v, 'title'));
  set(input, 'firstName', present(v.firstName));
  set(input, 'lastName', present(v.lastName));
  set(input, 'sex', coded(v, 'sex'));
  const date = present(v.birthDate);
  const read = date ? readDate(date) : null;
  set(input, 'birthDate', read?.iso ?? date);
  const estimated = present(v.birthDateEstimated);
  set(input, 'birthDateEstimated', estimated ? readBool(estimated) : read?.yearOnly ? true : undefined);
  const nationality = present(v.nationality);
  set(input, 'nationality', nationality === undefined ? undefined : readNationality(nationality));
  set(input, 'religion', coded(v, 'religion'));
  set(input, 'maritalStatus', coded(v, 'maritalStatus'));
  set(input, 'education', coded(v, 'education'));
  set(input, 'occupation', present(v.occupation));
  set(input, 'incomeBand', coded(v, 'incomeBand'));
  set(input, 'healthCoverage', coded(v, 'healthCoverage'));

  const areaCode = present(v.areaCode);
  const villageNo = present(v.villageNo);
  const address: Record<string, unknown> = { areaCode: areaCode ?? defaultAreaCode };
  set(address, 'villageNo', villageNo === undefined ? undefined : readVillageNo(villageNo));
  set(address, 'houseNo', present(v.houseNo));
  set(address, 'postcode', present(v.postcode));
  const addressGiven = areaCode !== undefined || Object.keys(address).length > 1;
  input.address = address;

  set(input, 'phone', phone(v.phone));
  set(input, 'chronicConditions', list(v, 'chronicConditions'));
  const disabilityText = present(v.disabilityTypes);
  const disabilityTypes =
    disabilityText === undefined ? undefined : readList('disabilityTypes', disabilityText);
  const cardNumber = present(v.disabilityCardNo);
  if (disabilityTypes || cardNumber) {
    const disability: Record<string, unknown> = { types: disabilityTypes ?? [] };
    set(disability, 'cardNumber', cardNumber);
    input.disability = disability;
  }
  set(input, 'vulnerability', list(v, 'vulnerability'));
  set(input, 'relationToHead', coded(v, 'relationToHead'));
  const caregiver: Record<string, unknown> = {};
  set(caregiver, 'relation', coded(v, 'caregiverRelation'));
  set(caregiver, 'name', present(v.caregiverName));
  set(caregiver, 'phone', phone(v.caregiverPhone));
  if (Object.keys(caregiver).length > 0) input.caregiver = caregiver;
  const lat = present(v.latitude);
  const lon = present(v.longitude);
  if (lat || lon) input.location = { lat: readNumber(lat ?? ''), lon: readNumber(lon ?? '') };
  return { input, addressGiven };
}

function set(target: Record<string, unknown>, key: string, value: unknown) {
  if (value !== undefined) target[key] = value;
}

/** A coded field's text → its code (unknown text passes through for the schema to name). */
function coded(v: FieldValues, field: FieldKey & CodedField): string | undefined {
  const t = present(v[field]);
  return t === undefined ? undefined : codeOf(field, t);
}

function phone(text: string | undefined): string | undefined {
  const t = present(text);
  return t === undefined ? undefined : readPhone(t);
}

/** A list that names only computed types (ผู้สูงอายุ) says nothing to store. */
function list(v: FieldValues, field: FieldKey & CodedField): string[] | undefined {
  const t = present(v[field]);
  const items = t === undefined ? undefined : readList(field, t);
  return items && items.length > 0 ? items : undefined;
}

/** Where in the file a schema issue points: `address.areaCode` → รหัสตำบล, `caregiver.phone` → โทรศัพท์ผู้ดูแล. */
function fieldOfPath(path: string[]): FieldKey {
  const [head = '', sub = ''] = path;
  switch (head) {
    case 'address':
      return (['areaCode', 'villageNo', 'houseNo', 'postcode'] as const).find((k) => k === sub) ?? 'areaCode';
    case 'disability':
      return sub === 'cardNumber' ? 'disabilityCardNo' : 'disabilityTypes';
    case 'caregiver':
      return sub === 'name' ? 'caregiverName' : sub === 'phone' ? 'caregiverPhone' : 'caregiverRelation';
    case 'location':
      return sub === 'lon' ? 'longitude' : 'latitude';
    default:
      return fieldByKey.has(head as FieldKey) ? (head as FieldKey) : 'firstName';
  }
}

function issueLike(issue: z.core.$ZodIssue) {
  return {
    code: issue.code,
    path: issue.path.map(String).join('.'),
    message: issue.message,
    params: issue as unknown as Record<string, unknown>,
  };
}

function providedColumns(p: PersonCreate, addressGiven: boolean, hasId: boolean): PersonColumn[] {
  const out: PersonColumn[] = ['firstName', 'lastName', 'sex', 'birthDate', 'birthDateEstimated'];
  if (addressGiven) out.push('areaCode', 'villageCode', 'villageNo', 'houseNo', 'postcode');
  if (hasId) out.push('idType', 'nationalIdHash');
  const simple = [
    'title',
    'nationality',
    'religion',
    'maritalStatus',
    'education',
    'occupation',
    'incomeBand',
    'healthCoverage',
    'phone',
    'chronicConditions',
    'vulnerability',
    'relationToHead',
    'caregiver',
  ] as const;
  for (const k of simple) if (p[k] !== undefined) out.push(k);
  if (p.disability) out.push('disabilityTypes', 'disabilityCardNo');
  if (p.location) out.push('latitude', 'longitude');
  return out;
}

/** Without an ID, the same name, birth date and subdistrict is the same person on a re-import. */
function nameKey(p: PersonCreate, birthDate: string, areaCode: string): string {
  const norm = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[\u200b-\u200d\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return `${norm(p.firstName)} ${norm(p.lastName)}|${birthDate}|${areaCode}`;
}
