import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let volunteer: Client;
let outsider: Client;

beforeAll(async () => {
  t = await createTestApp();
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  outsider = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
});
afterAll(() => t.close());

const person = (firstName: string, over: Record<string, unknown> = {}) => ({
  idType: 'none',
  noIdReason: 'ไม่มีบัตร',
  firstName,
  lastName: 'บ้านเดียวกัน',
  sex: 'female',
  birthDate: '1980-01-01',
  address: { areaCode: '901508', villageNo: 2, houseNo: '45' },
  confirmNotDuplicate: true,
  ...over,
});

describe('households', () => {
  it('a household with a head and members; people listed by household', async () => {
    const head = (
      await volunteer.request({ method: 'POST', url: '/api/v1/persons', payload: person('แม่') })
    ).json();
    const created = await volunteer.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: {
        address: { areaCode: '901508', villageNo: 2, houseNo: '45' },
        housingType: 'own_house',
        headPersonId: head.id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    expect(h).toMatchObject({
      housingType: 'own_house',
      headPersonId: head.id,
      memberCount: 1,
      address: { areaCode: '901508', villageNo: 2, houseNo: '45' },
    });

    const child = await volunteer.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person('ลูก', { birthDate: '2010-05-05', householdId: h.id, relationToHead: 'child' }),
    });
    expect(child.statusCode, child.body).toBe(201);
    const members = (
      await volunteer.request({ method: 'GET', url: `/api/v1/persons?householdId=${h.id}` })
    ).json().items;
    expect(members.map((m: { firstName: string }) => m.firstName).sort()).toEqual(['ลูก', 'แม่']);
    expect(
      (await volunteer.request({ method: 'GET', url: `/api/v1/households/${h.id}` })).json().memberCount,
    ).toBe(2);
  });

  it('lists households by village, and hides them from other areas', async () => {
    const list = (await volunteer.request({ method: 'GET', url: '/api/v1/households?area=901508' })).json();
    expect(list.items).toHaveLength(1);
    expect((await outsider.request({ method: 'GET', url: '/api/v1/households' })).json().items).toEqual([]);
    expect(
      (await outsider.request({ method: 'GET', url: `/api/v1/households/${list.items[0].id}` })).statusCode,
    ).toBe(404);
  });

  it('a person cannot join a household in another subdistrict', async () => {
    const [h] = (await volunteer.request({ method: 'GET', url: '/api/v1/households' })).json().items;
    const res = await volunteer.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: person('ผิดที่', {
        address: { areaCode: '901508' },
        householdId: '00000000-0000-4000-8000-000000000000',
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('householdId');
    const patch = await volunteer.request({
      method: 'PATCH',
      url: `/api/v1/households/${h.id}`,
      payload: { housingType: 'rented' },
    });
    expect(patch.json().housingType).toBe('rented');
  });

  it('a retried create with the same clientId returns the same household', async () => {
    const body = {
      address: { areaCode: '901508', houseNo: '99' },
      clientId: 'f3a1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b',
    };
    const a = await volunteer.request({ method: 'POST', url: '/api/v1/households', payload: body });
    const b = await volunteer.request({ method: 'POST', url: '/api/v1/households', payload: body });
    expect([a.statusCode, b.statusCode]).toEqual([201, 200]);
    expect(b.json().id).toBe(a.json().id);
  });
});
