import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { alerts, auditLog } from '../src/server/db/schema.ts';
import { addUser, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Client;
let districtAdmin: Client;
let otherAdmin: Client;
let screener: Client;
let otherVolunteer: Client;
let operator: Client;

const green = answersWith(getInstrument('wellbeing20')!);
const noSuicideRisk = answersWith(getInstrument('8q')!);
const FIRST_NAME = 'มณีรัตน์';

beforeAll(async () => {
  t = await createTestApp();
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  districtAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['9015'] })).client;
  otherAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] })).client;
  screener = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  otherVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;
  // A disabled admin of the area gets nothing.
  await addUser(t, { roles: ['area_admin'], areaCodes: ['901508'], disabled: true });
});
afterAll(() => t.close());

async function register(): Promise<string> {
  const res = await screener.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: FIRST_NAME,
      lastName: `ทดสอบ${randomUUID().slice(0, 6)}`,
      sex: 'female',
      birthDate: '1948-02-01',
      address: { areaCode: '901508' },
      confirmNotDuplicate: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

const screen = async (c: Client, personId: string, instrument: string, answers: Record<string, unknown>) => {
  const res = await c.request({
    method: 'POST',
    url: `/api/v1/persons/${personId}/screenings`,
    payload: { instrument, answers, takenAt: new Date().toISOString(), clientId: randomUUID() },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; flags: string[] };
};

interface Item {
  id: string;
  kind: string;
  personId: string;
  screeningId: string;
  flag: string;
  urgent: boolean;
  readAt: string | null;
  person: { firstName: string } | null;
}

const inbox = async (c: Client, query = '') => {
  const res = await c.request({ method: 'GET', url: `/api/v1/inbox${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; nextCursor: string | null; unread: number };
};
const about = (items: Item[], screeningId: string) => items.filter((i) => i.screeningId === screeningId);

describe('alerts reach the responsible admins and the screener at once', () => {
  let personId: string;
  beforeAll(async () => {
    personId = await register();
  });

  it('a red flag: in the area admin’s and the screener’s inbox, nobody else’s', async () => {
    const s = await screen(screener, personId, 'wellbeing20', { ...green, S2: 2 });
    expect(s.flags).toEqual(['possible_abuse']);
    for (const c of [admin, districtAdmin, screener]) {
      const items = about((await inbox(c)).items, s.id);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: 'alert',
        personId,
        screeningId: s.id,
        flag: 'possible_abuse',
        urgent: false,
        readAt: null,
        person: { firstName: FIRST_NAME },
      });
    }
    for (const c of [otherAdmin, otherVolunteer, operator]) {
      expect(about((await inbox(c)).items, s.id)).toEqual([]);
    }
    const rows = await t.database.db.select().from(alerts).where(eq(alerts.screeningId, s.id));
    expect(rows).toHaveLength(3);
  });

  it('any positive 8Q: an urgent alert', async () => {
    const s = await screen(screener, personId, '8q', { ...noSuicideRisk, q1: true });
    for (const c of [admin, screener]) {
      expect(about((await inbox(c)).items, s.id)).toEqual([
        expect.objectContaining({ flag: 'suicide_risk', urgent: true, personId }),
      ]);
    }
  });

  it('a green screening and a negative 8Q raise nothing', async () => {
    const g = await screen(screener, personId, 'wellbeing20', green);
    const n = await screen(screener, personId, '8q', noSuicideRisk);
    for (const id of [g.id, n.id]) {
      expect(await t.database.db.select().from(alerts).where(eq(alerts.screeningId, id))).toEqual([]);
    }
  });

  it('an admin who screens gets one alert per flag, not two', async () => {
    const s = await screen(admin, personId, 'wellbeing20', { ...green, E5: 2, V1: 2 });
    const mine = about((await inbox(admin)).items, s.id);
    expect(mine.map((i) => i.flag).sort()).toEqual(['hunger', 'unsafe_home']);
    expect(about((await inbox(screener)).items, s.id)).toEqual([]);
  });

  it('an alert stores ids and codes only: no name, no answer', async () => {
    const rows = await t.database.db.select().from(alerts).where(eq(alerts.personId, personId));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const text = JSON.stringify(row);
      expect(text).not.toContain(FIRST_NAME);
      expect(text).not.toMatch(/"(S2|E5|V1|q1)"/);
      expect(Object.keys(row).sort()).toEqual(
        [
          'areaCode',
          'createdAt',
          'flag',
          'id',
          'instrument',
          'kind',
          'personId',
          'readAt',
          'recipientId',
          'screeningId',
          'urgent',
        ].sort(),
      );
    }
  });
});

describe('the inbox', () => {
  let reader: Client;
  let personId: string;
  const made: string[] = [];
  beforeAll(async () => {
    reader = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
    personId = await register();
    for (let i = 0; i < 3; i++)
      made.push((await screen(reader, personId, 'wellbeing20', { ...green, V1: 2 })).id);
  });

  it('lists open items newest first, a page at a time, with the unread count', async () => {
    const all = await inbox(reader);
    expect(all.unread).toBe(3);
    expect(all.items.map((i) => i.screeningId)).toEqual([...made].reverse());
    const first = await inbox(reader, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await inbox(reader, `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect(second.nextCursor).toBeNull();
  });

  it('marking an item read takes it out of the open list; the first reading time stays', async () => {
    const [item] = (await inbox(reader)).items;
    const res = await reader.request({ method: 'POST', url: `/api/v1/inbox/${item!.id}/read` });
    expect(res.statusCode, res.body).toBe(200);
    const readAt = res.json().readAt;
    expect(readAt).toEqual(expect.any(String));
    const again = await reader.request({ method: 'POST', url: `/api/v1/inbox/${item!.id}/read` });
    expect(again.json().readAt).toBe(readAt);

    const open = await inbox(reader);
    expect(open.unread).toBe(2);
    expect(open.items.map((i) => i.id)).not.toContain(item!.id);
    const all = await inbox(reader, '?status=all');
    expect(all.items.find((i) => i.id === item!.id)?.readAt).toBe(readAt);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, item!.id));
    expect(audit.map((a) => a.action)).toEqual(['inbox.read', 'inbox.read']);
  });

  it('nobody else can read or mark another’s item, not even the operator (404)', async () => {
    const [item] = (await inbox(reader)).items;
    for (const c of [otherVolunteer, operator, admin]) {
      const res = await c.request({ method: 'POST', url: `/api/v1/inbox/${item!.id}/read` });
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await reader.request({ method: 'POST', url: `/api/v1/inbox/${randomUUID()}/read` })).statusCode,
    ).toBe(404);
    expect((await inbox(reader)).unread).toBe(2);
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inbox' })).statusCode).toBe(401);
  });
});
