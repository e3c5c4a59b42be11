import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, auditLog, organizations } from '../src/server/db/schema.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let operator: Client;
let admin: Client;
let volunteer: Client;

beforeAll(async () => {
  t = await createTestApp();
  operator = (await loginAs(t, { roles: ['operator'] })).client;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
});
afterAll(() => t.close());

const shph = {
  name: 'รพ.สต.ชิงโค',
  nameEn: 'Ching Kho SHPH',
  type: 'shph',
  areaCode: '901501',
  tier: 'S+',
  services: ['happiness_centre', 'palliative_care', 'happiness_centre'],
  phone: '074-000000',
};

describe('organisations', () => {
  it('an admin creates one in their area; services are de-duplicated; the write is audited', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/organizations', payload: shph });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      name: 'รพ.สต.ชิงโค',
      tier: 'S+',
      areaName: 'ชิงโค',
      services: ['happiness_centre', 'palliative_care'],
    });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, org.id));
    expect(audits.map((a) => a.action)).toEqual(['organization.create']);
  });

  it('anyone signed in reads the directory, filtered by type, area and service', async () => {
    await operator.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'อบต.ป่าขาด', type: 'lao', areaCode: '901508', services: ['home_modification'] },
    });
    const byType = await volunteer.request({ method: 'GET', url: '/api/v1/organizations?type=lao' });
    expect(byType.json().items.map((o: { name: string }) => o.name)).toEqual(['อบต.ป่าขาด']);
    const byArea = await volunteer.request({ method: 'GET', url: '/api/v1/organizations?area=901501' });
    expect(byArea.json().items.map((o: { name: string }) => o.name)).toEqual(['รพ.สต.ชิงโค']);
    const byService = await volunteer.request({
      method: 'GET',
      url: '/api/v1/organizations?service=palliative_care',
    });
    expect(byService.json().items).toHaveLength(1);
    const byText = await volunteer.request({
      method: 'GET',
      url: `/api/v1/organizations?q=${encodeURIComponent('ป่าขาด')}`,
    });
    expect(byText.json().items).toHaveLength(1);
  });

  it('paginates in a stable order whatever the sort', async () => {
    for (let i = 0; i < 7; i++) {
      await operator.request({
        method: 'POST',
        url: '/api/v1/organizations',
        payload: { name: `กลุ่มอาสา ${i}`, type: 'volunteer_group', areaCode: '9015' },
      });
    }
    for (const sort of ['name', '-name', 'createdAt', '-createdAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url = `/api/v1/organizations?type=volunteer_group&limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const body: { items: { id: string; name: string }[]; nextCursor: string | null } = (
          await volunteer.request({ method: 'GET', url })
        ).json();
        seen.push(...body.items.map((o) => o.name));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen, sort).toHaveLength(7);
      expect(new Set(seen).size, sort).toBe(7);
      const sorted = [...seen].sort((a, b) => (a < b ? -1 : 1));
      if (sort === 'name') expect(seen).toEqual(sorted);
      if (sort === '-name') expect(seen).toEqual(sorted.reverse());
    }
  });

  it('an admin cannot create or move one outside their area', async () => {
    const outside = await admin.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { ...shph, areaCode: '901502' },
    });
    expect(outside.statusCode).toBe(403);
    const [mine] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, 'รพ.สต.ชิงโค'));
    const move = await admin.request({
      method: 'PATCH',
      url: `/api/v1/organizations/${mine!.id}`,
      payload: { areaCode: '901502' },
    });
    expect(move.statusCode).toBe(403);
    const [after] = await t.database.db.select().from(organizations).where(eq(organizations.id, mine!.id));
    expect(after!.areaCode).toBe('901501');
  });

  it('edits keep what was not sent and can clear optional fields', async () => {
    const [mine] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, 'รพ.สต.ชิงโค'));
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/v1/organizations/${mine!.id}`,
      payload: { tier: 'L', phone: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tier: 'L',
      phone: null,
      name: 'รพ.สต.ชิงโค',
      services: ['happiness_centre', 'palliative_care'],
    });
  });

  it('a volunteer cannot create or edit', async () => {
    const res = await volunteer.request({ method: 'POST', url: '/api/v1/organizations', payload: shph });
    expect(res.statusCode).toBe(403);
  });

  it('an unknown area code is named in the error and nothing is stored', async () => {
    const before = (await t.database.db.select().from(organizations)).length;
    const res = await operator.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { ...shph, areaCode: '999999' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('areaCode');
    expect((await t.database.db.select().from(organizations)).length).toBe(before);
  });

  it('rejects a bad e-mail, phone and service with their paths', async () => {
    const res = await operator.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { ...shph, email: 'not-mail', phone: 'call me', services: ['karaoke'] },
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['email', 'phone', 'services.0']);
  });
});

describe('the service-centre directory', () => {
  const weekdays = [5, 1, 2, 3, 4].map((day) => ({ day, opens: '08:30', closes: '16:30' }));
  const near = '90150802';
  const ids = new Map<string, string>();
  const count = async () => (await t.database.db.select().from(organizations)).length;
  const create = (payload: Record<string, unknown>) =>
    operator.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { type: 'shph', ...payload },
      headers: { 'accept-language': 'en' },
    });

  beforeAll(async () => {
    await t.database.db.insert(areas).values(
      (
        [
          ['90150801', '901508', 1],
          ['90150802', '901508', 2],
          ['90150301', '901503', 1],
        ] as const
      ).map(([code, parentCode, villageNo]) => ({
        code,
        level: 'village' as const,
        parentCode,
        villageNo,
        nameTh: `หมู่ที่ ${villageNo}`,
      })),
    );
    // Named so that the name order differs from the distance order.
    const centres: [key: string, areaCode: string, services: string[], catchment: string[]][] = [
      ['ก province', '90', ['dental'], []],
      ['ข district hospital', '9015', ['dental'], []],
      ['ค other subdistrict', '901501', ['dental'], []],
      ['ง same subdistrict', '901508', ['dental', 'rehabilitation'], []],
      ['จ serves the village', '901503', ['dental'], ['90150301', near]],
      ['ฉ other province', '800101', ['dental'], []],
      ['ช same subdistrict, no dentist', '901508', ['rehabilitation'], []],
    ];
    for (const [name, areaCode, services, catchmentVillageCodes] of centres) {
      const res = await create({ name: `ศูนย์${name}`, areaCode, services, catchmentVillageCodes });
      if (res.statusCode !== 201) throw new Error(`${name}: ${res.body}`);
      ids.set(name, res.json().id);
    }
  });

  it('stores catchment villages and opening hours (sorted) and says whether it is open now', async () => {
    const res = await create({
      name: 'รพ.สต.ทดสอบเวลา',
      areaCode: '901508',
      catchmentVillageCodes: ['90150801', '90150801', '90150802'],
      openingHours: weekdays,
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org.catchmentVillageCodes).toEqual(['90150801', '90150802']);
    expect(org.openingHours.map((h: { day: number }) => h.day)).toEqual([1, 2, 3, 4, 5]);
    expect(typeof org.openNow).toBe('boolean');
    const read = await volunteer.request({ method: 'GET', url: `/api/v1/organizations/${org.id}` });
    expect(read.json()).toMatchObject({ catchmentVillageCodes: ['90150801', '90150802'] });
    expect(read.json().openingHours).toHaveLength(5);
    const without = await volunteer.request({
      method: 'GET',
      url: `/api/v1/organizations/${ids.get('ก province')}`,
    });
    expect(without.json().openNow).toBeNull();
  });

  it('refuses a village that is not registered (400) or is in another province (422), naming each', async () => {
    const before = await count();
    const unknown = await create({
      name: 'รพ.สต.ผิด',
      areaCode: '901508',
      catchmentVillageCodes: ['90150801', '90150899', '901508'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual(['catchmentVillageCodes.2']);
    const notThere = await create({
      name: 'รพ.สต.ผิด',
      areaCode: '901508',
      catchmentVillageCodes: ['90150899'],
    });
    expect(notThere.statusCode).toBe(400);
    expect(notThere.json().errors).toEqual([
      { path: 'catchmentVillageCodes.0', message: 'No village with code 90150899 in the area register' },
    ]);
    const outside = await create({ name: 'รพ.สต.ผิด', areaCode: '800101', catchmentVillageCodes: [near] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0]).toMatchObject({ path: 'catchmentVillageCodes.0' });
    expect(outside.json().errors[0].message).toMatch(/outside this organisation's province/);
    expect(await count()).toBe(before);
  });

  it('refuses opening hours that close before they open or overlap, naming the session', async () => {
    const before = await count();
    const res = await create({
      name: 'รพ.สต.ผิดเวลา',
      areaCode: '901508',
      openingHours: [
        { day: 1, opens: '16:30', closes: '08:30' },
        { day: 2, opens: '08:00', closes: '12:00' },
        { day: 2, opens: '11:00', closes: '15:00' },
        { day: 9, opens: '8:00', closes: '12:00' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual([
      'openingHours.0.closes',
      'openingHours.2.closes',
      'openingHours.3.day',
      'openingHours.3.opens',
    ]);
    expect(await count()).toBe(before);
  });

  it('keeps the catchment in the province when the organisation moves', async () => {
    const id = ids.get('จ serves the village')!;
    const move = await operator.request({
      method: 'PATCH',
      url: `/api/v1/organizations/${id}`,
      payload: { areaCode: '800101' },
    });
    expect(move.statusCode).toBe(422);
    const edit = await operator.request({
      method: 'PATCH',
      url: `/api/v1/organizations/${id}`,
      payload: { openingHours: weekdays },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ areaCode: '901503', catchmentVillageCodes: ['90150301', near] });
  });

  it('finds who offers a service near a village: catchment, subdistrict, district, province', async () => {
    const res = await volunteer.request({
      method: 'GET',
      url: `/api/v1/organizations?service=dental&near=${near}`,
    });
    expect(res.statusCode).toBe(200);
    const items: { name: string; distance: string }[] = res.json().items;
    expect(items.map((o) => [o.name, o.distance])).toEqual([
      ['ศูนย์จ serves the village', 'catchment'],
      ['ศูนย์ง same subdistrict', 'subdistrict'],
      ['ศูนย์ข district hospital', 'district'],
      ['ศูนย์ค other subdistrict', 'district'],
      ['ศูนย์ก province', 'province'],
    ]);
    const rehab = await volunteer.request({
      method: 'GET',
      url: `/api/v1/organizations?service=rehabilitation&near=${near}`,
    });
    expect(rehab.json().items.map((o: { name: string }) => o.name)).toEqual([
      'ศูนย์ง same subdistrict',
      'ศูนย์ช same subdistrict, no dentist',
    ]);
  });

  it('pages through the ranking in the same order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/organizations?service=dental&near=${near}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const body: { items: { name: string }[]; nextCursor: string | null } = (
        await volunteer.request({ method: 'GET', url })
      ).json();
      seen.push(...body.items.map((o) => o.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'ศูนย์จ serves the village',
      'ศูนย์ง same subdistrict',
      'ศูนย์ข district hospital',
      'ศูนย์ค other subdistrict',
      'ศูนย์ก province',
    ]);
  });

  it('keeps the plain list as it was: no distance, sorted by name', async () => {
    const res = await volunteer.request({ method: 'GET', url: '/api/v1/organizations?service=dental' });
    const items: { name: string; distance: null }[] = res.json().items;
    expect(items.every((o) => o.distance === null)).toBe(true);
    expect(items.map((o) => o.name)).toContain('ศูนย์ฉ other province');
    const names = items.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('wants a village code for near and a cursor it made', async () => {
    const res = await volunteer.request({ method: 'GET', url: '/api/v1/organizations?near=901508' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.near');
    const forged = Buffer.from(JSON.stringify(['x', 'y', 'z'])).toString('base64url');
    const bad = await volunteer.request({
      method: 'GET',
      url: `/api/v1/organizations?near=${near}&cursor=${forged}`,
    });
    expect(bad.statusCode).toBe(400);
  });
});
