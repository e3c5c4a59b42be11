import type { TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../core/schemas/index.ts';
import { groupNationalId } from '../../components/NationalIdInput.tsx';
import { personsCsv } from './csv.ts';
import { ageBands, filtersFrom, toQuery } from './filters.ts';
import { fieldOf, personErrors } from './validate.ts';
import {
  birthDateOf,
  emptyValues,
  type PersonValues,
  toCreateBody,
  toPatchBody,
  valuesOf,
} from './values.ts';
import { onlyStep, stepOfFields } from './wizard/steps.ts';

// validate.ts reaches app/i18n through app/validation → app/api; in Node it only needs <html> to set `lang` on.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

const t = ((key: string, opts?: Record<string, unknown>) =>
  opts && 'count' in opts ? `${key}:${opts.count}` : key) as unknown as TFunction;

const valid = (): PersonValues => ({
  ...emptyValues(['90150801']),
  nationalId: '1-1037-02071-83-8',
  firstName: 'มาลัย',
  lastName: 'ใจดี',
  sex: 'female',
  birthDay: '5',
  birthMonth: '5',
  birthYearBE: '2490',
});

const person: Person = {
  id: '5f0c6a1e-0000-4000-8000-000000000001',
  idType: 'thai_id',
  nationalId: 'x-xxxx-xxxxx-83-8',
  nationalIdMasked: true,
  noIdReason: null,
  title: 'nang',
  firstName: 'มาลัย',
  lastName: 'ใจดี, "ทดสอบ"',
  sex: 'female',
  birthDate: '1947-05-05',
  birthDateEstimated: false,
  age: 79,
  nationality: 'TH',
  religion: null,
  maritalStatus: null,
  education: null,
  occupation: null,
  incomeBand: null,
  healthCoverage: 'universal',
  address: {
    areaCode: '901508',
    villageCode: '90150801',
    villageNo: 1,
    houseNo: '77/1',
    postcode: null,
    areaName: 'หมู่ที่ 1',
  },
  householdId: null,
  relationToHead: null,
  phone: '0812345678',
  chronicConditions: ['hypertension'],
  disability: null,
  vulnerability: ['elderly', 'living_alone'],
  adlGroup: null,
  adlTakenAt: null,
  caregiver: null,
  location: null,
  consent: { collect: true, shareGroup: false, shareAgencies: false },
  version: 1,
  mergedInto: null,
  createdAt: '2026-11-25T09:00:00Z',
  updatedAt: '2026-11-25T09:00:00Z',
};

describe('the national ID as typed', () => {
  it('is grouped like the card while typing, Thai digits included', () => {
    expect(groupNationalId('1')).toBe('1');
    expect(groupNationalId('11037')).toBe('1-1037');
    expect(groupNationalId('110370207183')).toBe('1-1037-02071-83');
    expect(groupNationalId('๑๑๐๓๗๐๒๐๗๑๘๓๘')).toBe('1-1037-02071-83-8');
    expect(groupNationalId('1-1037-02071-83-89999')).toBe('1-1037-02071-83-8');
  });

  it('a wrong check digit is named as such; a short one says how many digits', () => {
    expect(personErrors({ ...valid(), nationalId: '1-1037-02071-83-1' }, t).nationalId).toBe(
      'persons.id.checkDigit',
    );
    expect(personErrors({ ...valid(), nationalId: '1-1037' }, t).nationalId).toBe('persons.id.length:5');
    expect(personErrors(valid(), t)).toEqual({});
  });
});

describe('the birth date in the Buddhist era', () => {
  it('day, month and B.E. year become an ISO date in CE', () => {
    expect(
      birthDateOf({ birthDay: '5', birthMonth: '5', birthYearBE: '2490', birthDateEstimated: false }),
    ).toEqual({
      date: '1947-05-05',
    });
    expect(
      birthDateOf({ birthDay: '', birthMonth: null, birthYearBE: '๒๕๑๐', birthDateEstimated: true }),
    ).toEqual({
      date: '1967-01-01',
    });
  });

  it('a CE year, a day the month does not have, and the future are refused', () => {
    const v = { birthDay: '5', birthMonth: '5', birthDateEstimated: false };
    expect(birthDateOf({ ...v, birthYearBE: '1967' })).toMatchObject({ problem: 'notBE' });
    expect(birthDateOf({ ...v, birthDay: '31', birthMonth: '2', birthYearBE: '2510' })).toMatchObject({
      problem: 'noSuchDay',
    });
    expect(birthDateOf({ ...v, birthYearBE: '2569' }, '2026-01-01')).toMatchObject({ problem: 'future' });
  });
});

describe('the request bodies', () => {
  it('a new person: the village code as the address, blanks left out', () => {
    const body = toCreateBody(valid());
    expect(body.address).toEqual({
      areaCode: '90150801',
      villageNo: undefined,
      houseNo: undefined,
      postcode: undefined,
    });
    expect(body.nationalId).toBe('1103702071838');
    expect(body.birthDate).toBe('1947-05-05');
    expect(body.phone).toBeUndefined();
  });

  it('an edit sends only what changed; a cleared field is null; a masked ID is kept', () => {
    const before = valuesOf(person);
    expect(before.nationalId).toBe('');
    expect(toPatchBody(before, before)).toEqual({});
    const body = toPatchBody(before, { ...before, phone: '', houseNo: '9', vulnerability: [] });
    expect(body).toEqual({
      phone: null,
      address: { areaCode: '90150801', houseNo: '9' },
      vulnerability: [],
    });
  });

  it('server error paths go to their form field and step', () => {
    expect(fieldOf('address.areaCode')).toBe('areaCode');
    expect(fieldOf('caregiver.phone')).toBe('caregiverPhone');
    expect(fieldOf('birthDate')).toBe('birthYearBE');
    expect(stepOfFields(['houseNo'])).toBe(2);
    expect(stepOfFields(['nationalId', 'houseNo'])).toBe(0);
    expect(onlyStep({ firstName: 'x', houseNo: 'y' }, 1)).toEqual({ firstName: 'x' });
  });
});

describe('the list filters', () => {
  it('come from the URL and become the API query', () => {
    const f = filtersFrom(new URLSearchParams('q=สม&age=70_79&sex=x&area=9015'));
    expect(f).toEqual({ q: 'สม', area: '9015', age: '70_79', sex: undefined, vulnerability: undefined });
    expect(toQuery(f)).toMatchObject({ ageMin: 70, ageMax: 79 });
    expect(toQuery({ age: 'elderly' })).toMatchObject({ ageMin: ageBands.elderly.min, ageMax: undefined });
  });
});

describe('personsCsv', () => {
  it('writes a BOM, B.E. dates and defused cells', () => {
    const csv = personsCsv([person], t, 'th');
    expect(csv.startsWith('\uFEFFid,')).toBe(true);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line).toContain('x-xxxx-xxxxx-83-8');
    expect(line).toContain('"ใจดี, ""ทดสอบ"""');
    expect(line).toContain('5 พ.ค. 2490');
    expect(line).toContain('enums.vulnerability.elderly; enums.vulnerability.living_alone');
  });
});
