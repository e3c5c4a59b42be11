import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let volunteer: Client;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  const a = await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] });
  admin = a.client;
  adminId = a.user.id;
});
afterAll(() => t.close());

const get = (c: Client, url: string) => c.request({ method: 'GET', url });

describe('the DOPA area tree', () => {
  it('lists the 77 provinces at the top level, paginated', async () => {
    const first = await get(volunteer, '/api/v1/areas?limit=50');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(50);
    const second = await get(volunteer, `/api/v1/areas?limit=50&cursor=${first.json().nextCursor}`);
    expect(second.json().items).toHaveLength(27);
    expect(second.json().nextCursor).toBeNull();
    const songkhla = second.json().items.find((a: { code: string }) => a.code === '90');
    expect(songkhla).toMatchObject({
      level: 'province',
      nameTh: 'สงขลา',
      nameEn: 'Songkhla',
      parentCode: null,
      childCount: 16,
    });
  });

  it('lists the children of an area', async () => {
    const res = await get(volunteer, '/api/v1/areas?parent=9015');
    expect(res.json().items.map((a: { nameTh: string }) => a.nameTh)).toContain('ชิงโค');
    expect(res.json().items).toHaveLength(11);
  });

  it('an unknown parent is 404', async () => {
    expect((await get(volunteer, '/api/v1/areas?parent=99')).statusCode).toBe(404);
  });

  it('returns one area with its ancestors', async () => {
    const res = await get(volunteer, '/api/v1/areas/901501');
    expect(res.json()).toMatchObject({ code: '901501', level: 'subdistrict', parentCode: '9015' });
    expect(res.json().ancestors.map((a: { code: string }) => a.code)).toEqual(['90', '9015']);
  });

  it('finds areas by Thai name, with the path to tell namesakes apart', async () => {
    const res = await get(volunteer, `/api/v1/areas?q=${encodeURIComponent('สิงหนคร')}`);
    const hit = res.json().items[0];
    expect(hit).toMatchObject({ code: '9015', pathTh: 'สงขลา' });
  });

  it('finds areas by English name, case-insensitive', async () => {
    const res = await get(volunteer, '/api/v1/areas?q=singhanakhon&level=district');
    expect(res.json().items[0].code).toBe('9015');
  });

  it('tolerates a typo in an English name', async () => {
    const res = await get(volunteer, '/api/v1/areas?q=songkla&level=province');
    expect(res.json().items[0]?.code).toBe('90');
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/areas' })).statusCode).toBe(401);
  });
});

describe('villages', () => {
  const village = { parentCode: '901501', villageNo: 21, nameTh: 'บ้านทดสอบ', nameEn: 'Ban Thotsop' };

  it('an admin adds a village in their subdistrict, and it is audited', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/areas', payload: village });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: '90150121',
      level: 'village',
      parentCode: '901501',
      nameTh: 'บ้านทดสอบ',
    });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, '90150121'), eq(auditLog.action, 'area.village.create')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(adminId);
  });

  it('the same village number twice is 409 and changes nothing', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/areas',
      payload: { ...village, nameTh: 'อื่น' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('villageNo');
    expect((await get(admin, '/api/v1/areas/90150121')).json().nameTh).toBe('บ้านทดสอบ');
  });

  it('an admin cannot add a village outside their area', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/areas',
      payload: { ...village, parentCode: '901502' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('a volunteer cannot add villages', async () => {
    const res = await volunteer.request({
      method: 'POST',
      url: '/api/v1/areas',
      payload: { ...village, villageNo: 22 },
    });
    expect(res.statusCode).toBe(403);
  });

  it('a village must sit under a subdistrict that exists', async () => {
    const unknown = await admin.request({
      method: 'POST',
      url: '/api/v1/areas',
      payload: { ...village, parentCode: '901599' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('parentCode');
    const district = await admin.request({
      method: 'POST',
      url: '/api/v1/areas',
      payload: { ...village, parentCode: '9015' },
    });
    expect(district.statusCode).toBe(400);
  });

  it('village numbers are 1–99', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/areas',
      payload: { ...village, villageNo: 0 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('villageNo');
  });
});
