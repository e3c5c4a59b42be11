import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thaiToday } from '../src/core/thai/birthDate.ts';
import { areas, auditLog, referrals, transportRequests, visits } from '../src/server/db/schema.ts';
import { addOrganization, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

/**
 * The to-do list reads what the services modules stored: rows are written straight into their tables
 * here, at times around now, so that what is due today, pending or overdue is known exactly.
 */
let t: TestApp;
let worker: Client; // social worker of the receiving organisation, also the volunteer on the visits
let workerId: string;
let orgViewer: Client; // committee viewer in the same organisation: sees no queue to answer
let sender: Client;
let senderId: string;
let otherOrgMember: Client;
let orgId: string;
let personId: string;

const VILLAGE = '90150801';
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

async function todo(c: Client) {
  const res = await c.request({ method: 'GET', url: '/api/v1/inbox/todo' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    counts: Record<string, number>;
    items: {
      kind: string;
      id: string;
      at: string;
      urgency: string | null;
      placeName: string | null;
      side: string;
    }[];
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await db
    .insert(areas)
    .values([{ code: VILLAGE, level: 'village', parentCode: '901508', villageNo: 1, nameTh: 'บ้านป่าขาด' }]);
  orgId = (await addOrganization(t, '901508')).id;
  const otherOrgId = (await addOrganization(t, '901508')).id;
  const w = await loginAs(t, {
    roles: ['social_worker', 'volunteer'],
    organizationId: orgId,
    areaCodes: [VILLAGE],
  });
  worker = w.client;
  workerId = w.user.id;
  orgViewer = (await loginAs(t, { roles: ['committee_viewer'], organizationId: orgId, areaCodes: ['9015'] }))
    .client;
  const s = await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] });
  sender = s.client;
  senderId = s.user.id;
  otherOrgMember = (await loginAs(t, { roles: ['agency_member'], organizationId: otherOrgId })).client;
  const registered = await sender.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: 'ทดสอบ',
      lastName: 'งานที่ต้องทำ',
      sex: 'male',
      birthDate: '1945-05-05',
      address: { areaCode: VILLAGE },
      confirmNotDuplicate: true,
    },
  });
  personId = registered.json().id;

  const now = Date.now();
  const dayStart = Date.parse(`${thaiToday(new Date())}T00:00:00+07:00`);
  const place = { personId, areaCode: '901508', villageCode: VILLAGE };
  const referral = (over: Partial<typeof referrals.$inferInsert>) => ({
    ...place,
    fromUserId: senderId,
    toOrganizationId: orgId,
    reason: 'ทดสอบ',
    urgency: 'routine',
    dueAt: at(now + 48 * HOUR),
    ...over,
  });
  await db.insert(referrals).values([
    referral({ id: randomUUID(), urgency: 'routine', dueAt: at(now + 100 * HOUR) }),
    referral({ id: randomUUID(), urgency: 'emergency', dueAt: at(now + 3 * HOUR) }),
    // Sent and already past due: both to answer and overdue.
    referral({ id: randomUUID(), urgency: 'urgent', dueAt: at(now - 2 * HOUR) }),
    // Accepted, past due: overdue only.
    referral({ id: randomUUID(), status: 'in_progress', dueAt: at(now - 30 * HOUR) }),
    // Closed: never on anyone's list.
    referral({ status: 'completed', dueAt: at(now - 50 * HOUR) }),
    // To another organisation, past due: on the sender's list only.
    referral({ toOrganizationId: otherOrgId, status: 'accepted', dueAt: at(now - 5 * HOUR) }),
  ]);
  const visit = (over: Partial<typeof visits.$inferInsert>) => ({
    ...place,
    kind: 'home_visit',
    startsAt: at(dayStart + 10 * HOUR),
    assigneeIds: [workerId],
    ...over,
  });
  await db
    .insert(visits)
    .values([
      visit({ startsAt: at(dayStart + 9 * HOUR) }),
      visit({ startsAt: at(dayStart + 14 * HOUR) }),
      visit({ startsAt: at(dayStart + 11 * HOUR), status: 'cancelled' }),
      visit({ startsAt: at(dayStart + 30 * HOUR) }),
      visit({ startsAt: at(dayStart - 2 * HOUR) }),
      visit({ assigneeIds: [senderId] }),
    ]);
  await db.insert(transportRequests).values([
    {
      ...place,
      requestedBy: senderId,
      providerOrganizationId: orgId,
      pickupAt: at(now + 20 * HOUR),
      pickupAddress: 'บ้าน',
    },
    {
      ...place,
      requestedBy: senderId,
      providerOrganizationId: orgId,
      pickupAt: at(now + 4 * HOUR),
      pickupAddress: 'บ้าน',
      status: 'accepted',
    },
  ]);
});
afterAll(() => t.close());

describe('GET /api/v1/inbox/todo', () => {
  it('gives the receiving team its queue, overdue items, today’s visits and rides, most pressing first', async () => {
    const body = await todo(worker);
    expect(body.counts).toEqual({
      visitsToday: 2,
      referralsToAccept: 3,
      overdue: 2,
      ridesToAccept: 1,
      unreadAlerts: 0,
    });
    const kinds = body.items.map((i) => i.kind);
    expect(kinds).toEqual([
      'referral_overdue',
      'referral_overdue',
      'referral_to_accept',
      'referral_to_accept',
      'referral_to_accept',
      'visit_today',
      'visit_today',
      'ride_to_accept',
    ]);
    const queue = body.items.filter((i) => i.kind === 'referral_to_accept');
    expect(queue.map((i) => i.urgency)).toEqual(['emergency', 'urgent', 'routine']);
    const overdue = body.items.filter((i) => i.kind === 'referral_overdue');
    expect(overdue.every((i) => i.side === 'received')).toBe(true);
    expect(Date.parse(overdue[0]!.at)).toBeLessThan(Date.parse(overdue[1]!.at));
    const today = body.items.filter((i) => i.kind === 'visit_today');
    expect(Date.parse(today[0]!.at)).toBeLessThan(Date.parse(today[1]!.at));
    expect(body.items.every((i) => i.placeName === 'บ้านป่าขาด')).toBe(true);
    expect(JSON.stringify(body)).not.toContain('งานที่ต้องทำ');
  });

  it('shows the sender what they sent that is past due, on any organisation', async () => {
    const body = await todo(sender);
    expect(body.counts).toMatchObject({ referralsToAccept: 0, overdue: 3, ridesToAccept: 0, visitsToday: 1 });
    expect(body.items.filter((i) => i.kind === 'referral_overdue').every((i) => i.side === 'sent')).toBe(
      true,
    );
  });

  it('gives nothing to answer to whoever does not answer for the organisation, and nothing of another’s', async () => {
    expect((await todo(orgViewer)).counts).toEqual({
      visitsToday: 0,
      referralsToAccept: 0,
      overdue: 0,
      ridesToAccept: 0,
      unreadAlerts: 0,
    });
    expect((await todo(otherOrgMember)).counts.referralsToAccept).toBe(0);
    expect((await todo(otherOrgMember)).counts.overdue).toBe(1);
  });

  it('is for a signed-in user only, and each read is audited with the counts only', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/inbox/todo' });
    expect(anonymous.statusCode).toBe(401);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inbox.todo'), eq(auditLog.entityId, workerId)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.detail).toMatchObject({ referralsToAccept: 3 });
  });
});
