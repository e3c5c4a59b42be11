import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { alerts, auditLog } from '../src/server/db/schema.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

/** The inbox's badge count and "mark all read" (the list and single reads are in inbox.test.ts). */
let t: TestApp;
let screener: Client;
let admin: Client;
let other: Client;
let personId: string;

const green = answersWith(getInstrument('wellbeing20')!);

beforeAll(async () => {
  t = await createTestApp();
  screener = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  other = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  const res = await screener.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: 'บุญเรือน',
      lastName: `ทดสอบ${randomUUID().slice(0, 6)}`,
      sex: 'female',
      birthDate: '1950-05-05',
      address: { areaCode: '901508' },
      confirmNotDuplicate: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  personId = res.json().id;
});
afterAll(() => t.close());

async function redFlag(answers: Record<string, unknown>): Promise<string> {
  const res = await screener.request({
    method: 'POST',
    url: `/api/v1/persons/${personId}/screenings`,
    payload: {
      instrument: 'wellbeing20',
      answers: { ...green, ...answers },
      takenAt: new Date().toISOString(),
      clientId: randomUUID(),
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

const unread = async (c: Client) => {
  const res = await c.request({ method: 'GET', url: '/api/v1/inbox/unread' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().unread as number;
};

const readAll = (c: Client, payload: unknown) =>
  c.request({ method: 'POST', url: '/api/v1/inbox/read-all', payload: payload as object });

describe('the unread count', () => {
  it('counts only the reader’s own unread items, and follows reading', async () => {
    const before = { admin: await unread(admin), other: await unread(other) };
    await redFlag({ S2: 2 });
    expect(await unread(admin)).toBe(before.admin + 1);
    expect(await unread(other)).toBe(before.other);

    const list = await admin.request({ method: 'GET', url: '/api/v1/inbox?limit=1' });
    expect(list.json().unread).toBe(await unread(admin));
    const [item] = list.json().items as { id: string }[];
    await admin.request({ method: 'POST', url: `/api/v1/inbox/${item!.id}/read` });
    expect(await unread(admin)).toBe(before.admin);
  });

  it('is not audited: a badge polled every minute would flood the log', async () => {
    const me = (await admin.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.id as string;
    const count = async () =>
      (await t.database.db.select().from(auditLog).where(eq(auditLog.actorId, me))).length;
    const before = await count();
    await unread(admin);
    await unread(admin);
    expect(await count()).toBe(before);
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inbox/unread' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/inbox/read-all', payload: {} })).statusCode,
    ).toBe(401);
  });
});

describe('mark all read', () => {
  it('marks the reader’s items up to the newest seen; a later one stays unread; nobody else’s change', async () => {
    await redFlag({ E5: 2 });
    await redFlag({ V1: 2 });
    const seen = (await admin.request({ method: 'GET', url: '/api/v1/inbox' })).json();
    expect(seen.unread).toBeGreaterThanOrEqual(2);
    const upTo = seen.items[0].createdAt as string;
    const screenerBefore = await unread(screener);

    // An alert that arrives after the reader looked.
    await new Promise((r) => setTimeout(r, 5));
    const later = await redFlag({ S2: 2, E5: 2 });

    const res = await readAll(admin, { upTo });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: seen.unread, unread: 2 });
    const open = (await admin.request({ method: 'GET', url: '/api/v1/inbox' })).json();
    expect(open.items.map((i: { screeningId: string }) => i.screeningId)).toEqual([later, later]);
    // The screener's copies of the same alerts are untouched.
    expect(await unread(screener)).toBe(screenerBefore + 2);

    const rows = await t.database.db.select().from(alerts).where(eq(alerts.screeningId, later));
    expect(rows.every((r) => r.readAt === null)).toBe(true);
  });

  it('without upTo marks everything, keeps the first reading time, and says how many', async () => {
    const readBefore = (await admin.request({ method: 'GET', url: '/api/v1/inbox?status=all&limit=500' }))
      .json()
      .items.filter((i: { readAt: string | null }) => i.readAt);
    const res = await readAll(admin, {});
    expect(res.json()).toEqual({ marked: 2, unread: 0 });
    const after = (await admin.request({ method: 'GET', url: '/api/v1/inbox?status=all&limit=500' })).json();
    for (const old of readBefore) {
      expect(after.items.find((i: { id: string }) => i.id === old.id).readAt).toBe(old.readAt);
    }
    expect(after.items.every((i: { readAt: string | null }) => i.readAt !== null)).toBe(true);
    // Nothing left: a second call marks nothing and is still fine.
    expect((await readAll(admin, {})).json()).toEqual({ marked: 0, unread: 0 });
  });

  it('is audited with a count only', async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'inbox.readAll'));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(Object.keys(row.detail as object)).toEqual(['count']);
  });

  it('refuses a bad body (400) and a write without the CSRF token (403)', async () => {
    for (const payload of [{ upTo: 'yesterday' }, { upTo: '2026-01-01' }, { everything: true }]) {
      const res = await readAll(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/inbox/read-all',
      payload: {},
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(res.statusCode).toBe(403);
  });
});
