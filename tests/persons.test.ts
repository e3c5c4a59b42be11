import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, personRevisions, persons } from '../src/server/db/schema.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Client;
let volunteer: Client;
let outsider: Client;
let operator: Client;

// Valid check digits (mod 11): computed with core/thai/nationalId.
const ID_A = '1103700123458';
const ID_B = '3901500012340';

beforeAll(async () => {
  t = await createTestApp();
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  outsider = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;
  await admin.request({
    method: 'POST',
    url: '/api/v1/areas',
    payload: { parentCode: '901508', villageNo: 3, nameTh: 'บ้านป่าขาด' },
  });
});
afterAll(() => t.close());

const somchai = (over: Record<string, unknown> = {}) => ({
  idType: 'thai_id',
  nationalId: '1-1037-00123-45-8',
  title: 'nai',
  firstName: 'สมชาย',
  lastName: 'ใจดี',
  sex: 'male',
  birthDate: '1950-04-13',
  address: { areaCode: '90150803', houseNo: '12/1', postcode: '90280' },
  phone: '081-234-5678',
  vulnerability: ['poor', 'living_alone'],
  healthCoverage: 'universal',
  ...over,
});

const post = (c: Client, payload: unknown) =>
  c.request({ method: 'POST', url: '/api/v1/persons', payload: payload as object });

describe('registering a person', () => {
  let id: string;

  it('a volunteer registers someone in their area; the ID is stored encrypted and shown masked', async () => {
    const res = await post(volunteer, somchai());
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({
      firstName: 'สมชาย',
      nationalId: 'x-xxxx-xxxxx-45-8',
      nationalIdMasked: true,
      address: {
        areaCode: '901508',
        villageCode: '90150803',
        villageNo: 3,
        houseNo: '12/1',
        areaName: 'บ้านป่าขาด',
      },
      phone: '0812345678',
      consent: { collect: false, shareGroup: false, shareAgencies: false },
      version: 1,
    });
    expect(p.vulnerability).toEqual(['elderly', 'poor', 'living_alone']);
    const [row] = await t.database.db.select().from(persons).where(eq(persons.id, id));
    expect(row!.nationalIdEnc).not.toContain(ID_A);
    expect(row!.nationalIdHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.vulnerability).not.toContain('elderly');
  });

  it('the area admin sees the full ID; the operator does not', async () => {
    expect((await admin.request({ method: 'GET', url: `/api/v1/persons/${id}` })).json().nationalId).toBe(
      ID_A,
    );
    expect((await operator.request({ method: 'GET', url: `/api/v1/persons/${id}` })).json().nationalId).toBe(
      'x-xxxx-xxxxx-45-8',
    );
  });

  it('someone from another area gets 404, and the look is not counted as a read', async () => {
    const res = await outsider.request({ method: 'GET', url: `/api/v1/persons/${id}` });
    expect(res.statusCode).toBe(404);
  });

  it('the same national ID again is 409 with a link to the existing record', async () => {
    const res = await post(admin, somchai({ firstName: 'สมชัย', nationalId: ID_A }));
    expect(res.statusCode).toBe(409);
    expect(res.json().existing).toEqual({ id, href: `/api/v1/persons/${id}` });
    expect(res.json().errors[0].path).toBe('nationalId');
    expect(res.body).not.toContain(ID_A);
  });

  it('a similar name with the same birth date is a probable duplicate until confirmed', async () => {
    const twin = somchai({
      nationalId: ID_B,
      firstName: 'สมชาย',
      lastName: 'ใจดีย์',
      address: { areaCode: '901508' },
    });
    const res = await post(volunteer, twin);
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/conflict');
    expect(res.json().matches.map((m: { id: string }) => m.id)).toEqual([id]);
    const confirmed = await post(volunteer, { ...twin, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('at the same house, a similar name is a probable duplicate but a family member is not', async () => {
    const base = {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      sex: 'female',
      address: { areaCode: '90150803', houseNo: '7' },
    };
    const first = await post(volunteer, {
      ...base,
      firstName: 'สมศรี',
      lastName: 'ใจงาม',
      birthDate: '1955-02-02',
    });
    expect(first.statusCode).toBe(201);
    const typo = await post(volunteer, {
      ...base,
      firstName: 'สมศรี',
      lastName: 'ใจงาม์',
      birthDate: '1956-03-03',
    });
    expect(typo.statusCode).toBe(409);
    expect(typo.json().matches.map((m: { id: string }) => m.id)).toEqual([first.json().id]);
    const husband = await post(volunteer, {
      ...base,
      sex: 'male',
      firstName: 'ประยุทธ',
      lastName: 'ใจงาม',
      birthDate: '1950-01-01',
    });
    expect(husband.statusCode, husband.body).toBe(201);
  });

  it('a retry with the same clientId returns the stored person with 200', async () => {
    const body = somchai({
      idType: 'none',
      nationalId: undefined,
      noIdReason: 'ไม่มีบัตร',
      firstName: 'มาลี',
      lastName: 'ศรีสุข',
      sex: 'female',
      birthDate: '1960-01-01',
      address: { areaCode: '901508' },
      clientId: '0b7d4b9e-4a8f-4c59-9a57-6f5a1c2d3e4f',
    });
    const first = await post(volunteer, body);
    const again = await post(volunteer, body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.database.db.select().from(persons).where(eq(persons.firstName, 'มาลี'));
    expect(rows).toHaveLength(1);
  });

  it('recognises a Buddhist-era year sent as CE', async () => {
    const res = await post(
      volunteer,
      somchai({
        nationalId: undefined,
        idType: 'none',
        noIdReason: 'ยังไม่ได้ทำบัตร',
        firstName: 'เด็กชายต้น',
        lastName: 'ทดสอบ',
        birthDate: '2567-03-01',
        address: { areaCode: '901508' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().birthDate).toBe('2024-03-01');
    expect(res.json().age).toBeLessThan(5);
  });
});

describe('bad input is refused, naming the field, and stores nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a wrong check digit', { nationalId: '1103700123459' }, 'nationalId'],
    [
      'a future birth date',
      { birthDate: '2099-01-01', nationalId: undefined, idType: 'none', noIdReason: 'ไม่มีบัตร' },
      'birthDate',
    ],
    ['an unknown area code', { address: { areaCode: '999999' } }, 'address.areaCode'],
    ['an unknown village', { address: { areaCode: '90150899' } }, 'address.areaCode'],
    ['a Thai ID type without a number', { nationalId: undefined }, 'nationalId'],
    ['no ID without a reason', { idType: 'none', nationalId: undefined }, 'noIdReason'],
    ['an unknown vulnerability', { vulnerability: ['rich'] }, 'vulnerability.0'],
    ['a bad phone', { phone: 'call me' }, 'phone'],
    ['an unknown field', { favouriteColour: 'red' }, 'favouriteColour'],
  ];
  it.each(cases)('%s', async (_name, over, path) => {
    const before = (await t.database.db.select().from(persons)).length;
    const res = await post(volunteer, somchai({ ...over, firstName: 'ผิด', lastName: 'พลาด' }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(res.body).not.toContain('1103700123459');
    expect((await t.database.db.select().from(persons)).length).toBe(before);
  });

  it('the check-digit message is specific, in Thai and English', async () => {
    const th = await post(volunteer, somchai({ nationalId: '1103700123459' }));
    expect(th.json().errors[0].message).toContain('เลขตรวจสอบ');
    const en = await volunteer.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: somchai({ nationalId: '1103700123459' }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().errors[0].message).toContain('check digit');
  });

  it('someone outside the area cannot register there', async () => {
    const res = await post(
      outsider,
      somchai({
        nationalId: undefined,
        idType: 'none',
        noIdReason: 'x y z',
        firstName: 'ต่าง',
        lastName: 'ถิ่น',
      }),
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('editing, history, consent, search and merge', () => {
  let id: string;
  beforeAll(async () => {
    const [row] = await t.database.db.select().from(persons).where(eq(persons.lastName, 'ใจดี'));
    id = row!.id;
  });

  it('an edit bumps the version and keeps a revision with the reason', async () => {
    const res = await volunteer.request({
      method: 'PATCH',
      url: `/api/v1/persons/${id}`,
      payload: { phone: '0899999999', reason: 'เปลี่ยนเบอร์' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '0899999999', version: 2 });
    const history = (await volunteer.request({ method: 'GET', url: `/api/v1/persons/${id}/history` })).json();
    expect(history.items[0]).toMatchObject({
      version: 2,
      reason: 'เปลี่ยนเบอร์',
      changes: { phone: { from: '0812345678', to: '0899999999' } },
    });
  });

  it('a revision never holds the national ID', async () => {
    await admin.request({ method: 'PATCH', url: `/api/v1/persons/${id}`, payload: { nationalId: ID_A } });
    const rows = await t.database.db.select().from(personRevisions).where(eq(personRevisions.personId, id));
    expect(JSON.stringify(rows)).not.toContain(ID_A);
  });

  it('consent is a history: grant, then withdraw takes effect at once', async () => {
    const grant = await volunteer.request({
      method: 'POST',
      url: `/api/v1/persons/${id}/consents`,
      payload: { purpose: 'share_group', granted: true, method: 'paper' },
    });
    expect(grant.statusCode).toBe(201);
    expect(grant.json().state.shareGroup).toBe(true);
    const withdraw = await volunteer.request({
      method: 'POST',
      url: `/api/v1/persons/${id}/consents`,
      payload: { purpose: 'share_group', granted: false, method: 'self' },
    });
    expect(withdraw.json().state.shareGroup).toBe(false);
    const history = (
      await volunteer.request({ method: 'GET', url: `/api/v1/persons/${id}/consents` })
    ).json();
    expect(history.items).toHaveLength(2);
    const verbal = await volunteer.request({
      method: 'POST',
      url: `/api/v1/persons/${id}/consents`,
      payload: { purpose: 'collect', granted: true, method: 'verbal_witnessed' },
    });
    expect(verbal.statusCode).toBe(400);
    expect(verbal.json().errors[0].path).toBe('witnessName');
  });

  it('searches by Thai name with a typo, by ID, by phone, and filters by vulnerability and age', async () => {
    const q = async (query: string) =>
      (await volunteer.request({ method: 'GET', url: `/api/v1/persons?${query}` }))
        .json()
        .items.map((p: { lastName: string }) => p.lastName);
    expect(await q(`q=${encodeURIComponent('สมชาย ใจดี')}`)).toContain('ใจดี');
    expect(await q(`q=${encodeURIComponent('สมชาญ ใจดี')}`)).toContain('ใจดี');
    expect(await q(`q=${ID_A}`)).toEqual(['ใจดี']);
    expect(await q('q=0899999999')).toEqual(['ใจดี']);
    expect(await q('vulnerability=elderly')).toContain('ใจดี');
    expect(await q('vulnerability=elderly')).not.toContain('ทดสอบ');
    expect(await q('ageMax=5')).toEqual(['ทดสอบ']);
    expect(await q('sex=female')).toEqual(['ศรีสุข', 'ใจงาม']);
    expect((await outsider.request({ method: 'GET', url: '/api/v1/persons' })).json().items).toEqual([]);
  });

  it('paginates the registry with a cursor', async () => {
    const first = (await volunteer.request({ method: 'GET', url: '/api/v1/persons?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await volunteer.request({ method: 'GET', url: `/api/v1/persons?limit=2&cursor=${first.nextCursor}` })
    ).json();
    const ids = [...first.items, ...second.items].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an admin merges a duplicate: both histories kept, the duplicate points at the survivor', async () => {
    const [dup] = await t.database.db.select().from(persons).where(eq(persons.lastName, 'ใจดีย์'));
    expect(
      (
        await volunteer.request({
          method: 'POST',
          url: `/api/v1/persons/${dup!.id}/merge`,
          payload: { intoId: id, reason: 'คนเดียวกัน' },
        })
      ).statusCode,
    ).toBe(403);
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/persons/${dup!.id}/merge`,
      payload: { intoId: id, reason: 'คนเดียวกัน' },
    });
    expect(res.statusCode).toBe(200);
    const gone = (await admin.request({ method: 'GET', url: `/api/v1/persons/${dup!.id}` })).json();
    expect(gone.mergedInto).toBe(id);
    const listed = (await admin.request({ method: 'GET', url: '/api/v1/persons?limit=100' }))
      .json()
      .items.map((p: { id: string }) => p.id);
    expect(listed).not.toContain(dup!.id);
    const history = (
      await admin.request({ method: 'GET', url: `/api/v1/persons/${dup!.id}/history` })
    ).json();
    expect(history.items[0].changes.mergedInto.to).toBe(id);
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/persons/${dup!.id}/merge`,
      payload: { intoId: id, reason: 'อีกครั้ง' },
    });
    expect(again.statusCode).toBe(422);
  });

  it('every read and write of a person is audited without names or IDs', async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'person.create',
      'person.read',
      'person.update',
      'consent.grant',
      'consent.withdraw',
      'person.merge',
    ])
      expect(actions).toContain(a);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('สมชาย');
    expect(text).not.toContain(ID_A);
  });
});

describe('a volunteer scoped to one village', () => {
  it('registers and finds people of that village only', async () => {
    const { client: vhv } = await loginAs(t, { roles: ['volunteer'], areaCodes: ['90150803'] });
    const mine = await post(vhv, {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: 'ชาวบ้าน',
      lastName: 'หมู่สาม',
      sex: 'male',
      birthDate: '1970-07-07',
      address: { areaCode: '90150803' },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const elsewhere = await post(vhv, {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: 'ต่าง',
      lastName: 'หมู่',
      sex: 'male',
      birthDate: '1970-07-07',
      address: { areaCode: '901508', villageNo: 4 },
    });
    expect(elsewhere.statusCode).toBe(403);
    const listed = (await vhv.request({ method: 'GET', url: '/api/v1/persons?limit=100' })).json().items;
    expect(listed.length).toBeGreaterThan(1);
    expect(
      listed.every((p: { address: { villageCode: string } }) => p.address.villageCode === '90150803'),
    ).toBe(true);
    expect((await vhv.request({ method: 'GET', url: `/api/v1/persons/${mine.json().id}` })).statusCode).toBe(
      200,
    );
  });
});
