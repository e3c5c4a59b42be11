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
import { codeOf } from './labels.ts';
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
  const errors: RowError[] = [...src.problems];
  const columnOf = (field: FieldKey) => src.columns[field] ?? fieldByKey.get(field)!.header;
  const fail = (field: FieldKey, code: DetailCode, params?: Record<string, string | number>) =>
    errors.push({ row: src.row, column: columnOf(field), code, params });

  const { input, addressGiven } = buildInput(src.values, c.defaultAreaCode);
  const parsed = personCreate.safeParse(input);
  const badFields = new Set<FieldKey>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String));
      badFields.add(field);
      for (const fe of fieldErrorFromIssue(issueLike(issue))) {
        // An unreadable date reaches the schema as typed; say which formats we read.
        const code = field === 'birthDate' && fe.detail === 'bad_format' ? 'import_date_format' : fe.detail;
        fail(field, code, fe.params);
      }
    }
  }

  let birthDate: string | null = null;
  if (!badFields.has('birthDate')) {
    const birth = normalizeBirthDate(input.birthDate as string, c.today);
    if (birth.ok) birthDate = birth.date;
    else fail('birthDate', birth.problem === 'format' ? 'import_date_format' : `birth_${birth.problem}`);
  }

  const address = input.address as PersonCreate['address'];
  let area: Awaited<ReturnType<AreaResolver['resolve']>> | null = null;
  if (!badFields.has('areaCode') && !badFields.has('villageNo')) {
    area = await c.areas.resolve(address.areaCode, address.villageNo);
    if (!area.ok) fail('areaCode', area.detail, area.params);
    else if (!decide(c.actor, { action: 'import.create', areaCode: area.address.areaCode }).allow) {
      fail('areaCode', 'import_area_forbidden', { code: area.address.areaCode });
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
  const resolved = {
    ...area.address,
    houseNo: p.address.houseNo ?? null,
    postcode: p.address.postcode ?? null,
  };
  const person: PreparedRow['person'] = {
    ...personRow(
      { ...p, householdId: undefined, clientId: undefined },
      resolved,
      birthDate,
      c.vault,
      c.actor.userId,
    ),
    sourceKey,
  };
  return {
    ok: true,
    value: {
      row: src.row,
      person,
      provided: providedColumns(p, addressGiven, nationalId !== null),
      fields: Object.keys(input).filter((k) => k !== 'nationalId'),
      nationalIdHash,
      idColumn: columnOf('nationalId'),
      keyColumn: src.keyColumn,
    },
  };
}

/** Spreadsheet text → the body `POST /api/v1/persons` would receive. Only fields the row fills are set. */
function buildInput(v: FieldValues, defaultAreaCode: string) {
  const input: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) input[key] = value;
  };
  const text = (k: FieldKey) => present(v[k]);

  const nationalId = text('nationalId');
  const idType = text('idType') ? codeOf('idType', text('idType')!) : nationalId ? 'thai_id' : 'none';
  set('idType', idType);
  set('nationalId', nationalId);
  set('noIdReason', text('noIdReason') ?? (idType === 'none' ? NO_ID_IN_FILE : undefined));
  set(
    'title',
    mapText(text('title'), (t) => codeOf('title', t)),
  );
  set('firstName', text('firstName'));
  set('lastName', text('lastName'));
  set(
    'sex',
    mapText(text('sex'), (t) => codeOf('sex', t)),
  );
  const date = text('birthDate');
  const read = date ? readDate(date) : null;
  set('birthDate', read?.iso ?? date);
  const estimated = text('birthDateEstimated');
  set('birthDateEstimated', estimated ? readBool(estimated) : read?.yearOnly ? true : undefined);
  set('nationality', mapText(text('nationality'), readNationality));
  set(
    'religion',
    mapText(text('religion'), (t) => codeOf('religion', t)),
  );
  set(
    'maritalStatus',
    mapText(text('maritalStatus'), (t) => codeOf('maritalStatus', t)),
  );
  set(
    'education',
    mapText(text('education'), (t) => codeOf('education', t)),
  );
  set('occupation', text('occupation'));
  set(
    'incomeBand',
    mapText(text('incomeBand'), (t) => codeOf('incomeBand', t)),
  );
  set(
    'healthCoverage',
    mapText(text('healthCoverage'), (t) => codeOf('healthCoverage', t)),
  );

  const addressParts = {
    areaCode: text('areaCode'),
    villageNo: mapText(text('villageNo'), readVillageNo),
    houseNo: text('houseNo'),
    postcode: text('postcode'),
  };
  const addressGiven = Object.values(addressParts).some((x) => x !== undefined);
  set('address', dropUndefined({ ...addressParts, areaCode: addressParts.areaCode ?? defaultAreaCode }));

  set('phone', mapText(text('phone'), readPhone));
  set(
    'chronicConditions',
    mapList(text('chronicConditions'), (t) => readList('chronicConditions', t)),
  );
  const disabilityTypes = mapText(text('disabilityTypes'), (t) => readList('disabilityTypes', t));
  const cardNumber = text('disabilityCardNo');
  if (disabilityTypes || cardNumber)
    set('disability', dropUndefined({ types: disabilityTypes ?? [], cardNumber }));
  set(
    'vulnerability',
    mapList(text('vulnerability'), (t) => readList('vulnerability', t)),
  );
  set(
    'relationToHead',
    mapText(text('relationToHead'), (t) => codeOf('relationToHead', t)),
  );
  const relation = text('caregiverRelation');
  const caregiver = {
    relation: relation ? codeOf('caregiverRelation', relation) : undefined,
    name: text('caregiverName'),
    phone: mapText(text('caregiverPhone'), readPhone),
  };
  if (Object.values(caregiver).some((x) => x !== undefined)) set('caregiver', dropUndefined(caregiver));
  const lat = text('latitude');
  const lon = text('longitude');
  if (lat || lon) set('location', { lat: readNumber(lat ?? ''), lon: readNumber(lon ?? '') });
  return { input, addressGiven };
}

const mapText = <T>(t: string | undefined, f: (t: string) => T): T | undefined =>
  t === undefined ? undefined : f(t);
/** A list that names only computed types (ผู้สูงอายุ) says nothing to store. */
const mapList = (t: string | undefined, f: (t: string) => string[]) => {
  const list = t === undefined ? undefined : f(t);
  return list && list.length > 0 ? list : undefined;
};
const dropUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

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
