import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  areas,
  assistance,
  auditLog,
  personLinks,
  referrals,
  serviceEvents,
  transportRequests,
  visits,
} from '../src/server/db/schema.ts';
import { addOrganization, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

/**
 * The care timeline reads what the services modules stored: the rows are written straight into
 * their tables here, at fixed times, so that the order and the paging can be checked exactly.
 */
let t: TestApp;
let admin: Client;
let volunteer: Client;
let otherVolunteer: Client;
let viewer: Client;
let citizen: Client;
let adminId: string;
let orgId: string;
let orgName: string;
let personId: string;
let otherPersonId: string;

const VILLAGE = '90150801';
const get = (c: Client, url: string) =>
  c.request({ method: 'GET', url, headers: { 'accept-language': 'en' } });

async function register(): Promise<string> {
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: `ชื่อ${randomUUID().slice(0, 6)}`,
      lastName: 'ทดสอบ',
      sex: 'female',
      birthDate: '1948-02-01',
      address: { areaCode: VILLAGE },
      confirmNotDuplicate: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db
    .insert(areas)
    .values([{ code: VILLAGE, level: 'village', parentCode: '901508', villageNo: 1, nameTh: 'บ้านป่าขาด' }]);
  const org = await addOrganization(t, '901508');
  orgId = org.id;
  orgName = org.name;
  const adminAccount = await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] });
  admin = adminAccount.client;
  adminId = adminAccount.user.id;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: [VILLAGE] })).client;
  otherVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  viewer = (await loginAs(t, { roles: ['committee_viewer'], areaCodes: ['9015'] })).client;
  const citizenAccount = await loginAs(t, { roles: ['citizen'] });
  citizen = citizenAccount.client;
  personId = await register();
  otherPersonId = await register();
  await t.database.db
    .insert(personLinks)
    .values({ personId, userId: citizenAccount.user.id, relation: 'self' });

  const db = t.database.db;
  const place = { areaCode: '901508', villageCode: VILLAGE };
  const [referral] = await db
    .insert(referrals)
    .values({
      personId,
      ...place,
      fromUserId: adminId,
      toOrganizationId: orgId,
      reason: 'ต้องการกายภาพบำบัด',
      urgency: 'urgent',
      status: 'accepted',
      dueAt: '2026-03-02T10:00:00.000Z',
      createdAt: '2026-03-01T10:00:00.000Z',
    })
    .returning();
  await db.insert(serviceEvents).values([
    // A creation row (no from_status) must not show twice: the referral row is the "sent" entry.
    {
      subject: 'referral',
      subjectId: referral!.id,
      toStatus: 'sent',
      actorId: adminId,
      at: '2026-03-01T10:00:00.000Z',
    },
    {
      subject: 'referral',
      subjectId: referral!.id,
      fromStatus: 'sent',
      toStatus: 'accepted',
      note: 'รับเรื่องแล้ว',
      actorId: adminId,
      at: '2026-03-01T12:00:00.000Z',
    },
  ]);
  await db.insert(visits).values({
    personId,
    ...place,
    kind: 'home_visit',
    startsAt: '2026-03-05T02:00:00.000Z',
    organizationId: orgId,
    status: 'done',
    record: { notes: 'ความดันปกติ' },
    createdBy: adminId,
    createdAt: '2026-03-03T09:00:00.000Z',
    updatedAt: '2026-03-05T04:00:00.000Z',
  });
  await db.insert(assistance).values({
    personId,
    ...place,
    kind: 'equipment',
    description: 'รถเข็น',
    value: 3500,
    givenOn: '2026-03-06',
    organizationId: orgId,
    recordedBy: adminId,
    createdAt: '2026-03-06T08:00:00.000Z',
  });
  await db.insert(transportRequests).values({
    personId,
    ...place,
    requestedBy: adminId,
    providerOrganizationId: orgId,
    destination: 'โรงพยาบาลสิงหนคร',
    pickupAt: '2026-03-08T01:00:00.000Z',
    pickupAddress: 'บ้านเลขที่ 1',
    createdAt: '2026-03-07T08:00:00.000Z',
  });
  // Someone else's help: never on this person's timeline.
  await db.insert(assistance).values({
    personId: otherPersonId,
    ...place,
    kind: 'cash',
    description: 'เงินช่วยเหลือ',
    value: 1000,
    givenOn: '2026-03-06',
    organizationId: orgId,
    createdAt: '2026-03-06T09:00:00.000Z',
  });
});
afterAll(() => t.close());

describe('GET /api/v1/persons/:id/care-timeline', () => {
  it('lists what every partner did for the person, newest first, each move once', async () => {
    const res = await get(volunteer, `/api/v1/persons/${personId}/care-timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { kind: string; event: string; at: string; organizationName: string }[];
    expect(items.map((i) => `${i.kind}:${i.event}`)).toEqual([
      'transport:requested',
      'assistance:given',
      'visit:done',
      'visit:scheduled',
      'referral:accepted',
      'referral:sent',
    ]);
    expect(items.every((i) => i.organizationName === orgName)).toBe(true);
    expect(res.json().items[1]).toMatchObject({
      note: 'รถเข็น',
      detail: { assistanceKind: 'equipment', value: 3500, givenOn: '2026-03-06' },
    });
    expect(res.json().items[4]).toMatchObject({ note: 'รับเรื่องแล้ว', at: '2026-03-01T12:00:00.000Z' });
  });

  it('pages with a cursor without losing or repeating an entry, and filters by kind', async () => {
    const whole = (await get(admin, `/api/v1/persons/${personId}/care-timeline`)).json().items as {
      key: string;
    }[];
    const first = (await get(admin, `/api/v1/persons/${personId}/care-timeline?limit=4`)).json();
    expect(first.items).toHaveLength(4);
    const second = (
      await get(admin, `/api/v1/persons/${personId}/care-timeline?limit=4&cursor=${first.nextCursor}`)
    ).json();
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i: { key: string }) => i.key)).toEqual(
      whole.map((i) => i.key),
    );
    const onlyReferrals = (
      await get(admin, `/api/v1/persons/${personId}/care-timeline?kind=referral`)
    ).json();
    expect(onlyReferrals.items.map((i: { event: string }) => i.event)).toEqual(['accepted', 'sent']);
  });

  it('is the person’s own to read; hidden from another area and from a committee', async () => {
    expect((await get(citizen, `/api/v1/persons/${personId}/care-timeline`)).statusCode).toBe(200);
    expect((await get(citizen, `/api/v1/persons/${otherPersonId}/care-timeline`)).statusCode).toBe(404);
    expect((await get(otherVolunteer, `/api/v1/persons/${personId}/care-timeline`)).statusCode).toBe(404);
    expect((await get(viewer, `/api/v1/persons/${personId}/care-timeline`)).statusCode).toBe(404);
    expect((await get(admin, `/api/v1/persons/${randomUUID()}/care-timeline`)).statusCode).toBe(404);
  });

  it('is in the person’s own data export, whole', async () => {
    const timeline = (await get(admin, `/api/v1/persons/${personId}/care-timeline`)).json().items;
    const exported = await get(citizen, '/api/v1/me/data');
    expect(exported.statusCode).toBe(200);
    expect(exported.json().careTimeline).toEqual(timeline);
  });

  it('refuses a bad cursor or kind with a problem naming the field', async () => {
    for (const [q, path] of [
      ['cursor=nonsense', 'query.cursor'],
      ['kind=party', 'query.kind'],
      ['limit=0', 'query.limit'],
    ]) {
      const res = await get(admin, `/api/v1/persons/${personId}/care-timeline?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('audits each read with the person, never their name', async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.careTimeline.read'), eq(auditLog.entityId, personId)));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(rows)).not.toContain('ทดสอบ');
  });
});
