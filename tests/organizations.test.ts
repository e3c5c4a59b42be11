import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organizations } from '../src/server/db/schema.ts';
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
