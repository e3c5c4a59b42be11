import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, auditLog, organizations, serviceEvents, transportRequests } from '../src/server/db/schema.ts';
import { seedDemoTransport } from '../src/server/seed/demoTransport.ts';
import { addUser, type Client, createTestApp, login, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let requester: Client; // volunteer of Pa Khad (901508)
let otherRequester: Client; // another volunteer of Pa Khad
let admin: Client; // area admin of Pa Khad
let driver: Client; // member of the transport provider, no area
let otherDriver: Client; // member of another transport provider
let outsider: Client; // volunteer of Ching Kho (901501)
let providerId: string;
let otherProviderId: string;
let centreId: string; // an SHPH without the transport service
let personId: string;
let firstName: string;

const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

const get = (c: Client, url: string) => c.request({ method: 'GET', url });
const post = (c: Client, url: string, payload: unknown, lang = 'en') =>
  c.request({ method: 'POST', url, payload: payload as object, headers: { 'accept-language': lang } });

async function addOrg(name: string, areaCode: string, services: string[]) {
  const [row] = await t.database.db
    .insert(organizations)
    .values({ name, type: 'pao', areaCode, services })
    .returning();
  return row!.id;
}

const ride = (over: Record<string, unknown> = {}) => ({
  providerOrganizationId: providerId,
  destinationOrganizationId: centreId,
  pickupAt: inHours(24),
  pickupAddress: '12 หมู่ 1 ต.ป่าขาด',
  needs: ['wheelchair', 'escort'],
  note: 'ลงบันไดไม่ได้',
  clientId: randomUUID(),
  ...over,
});

async function request(over: Record<string, unknown> = {}, as = requester) {
  const res = await post(as, `/api/v1/persons/${personId}/transport`, ride(over));
  if (res.statusCode !== 201) throw new Error(`request: ${res.statusCode} ${res.body}`);
  return res.json();
}

const move = (c: Client, id: string, body: Record<string, unknown>) =>
  post(c, `/api/v1/transport/${id}/transitions`, body);

const count = async () => (await t.database.db.select().from(transportRequests)).length;

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db
    .insert(areas)
    .values([{ code: '90150801', level: 'village', parentCode: '901508', villageNo: 1, nameTh: 'บ้านป่าขาด' }]);
  providerId = await addOrg('อบจ.สงขลา', '90', ['patient_transport', 'rehabilitation']);
  otherProviderId = await addOrg('กู้ภัยสิงหนคร', '9015', ['patient_transport']);
  centreId = await addOrg('รพ.สต.ชิงโค', '901501', ['dental']);
  requester = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  otherRequester = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  driver = (await loginAs(t, { roles: ['agency_member'], organizationId: providerId })).client;
  otherDriver = (await loginAs(t, { roles: ['agency_member'], organizationId: otherProviderId })).client;
  outsider = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;

  firstName = `บุญมา${randomUUID().slice(0, 6)}`;
  const res = await post(admin, '/api/v1/persons', {
    idType: 'none',
    noIdReason: 'ไม่มีบัตร',
    firstName,
    lastName: 'ทดสอบ',
    sex: 'male',
    birthDate: '1948-02-01',
    address: { areaCode: '90150801', houseNo: '12' },
    confirmNotDuplicate: true,
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  personId = res.json().id;
});
afterAll(() => t.close());

describe('the demo rides', () => {
  it('seeds one request in each status, with a history that follows the rules, once', async () => {
    const volunteer = await addUser(t, {
      username: 'demo.volunteer',
      roles: ['volunteer'],
      areaCodes: ['90150801'],
    });
    await addUser(t, { username: 'demo.agency', roles: ['agency_member'], organizationId: providerId });
    const orgIds = new Map([
      ['pao_songkhla', providerId],
      ['shph_ching_kho', centreId],
    ]);
    expect(await seedDemoTransport(t.database.db, { today: new Date(), orgIds })).toEqual({
      transportRequests: 5,
    });
    expect(await seedDemoTransport(t.database.db, { today: new Date(), orgIds })).toEqual({
      transportRequests: 0,
    });

    const demo = await login(t, volunteer.username);
    const mine: { id: string; status: string; version: number; pickupAt: string }[] = (
      await get(demo, '/api/v1/transport?to=mine')
    ).json().items;
    expect(mine.map((r) => r.status).sort()).toEqual([
      'accepted',
      'cancelled',
      'completed',
      'declined',
      'requested',
    ]);
    for (const r of mine) {
      const history: { fromStatus: string | null; toStatus: string }[] = (
        await get(demo, `/api/v1/transport/${r.id}`)
      ).json().history;
      expect(history).toHaveLength(r.version);
      expect(history.at(-1)!.toStatus).toBe(r.status);
      expect(history.slice(1).map((h) => h.fromStatus)).toEqual(history.slice(0, -1).map((h) => h.toStatus));
    }
    const open = mine.find((r) => r.status === 'requested')!;
    expect(Date.parse(open.pickupAt)).toBeGreaterThan(Date.now());
    expect((await move(driver, open.id, { to: 'accepted', version: open.version })).statusCode).toBe(200);
  });
});

describe('asking for a ride', () => {
  it('stores the request as requested, with its first history row and an audit row', async () => {
    const res = await post(requester, `/api/v1/persons/${personId}/transport`, ride());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'requested',
      version: 1,
      view: 'identified',
      person: { id: personId, firstName },
      villageCode: '90150801',
      villageName: 'บ้านป่าขาด',
      providerName: 'อบจ.สงขลา',
      destinationName: 'รพ.สต.ชิงโค',
      needs: ['wheelchair', 'escort'],
      pickupAddress: '12 หมู่ 1 ต.ป่าขาด',
    });
    expect(body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['requested']);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'transport.create'), eq(auditLog.entityId, body.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.subjectIds).toEqual([personId]);
    expect(JSON.stringify(audits[0]!.detail)).not.toContain(firstName);
  });

  it('answers a retried clientId with the stored request (200), never a second one', async () => {
    const body = ride();
    const first = await post(requester, `/api/v1/persons/${personId}/transport`, body);
    const before = await count();
    const again = await post(requester, `/api/v1/persons/${personId}/transport`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await count()).toBe(before);
  });

  it('takes a destination in words instead of an organisation', async () => {
    const res = await post(
      requester,
      `/api/v1/persons/${personId}/transport`,
      ride({ destinationOrganizationId: undefined, destination: 'โรงพยาบาลสงขลา' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ destination: 'โรงพยาบาลสงขลา', destinationOrganizationId: null });
  });

  it('refuses bad input with a specific error and stores nothing', async () => {
    const before = await count();
    const past = await post(
      requester,
      `/api/v1/persons/${personId}/transport`,
      ride({ pickupAt: inHours(-2) }),
    );
    expect(past.statusCode).toBe(422);
    expect(past.json().errors).toEqual([
      { path: 'pickupAt', message: 'The pick-up time cannot be in the past' },
    ]);

    const noService = await post(
      requester,
      `/api/v1/persons/${personId}/transport`,
      ride({ providerOrganizationId: centreId }),
    );
    expect(noService.statusCode).toBe(422);
    expect(noService.json().errors[0]).toMatchObject({ path: 'providerOrganizationId' });
    expect(noService.json().errors[0].message).toMatch(/does not offer patient transport/);

    const unknown = await post(
      requester,
      `/api/v1/persons/${personId}/transport`,
      ride({ providerOrganizationId: randomUUID(), destinationOrganizationId: randomUUID() }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'providerOrganizationId',
      'destinationOrganizationId',
    ]);

    const neither = await post(
      requester,
      `/api/v1/persons/${personId}/transport`,
      ride({ destinationOrganizationId: undefined }),
    );
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors).toEqual([{ path: 'destination', message: 'This field is required' }]);

    const badNeed = await post(requester, `/api/v1/persons/${personId}/transport`, ride({ needs: ['boat'] }));
    expect(badNeed.statusCode).toBe(400);
    expect(badNeed.json().errors[0].path).toBe('needs.0');
    expect(await count()).toBe(before);
  });

  it('is staff work in the person area: others get 404, and nothing is stored', async () => {
    const before = await count();
    expect((await post(outsider, `/api/v1/persons/${personId}/transport`, ride())).statusCode).toBe(404);
    expect((await post(driver, `/api/v1/persons/${personId}/transport`, ride())).statusCode).toBe(404);
    expect((await post(requester, `/api/v1/persons/${randomUUID()}/transport`, ride())).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('refuses a clientId reused for another person (409)', async () => {
    const body = ride();
    await post(requester, `/api/v1/persons/${personId}/transport`, body);
    const res = await post(admin, '/api/v1/persons', {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: 'อื่น',
      lastName: 'ทดสอบ',
      sex: 'female',
      birthDate: '1950-01-01',
      address: { areaCode: '901508' },
      confirmNotDuplicate: true,
    });
    const reused = await post(requester, `/api/v1/persons/${res.json().id}/transport`, body);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().errors[0].path).toBe('clientId');
  });
});

describe('moving a request on', () => {
  it('provider accepts then completes; each move is a history row; the requester sees it all', async () => {
    const r = await request();
    const accepted = await move(driver, r.id, { to: 'accepted', version: 1 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 2 });
    const completed = await move(driver, r.id, { to: 'completed', note: 'ส่งถึงแล้ว' });
    expect(completed.json()).toMatchObject({ status: 'completed', version: 3 });

    const seen = await get(requester, `/api/v1/transport/${r.id}`);
    expect(seen.statusCode).toBe(200);
    expect(
      seen
        .json()
        .history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus]),
    ).toEqual([
      [null, 'requested'],
      ['requested', 'accepted'],
      ['accepted', 'completed'],
    ]);
    const events = await t.database.db.select().from(serviceEvents).where(eq(serviceEvents.subjectId, r.id));
    expect(events.every((e) => e.subject === 'transport')).toBe(true);
    expect(events).toHaveLength(3);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'transport.transition'), eq(auditLog.entityId, r.id)));
    expect(audits.map((a) => (a.detail as { to: string }).to)).toEqual(['accepted', 'completed']);
  });

  it('refuses illegal moves with 422 and changes nothing', async () => {
    const r = await request();
    const early = await move(driver, r.id, { to: 'completed' });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toBe('A request cannot move from "requested" to "completed"');
    await move(driver, r.id, { to: 'accepted' });
    const decline = await move(driver, r.id, { to: 'declined', note: 'late' });
    expect(decline.statusCode).toBe(422);
    await move(requester, r.id, { to: 'cancelled', note: 'ไม่ไปแล้ว' });
    const revive = await move(driver, r.id, { to: 'accepted' });
    expect(revive.statusCode).toBe(422);
    const now = await get(requester, `/api/v1/transport/${r.id}`);
    expect(now.json()).toMatchObject({ status: 'cancelled', version: 3 });
  });

  it('declining needs a reason, which the requester then reads', async () => {
    const r = await request();
    const bare = await move(driver, r.id, { to: 'declined' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors[0].path).toBe('note');
    const ok = await move(driver, r.id, { to: 'declined', note: 'รถไม่ว่างวันนั้น' });
    expect(ok.statusCode).toBe(200);
    const seen = await get(requester, `/api/v1/transport/${r.id}`);
    expect(seen.json().history.at(-1)).toMatchObject({ toStatus: 'declined', note: 'รถไม่ว่างวันนั้น' });
  });

  it('only the provider answers; only the requester or the area admin cancels', async () => {
    const r = await request();
    expect((await move(requester, r.id, { to: 'accepted' })).statusCode).toBe(403);
    expect((await move(admin, r.id, { to: 'accepted' })).statusCode).toBe(403);
    expect((await move(otherRequester, r.id, { to: 'cancelled' })).statusCode).toBe(403);
    expect((await move(driver, r.id, { to: 'cancelled' })).statusCode).toBe(403);
    expect((await move(otherDriver, r.id, { to: 'accepted' })).statusCode).toBe(404);
    expect((await move(outsider, r.id, { to: 'cancelled' })).statusCode).toBe(404);
    expect((await get(requester, `/api/v1/transport/${r.id}`)).json().status).toBe('requested');
    expect((await move(admin, r.id, { to: 'cancelled' })).statusCode).toBe(200);
  });

  it('refuses a move made on a stale version (409)', async () => {
    const r = await request();
    await move(driver, r.id, { to: 'accepted', version: 1 });
    const stale = await move(requester, r.id, { to: 'cancelled', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/version 2/);
    expect((await get(requester, `/api/v1/transport/${r.id}`)).json().status).toBe('accepted');
  });

  it('answers 404 for an unknown request and 400 for an unknown target', async () => {
    expect((await move(driver, randomUUID(), { to: 'accepted' })).statusCode).toBe(404);
    const r = await request();
    expect((await move(driver, r.id, { to: 'requested' })).statusCode).toBe(400);
  });
});

describe('reading requests', () => {
  it('the provider sees the person pseudonymously unless consent names it', async () => {
    const r = await request();
    const blind = await get(driver, `/api/v1/transport/${r.id}`);
    expect(blind.statusCode).toBe(200);
    expect(blind.json()).toMatchObject({
      view: 'pseudonymous',
      person: null,
      pickupAddress: null,
      note: null,
      villageName: 'บ้านป่าขาด',
      needs: ['wheelchair', 'escort'],
    });
    expect(blind.body).not.toContain(firstName);

    const consent = await post(admin, `/api/v1/persons/${personId}/consents`, {
      purpose: 'share_agencies',
      granted: true,
      method: 'paper',
      agencies: [providerId],
    });
    expect(consent.statusCode).toBe(201);
    const named = await get(driver, `/api/v1/transport/${r.id}`);
    expect(named.json()).toMatchObject({
      view: 'identified',
      person: { firstName },
      pickupAddress: '12 หมู่ 1 ต.ป่าขาด',
    });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'transport.read'), eq(auditLog.entityId, r.id)));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('another provider and people outside the area get 404', async () => {
    const r = await request();
    expect((await get(otherDriver, `/api/v1/transport/${r.id}`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/transport/${r.id}`)).statusCode).toBe(404);
    expect((await get(requester, `/api/v1/transport/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('the provider queue is ordered by pick-up time and filters by status', async () => {
    const late = await request({ pickupAt: inHours(72) });
    const soon = await request({ pickupAt: inHours(1) });
    const queue = await get(driver, '/api/v1/transport?to=me&status=requested&limit=500');
    expect(queue.statusCode).toBe(200);
    const items: { id: string; pickupAt: string; status: string }[] = queue.json().items;
    expect(items.every((i) => i.status === 'requested')).toBe(true);
    const times = items.map((i) => i.pickupAt);
    expect(times).toEqual([...times].sort());
    expect(items.findIndex((i) => i.id === soon.id)).toBeLessThan(items.findIndex((i) => i.id === late.id));
    expect((await get(otherDriver, '/api/v1/transport?to=me')).json().items).toEqual([]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'transport.list'));
    expect(audits.length).toBeGreaterThan(0);
  });

  it('pages through the queue without losing or repeating a request', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/transport?to=me&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const body: { items: { id: string }[]; nextCursor: string | null } = (await get(driver, url)).json();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all = await t.database.db
      .select()
      .from(transportRequests)
      .where(eq(transportRequests.providerOrganizationId, providerId));
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
  });

  it('answers a forged cursor with 400, not a server error', async () => {
    const forged = Buffer.from(JSON.stringify(['not a time', 'nope'])).toString('base64url');
    const res = await get(driver, `/api/v1/transport?to=me&cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.cursor');
  });

  it('"mine" lists the requests I made, newest first, and "open" the ones still to happen', async () => {
    const mine = (await get(otherRequester, '/api/v1/transport?to=mine')).json().items;
    expect(mine).toEqual([]);
    const r = await request({}, otherRequester);
    await move(driver, r.id, { to: 'accepted' });
    const open = (await get(otherRequester, '/api/v1/transport?to=mine&status=open')).json().items;
    expect(open.map((i: { id: string }) => i.id)).toEqual([r.id]);
  });

  it("the person's rides are listed for those who may read their history", async () => {
    const list = await get(requester, `/api/v1/persons/${personId}/transport`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(3);
    expect(list.json().items[0].person.firstName).toBe(firstName);
    expect((await get(outsider, `/api/v1/persons/${personId}/transport`)).statusCode).toBe(404);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'transport.history'), eq(auditLog.entityId, personId)));
    expect(audits).toHaveLength(1);
  });
});
