import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { bangkokMonth } from '../src/core/screenings/month.ts';
import { checkDigit } from '../src/core/thai/nationalId.ts';
import {
  activities,
  auditLog,
  careGroups,
  groupAssignments,
  groupMembers,
  groupPersons,
  linkCodes,
  personLinks,
} from '../src/server/db/schema.ts';
import { audit } from '../src/server/modules/audit/service.ts';
import { addOrganization, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

/** Everything the server logs, to search for codes and names. */
let logged = '';
const sink = new Writable({
  write(chunk, _enc, done) {
    logged += chunk.toString();
    done();
  },
});

let t: TestApp;
let admin: Client;
let volunteer: Client;
let otherAdmin: Client;
let partner: Client;
let caseWorker: Client;
let operator: Client;
let orgName: string;

const AREA = '901508';
const PASSWORD = 'my-own-secret-pass';
/** Every code this file was shown, so that the logs and the audit can be searched for them. */
const shownCodes: string[] = [];
const names: string[] = [];

function nationalId(): string {
  const first12 = `3${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
  return `${first12}${checkDigit(first12)}`;
}

async function register(c: Client, firstName: string, id = nationalId()) {
  const lastName = `ทดสอบ${randomUUID().slice(0, 6)}`;
  names.push(firstName, lastName);
  const res = await c.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      idType: 'thai_id',
      nationalId: id,
      firstName,
      lastName,
      sex: 'female',
      birthDate: '1950-03-01',
      address: { areaCode: AREA },
      confirmNotDuplicate: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { id: res.json().id as string, nationalId: id, firstName, lastName };
}

async function issue(c: Client, personId: string, body: Record<string, unknown> = { relation: 'self' }) {
  const res = await c.request({
    method: 'POST',
    url: `/api/v1/persons/${personId}/link-codes`,
    payload: body,
  });
  if (res.statusCode === 201) shownCodes.push(res.json().code);
  return res;
}

async function codeFor(personId: string, body?: Record<string, unknown>): Promise<string> {
  const res = await issue(volunteer, personId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

const uname = () => `c${randomUUID().slice(0, 8)}`;

/** A code as a whole number in a text: not a piece of a longer run of digits (a timestamp, a hash). */
const standalone = (code: string) => new RegExp(`(?<![0-9])${code}(?![0-9])`);

let ipCounter = 0;
/** Each scenario its own client address, so the per-address throttle of one does not reach another. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function claim(body: Record<string, unknown>, ip = freshIp(), lang = 'th') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/claim',
    payload: { password: PASSWORD, displayName: 'สมศรี เอง', ...body },
    headers: { 'x-forwarded-for': ip, 'accept-language': lang },
  });
}

/** A signed-in client from a claim's answer (its cookie and CSRF token). */
function clientOf(res: LightMyRequestResponse, ip = freshIp()): Client {
  const cookie = res.cookies.find((c) => c.name === 'toemsuk_session');
  const header = `toemsuk_session=${cookie!.value}`;
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return {
    cookie: header,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    request: (opts) =>
      t.app.inject({
        ...opts,
        headers: {
          cookie: header,
          'x-csrf-token': body.csrfToken,
          'x-forwarded-for': ip,
          ...(opts.headers ?? {}),
        },
      }),
  };
}

async function claimed(personId: string, codeBody?: Record<string, unknown>) {
  const code = await codeFor(personId, codeBody);
  const res = await claim({ code, username: uname() });
  expect(res.statusCode, res.body).toBe(201);
  return clientOf(res);
}

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'trace' }, { logStream: sink });
  const org = await addOrganization(t, AREA);
  orgName = org.name;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: [AREA], organizationId: org.id })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: [AREA] })).client;
  otherAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] })).client;
  partner = (await loginAs(t, { roles: ['agency_member'], organizationId: org.id })).client;
  caseWorker = (await loginAs(t, { roles: ['social_worker'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;
});
afterAll(() => t.close());

describe('link codes', () => {
  let p: Awaited<ReturnType<typeof register>>;
  beforeAll(async () => {
    p = await register(volunteer, 'บุญมา');
  });

  it('the area team issues 8 digits valid for 72 hours; only a keyed hash is kept', async () => {
    const before = Date.now();
    const res = await issue(volunteer, p.id);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^\d{8}$/);
    expect(body.relation).toBe('self');
    const ttl = Date.parse(body.expiresAt) - before;
    expect(ttl).toBeGreaterThan(72 * 3600_000 - 60_000);
    expect(ttl).toBeLessThan(72 * 3600_000 + 60_000);
    const [row] = await t.database.db.select().from(linkCodes).where(eq(linkCodes.id, body.id));
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toMatch(standalone(body.code));
  });

  it('a proxy code needs the name of the proxy the person named', async () => {
    const res = await issue(admin, p.id, { relation: 'proxy' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'proxyName' })]);
    const ok = await issue(admin, p.id, { relation: 'proxy', proxyName: 'ลูกสาว มาลี' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().relation).toBe('proxy');
  });

  it('not for someone outside the area or without a case (404), nor for a committee viewer', async () => {
    expect((await issue(otherAdmin, p.id)).statusCode).toBe(404);
    expect((await issue(partner, p.id)).statusCode).toBe(404);
    const viewer = (await loginAs(t, { roles: ['committee_viewer'], areaCodes: [AREA] })).client;
    expect((await issue(viewer, p.id)).statusCode).toBe(404);
    expect((await issue(volunteer, randomUUID())).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/persons/${p.id}/link-codes`, payload: {} }))
        .statusCode,
    ).toBe(401);
  });

  it('a new code for the same person and relation voids the older unused one', async () => {
    const first = await codeFor(p.id);
    const second = await codeFor(p.id);
    const old = await claim({ code: first, username: uname() });
    expect(old.statusCode).toBe(400);
    expect(old.json().type).toBe('/problems/link_code_invalid');
    const fresh = await claim({ code: second, username: uname() });
    expect(fresh.statusCode, fresh.body).toBe(201);
  });
});

describe('claiming an account with a code', () => {
  let p: Awaited<ReturnType<typeof register>>;
  let code: string;
  let username: string;
  let res: LightMyRequestResponse;
  beforeAll(async () => {
    p = await register(volunteer, 'ทองใบ');
    code = await codeFor(p.id);
    username = uname();
    res = await claim({ code: `${code.slice(0, 4)} ${code.slice(4)}`, username });
  });

  it('creates a citizen account, links it, and signs it in', async () => {
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user).toMatchObject({
      username,
      roles: ['citizen'],
      areaCodes: [],
      mustChangePassword: false,
    });
    const me = clientOf(res);
    const session = await me.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.username).toBe(username);
    const links = await me.request({ method: 'GET', url: '/api/v1/me/links' });
    expect(links.json().items).toEqual([
      expect.objectContaining({
        personId: p.id,
        relation: 'self',
        firstName: p.firstName,
        lastName: p.lastName,
      }),
    ]);
    // And the password works for a later login.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
  });

  it('a used, a wrong, an expired and a malformed code all get the one same answer', async () => {
    const expired = await codeFor((await register(volunteer, 'หมดเวลา')).id);
    await t.database.db
      .update(linkCodes)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(sql`${linkCodes.issuedAt} = (select max(issued_at) from link_code)`);
    const wrong = String((Number(code) + 1) % 1e8).padStart(8, '0');
    const answers = [];
    for (const c of [code, wrong, expired, '12ab']) {
      const r = await claim({ code: c, username: uname() });
      expect(r.statusCode).toBe(400);
      answers.push(r.json());
    }
    expect(answers[0]).toMatchObject({
      type: '/problems/link_code_invalid',
      title: 'รหัสเชื่อมบัญชีไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว',
      errors: [{ path: 'code', message: expect.any(String) }],
    });
    for (const a of answers) expect(a).toEqual(answers[0]);
    const en = await claim({ code: wrong, username: uname() }, freshIp(), 'en');
    expect(en.json().title).toBe('This link code is wrong, expired or already used');
  });

  it('a taken username is a 409 on the field and leaves the code usable', async () => {
    const other = await codeFor((await register(volunteer, 'ซ้ำชื่อ')).id);
    const taken = await claim({ code: other, username });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([expect.objectContaining({ path: 'username' })]);
    expect((await claim({ code: other, username: uname() })).statusCode).toBe(201);
  });

  it('bad fields are named', async () => {
    const bad = await claim({ code: '', username: 'A B', password: 'short', displayName: '' });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['code', 'displayName', 'password', 'username']);
  });
});

describe('linking more records, unlinking, and an admin revoking', () => {
  let mother: Awaited<ReturnType<typeof register>>;
  let father: Awaited<ReturnType<typeof register>>;
  let proxy: Client;
  beforeAll(async () => {
    mother = await register(volunteer, 'แม่');
    father = await register(volunteer, 'พ่อ');
    proxy = await claimed(mother.id, { relation: 'proxy', proxyName: 'ลูกชาย' });
  });

  it('a family proxy links a second parent with another code', async () => {
    const code = await codeFor(father.id, { relation: 'proxy', proxyName: 'ลูกชาย' });
    const res = await proxy.request({ method: 'POST', url: '/api/v1/me/links', payload: { code } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ personId: father.id, relation: 'proxy' });
    const list = (await proxy.request({ method: 'GET', url: '/api/v1/me/links' })).json().items;
    expect(list.map((l: { personId: string }) => l.personId).sort()).toEqual([mother.id, father.id].sort());
    // The same code again: used.
    const again = await proxy.request({ method: 'POST', url: '/api/v1/me/links', payload: { code } });
    expect(again.statusCode).toBe(400);
    expect(again.json().type).toBe('/problems/link_code_invalid');
  });

  it('a second code for a record already linked is a 409 and stays unused', async () => {
    const code = await codeFor(father.id, { relation: 'proxy', proxyName: 'ลูกชาย' });
    const res = await proxy.request({ method: 'POST', url: '/api/v1/me/links', payload: { code } });
    expect(res.statusCode).toBe(409);
    expect((await claim({ code, username: uname() })).statusCode).toBe(201);
  });

  it('with two records, me/data needs personId; with it, either record', async () => {
    const none = await proxy.request({ method: 'GET', url: '/api/v1/me/data' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([expect.objectContaining({ path: 'personId' })]);
    const one = await proxy.request({ method: 'GET', url: `/api/v1/me/data?personId=${father.id}` });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().person.id).toBe(father.id);
  });

  it('the account unlinks a record; then it is gone from its lists and its data', async () => {
    const list = (await proxy.request({ method: 'GET', url: '/api/v1/me/links' })).json().items;
    const link = list.find((l: { personId: string }) => l.personId === father.id);
    const del = await proxy.request({ method: 'DELETE', url: `/api/v1/me/links/${link.id}` });
    expect(del.statusCode).toBe(204);
    expect((await proxy.request({ method: 'DELETE', url: `/api/v1/me/links/${link.id}` })).statusCode).toBe(
      404,
    );
    const after = (await proxy.request({ method: 'GET', url: '/api/v1/me/links' })).json().items;
    expect(after.map((l: { personId: string }) => l.personId)).toEqual([mother.id]);
    expect(
      (await proxy.request({ method: 'GET', url: `/api/v1/me/data?personId=${father.id}` })).statusCode,
    ).toBe(404);
    // With one link left, no personId is needed.
    expect((await proxy.request({ method: 'GET', url: '/api/v1/me/data' })).json().person.id).toBe(mother.id);
  });

  it("one account cannot unlink another's link", async () => {
    const other = await claimed(father.id);
    const [mine] = (await other.request({ method: 'GET', url: '/api/v1/me/links' })).json().items;
    expect((await proxy.request({ method: 'DELETE', url: `/api/v1/me/links/${mine.id}` })).statusCode).toBe(
      404,
    );
    expect((await other.request({ method: 'GET', url: '/api/v1/me/links' })).json().items).toHaveLength(1);
  });

  it('the area admin sees the links and revokes one; a volunteer or the linked person may not', async () => {
    const links = await admin.request({ method: 'GET', url: `/api/v1/persons/${mother.id}/links` });
    expect(links.statusCode, links.body).toBe(200);
    const live = links.json().links.filter((l: { revokedAt: string | null }) => l.revokedAt === null);
    expect(live).toEqual([expect.objectContaining({ userId: proxy.userId, relation: 'proxy' })]);
    const url = `/api/v1/persons/${mother.id}/links/${live[0].id}`;
    expect((await volunteer.request({ method: 'DELETE', url })).statusCode).toBe(403);
    expect((await proxy.request({ method: 'DELETE', url })).statusCode).toBe(403);
    expect((await otherAdmin.request({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await admin.request({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await admin.request({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await proxy.request({ method: 'GET', url: '/api/v1/me/links' })).json().items).toEqual([]);
    expect((await proxy.request({ method: 'GET', url: '/api/v1/me/data' })).statusCode).toBe(404);
    expect(
      (await proxy.request({ method: 'GET', url: `/api/v1/persons/${mother.id}/audit` })).statusCode,
    ).toBe(404);
  });
});

describe('guesses are throttled like logins', () => {
  it('per account: after 5 wrong codes even a right one waits', async () => {
    const me = await claimed((await register(volunteer, 'เดาผิด')).id);
    const right = await codeFor((await register(volunteer, 'ถูกต้อง')).id);
    for (let i = 0; i < 5; i++) {
      const r = await me.request({
        method: 'POST',
        url: '/api/v1/me/links',
        payload: { code: `0000000${i}` },
      });
      expect(r.statusCode).toBe(400);
    }
    const blocked = await me.request({ method: 'POST', url: '/api/v1/me/links', payload: { code: right } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const denied = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'citizen.link' and ${auditLog.actorId} = ${me.userId}`);
    // The claim that made the account, five misses, and the refusal.
    expect(denied.map((r) => r.outcome).sort()).toEqual([
      'denied',
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'ok',
    ]);
  });

  it('per address: after 20 wrong codes from one address, claims from it wait', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      expect((await claim({ code: `1000000${i % 10}`, username: uname() }, ip)).statusCode).toBe(400);
    }
    const right = await codeFor((await register(volunteer, 'ที่อยู่เดียว')).id);
    const blocked = await claim({ code: right, username: uname() }, ip);
    expect(blocked.statusCode).toBe(429);
    expect((await claim({ code: right, username: uname() })).statusCode).toBe(201);
  });

  it('per username being claimed: 5 wrong codes', async () => {
    const username = uname();
    for (let i = 0; i < 5; i++) expect((await claim({ code: '99999999', username })).statusCode).toBe(400);
    expect((await claim({ code: '99999999', username })).statusCode).toBe(429);
  });
});

const green = answersWith(getInstrument('wellbeing20')!);

describe('me/data: everything held about the person', () => {
  let p: Awaited<ReturnType<typeof register>>;
  let q: Awaited<ReturnType<typeof register>>;
  let me: Client;
  let res: LightMyRequestResponse;
  let groupName: string;
  beforeAll(async () => {
    p = await register(volunteer, 'ส่งออก');
    q = await register(volunteer, 'คนอื่น');
    const hh = await volunteer.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: { address: { areaCode: AREA, houseNo: '12/3' }, housingType: 'own_house', headPersonId: p.id },
    });
    expect(hh.statusCode, hh.body).toBe(201);
    for (const purpose of ['collect', 'share_group']) {
      const r = await volunteer.request({
        method: 'POST',
        url: `/api/v1/persons/${p.id}/consents`,
        payload: { purpose, granted: true, method: 'paper' },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const patch = await volunteer.request({
      method: 'PATCH',
      url: `/api/v1/persons/${p.id}`,
      payload: { phone: '0812345678', reason: 'โทรศัพท์ใหม่' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const s = await volunteer.request({
      method: 'POST',
      url: `/api/v1/persons/${p.id}/screenings`,
      payload: {
        instrument: 'wellbeing20',
        answers: { ...green, S2: 2 },
        takenAt: new Date().toISOString(),
        clientId: randomUUID(),
      },
    });
    expect(s.statusCode, s.body).toBe(201);
    // A closed group (set-up straight in the database: the groups API is another module).
    groupName = `กลุ่มทดสอบ ${randomUUID().slice(0, 4)}`;
    const [g] = await t.database.db
      .insert(careGroups)
      .values({ name: groupName, areaCode: AREA, startsOn: '2020-01-01' })
      .returning();
    await t.database.db.insert(groupPersons).values({ groupId: g!.id, personId: p.id, areaCode: AREA });
    await t.database.db
      .insert(groupMembers)
      .values({ groupId: g!.id, userId: partner.userId, role: 'case_worker' });
    await t.database.db
      .insert(groupAssignments)
      .values({ groupId: g!.id, personId: p.id, userId: partner.userId });
    await admin.request({ method: 'GET', url: `/api/v1/persons/${p.id}` });
    me = await claimed(p.id);
    res = await me.request({ method: 'GET', url: '/api/v1/me/data' });
  });

  it('is a JSON file named for today', async () => {
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="toemsuk-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
  });

  it('holds every section, each with what was recorded', () => {
    const d = res.json();
    expect(Object.keys(d).sort()).toEqual(
      [
        'accessLog',
        'alerts',
        'assignments',
        'careTimeline',
        'consents',
        'exportedAt',
        'format',
        'groups',
        'household',
        'links',
        'person',
        'plans',
        'revisions',
        'screenings',
      ].sort(),
    );
    expect(d.person).toMatchObject({ id: p.id, firstName: p.firstName, phone: '0812345678' });
    expect(d.household).toMatchObject({
      housingType: 'own_house',
      relationToHead: 'head',
      address: { houseNo: '12/3' },
    });
    expect(d.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(['collect', 'share_group']);
    expect(d.revisions.map((r: { source: string }) => r.source)).toContain('staff');
    expect(d.revisions[0]).toMatchObject({
      reason: 'โทรศัพท์ใหม่',
      changes: { phone: { from: null, to: '0812345678' } },
    });
    expect(d.plans).toEqual([]);
    expect(d.screenings).toEqual([
      expect.objectContaining({
        instrument: 'wellbeing20',
        answers: expect.objectContaining({ S2: 2 }),
        scores: expect.any(Object),
      }),
    ]);
    expect(d.alerts.length).toBeGreaterThan(0);
    expect(d.alerts[0]).toMatchObject({ flag: 'possible_abuse', recipient: expect.any(String) });
    expect(d.groups).toEqual([expect.objectContaining({ groupName, dischargedAt: null })]);
    expect(d.assignments).toEqual([
      expect.objectContaining({ groupName, assignee: 'ผู้ทดสอบ', organizationName: orgName }),
    ]);
    expect(d.links).toEqual([expect.objectContaining({ relation: 'self', revokedAt: null })]);
    const actions = d.accessLog.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['person.create', 'person.update', 'person.read', 'consent.grant']),
    );
  });

  it('shows the full national ID of their own person, and nobody else’s', () => {
    const d = res.json();
    expect(d.person.nationalId).toBe(p.nationalId);
    expect(d.person.nationalIdMasked).toBe(false);
    expect(res.body).not.toContain(q.nationalId);
    expect(res.body).not.toContain(q.firstName);
  });

  it('is audited as person.export naming the person', async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'person.export' and ${auditLog.actorId} = ${me.userId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'person', entityId: p.id, subjectIds: [p.id] });
  });

  it('is only for linked accounts: staff and strangers get 404, nobody gets 401 twice', async () => {
    expect((await volunteer.request({ method: 'GET', url: '/api/v1/me/data' })).statusCode).toBe(404);
    expect((await me.request({ method: 'GET', url: `/api/v1/me/data?personId=${q.id}` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/data' })).statusCode).toBe(401);
  });
});

describe('who looked at my data', () => {
  let p: Awaited<ReturnType<typeof register>>;
  let q: Awaited<ReturnType<typeof register>>;
  let me: Client;
  let groupAdmin: Client;
  let groupId: string;
  let groupName: string;
  const page = async (c: Client, query = '') =>
    c.request({ method: 'GET', url: `/api/v1/persons/${p.id}/audit${query}` });

  beforeAll(async () => {
    p = await register(volunteer, 'ตรวจสอบ');
    q = await register(volunteer, 'อีกคน');
    me = await claimed(p.id);
    await volunteer.request({
      method: 'POST',
      url: `/api/v1/persons/${p.id}/consents`,
      payload: { purpose: 'share_group', granted: true, method: 'paper' },
    });
    groupName = `กลุ่มปิด ${randomUUID().slice(0, 4)}`;
    const [g] = await t.database.db
      .insert(careGroups)
      .values({ name: groupName, areaCode: AREA, startsOn: '2020-01-01' })
      .returning();
    groupId = g!.id;
    groupAdmin = (await loginAs(t, { roles: ['agency_member'] })).client;
    await t.database.db.insert(groupMembers).values([
      { groupId, userId: groupAdmin.userId, role: 'admin' },
      { groupId, userId: caseWorker.userId, role: 'case_worker' },
    ]);
    await t.database.db.insert(groupPersons).values({ groupId, personId: p.id, areaCode: AREA });
    await t.database.db
      .insert(groupAssignments)
      .values({ groupId, personId: p.id, userId: caseWorker.userId });
    await admin.request({ method: 'GET', url: `/api/v1/persons/${p.id}` });
    // A group admin acts through the group: the audit names it.
    expect((await issue(groupAdmin, p.id, { relation: 'proxy', proxyName: 'หลาน' })).statusCode).toBe(201);
    // A list read that returned the person among others (the subject_ids of the row).
    await audit(
      t.database.db,
      { userId: volunteer.userId, roles: ['volunteer'], organizationId: null, areaCodes: [AREA] },
      {
        action: 'person.list',
        entity: 'person',
        subjectIds: [q.id, p.id],
        detail: { count: 2 },
      },
    );
  });

  it('the person sees reads by others: who, which organisation, how, through which group', async () => {
    const res = await page(me, '?excludeSelf=true');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      action: string;
      via: string;
      actor: { id: string; displayName: string; organizationName: string | null; roles: string[] } | null;
      group: { name: string; role: string | null } | null;
    }[];
    expect(items.every((i) => i.actor?.id !== me.userId)).toBe(true);
    expect(items).toContainEqual(
      expect.objectContaining({
        action: 'person.read',
        via: 'record',
        actor: expect.objectContaining({
          id: admin.userId,
          organizationName: orgName,
          roles: ['area_admin'],
        }),
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        action: 'person.list',
        via: 'list',
        actor: expect.objectContaining({ id: volunteer.userId }),
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        action: 'person.linkCode',
        actor: expect.objectContaining({ id: groupAdmin.userId }),
        group: { id: groupId, name: groupName, role: 'admin' },
      }),
    );
    const ids = items.map((i) => (i as unknown as { id: number }).id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('the area admin, the group admin and the operator see it too; reading it is audited', async () => {
    for (const c of [admin, groupAdmin, operator]) expect((await page(c)).statusCode).toBe(200);
    const first = (await page(me)).json().items[0];
    expect(first).toMatchObject({
      action: 'person.audit.read',
      actor: expect.objectContaining({ id: operator.userId }),
    });
  });

  it('a volunteer of the area and an assigned case worker get 403; an outsider and a stranger 404', async () => {
    expect((await page(volunteer)).statusCode).toBe(403);
    expect((await page(caseWorker)).statusCode).toBe(403);
    expect((await page(partner)).statusCode).toBe(404);
    expect((await page(otherAdmin)).statusCode).toBe(404);
    const stranger = await claimed(q.id);
    expect((await page(stranger)).statusCode).toBe(404);
    expect((await me.request({ method: 'GET', url: `/api/v1/persons/${q.id}/audit` })).statusCode).toBe(404);
  });

  it('pages with a cursor, newest first, without overlap', async () => {
    const all = (await page(admin, '?limit=500&excludeSelf=true'))
      .json()
      .items.map((i: { id: number }) => i.id);
    expect(all.length).toBeGreaterThan(4);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const r: { items: { id: number }[]; nextCursor: string | null } = (
        await page(admin, `?limit=2&excludeSelf=true${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(r.items.length).toBeLessThanOrEqual(2);
      seen.push(...r.items.map((i) => i.id));
      cursor = r.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await page(admin, '?cursor=nonsense')).statusCode).toBe(400);
  });
});

describe('my well-being plan', () => {
  let p: Awaited<ReturnType<typeof register>>;
  let q: Awaited<ReturnType<typeof register>>;
  let me: Client;
  let proxy: Client;
  let planId: string;
  let otherPlanId: string;
  let walk: { id: string };
  let meds: { id: string };
  let otherActivityId: string;
  let data: Record<string, unknown> & { plans: ExportedPlanJson[] };
  let body: string;
  const month = bangkokMonth(new Date());
  const SELF_NOTE = 'เดินทุกเช้ากับหลาน';
  const OTHER_NOTE = `บันทึกของคนอื่น ${randomUUID().slice(0, 6)}`;
  const OTHER_GOAL = `เป้าหมายของคนอื่น ${randomUUID().slice(0, 6)}`;

  const libraryId = async (code: string) => {
    const [row] = await t.database.db
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.code, code));
    return row!.id;
  };
  const progress = (c: Client, id: string, entries: unknown[]) =>
    c.request({ method: 'POST', url: `/api/v1/plans/${id}/progress`, payload: { month, entries } });

  beforeAll(async () => {
    p = await register(volunteer, 'ทำตามแผน');
    q = await register(volunteer, 'แผนคนอื่น');
    const walkId = await libraryId('elder-exercise-group');
    const medsId = await libraryId('weekly-medicine-box');
    const made = await volunteer.request({
      method: 'POST',
      url: `/api/v1/persons/${p.id}/plans`,
      payload: {
        goals: { personal: 'อยากเดินไปวัดได้เอง' },
        activities: [
          { activityId: walkId, responsible: 'self', goal: 'เดินวันละ 30 นาที' },
          { activityId: medsId, responsible: 'family', responsibleName: 'ลูกสาว' },
        ],
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    planId = made.json().id;
    walk = made.json().activities.find((a: { activityId: string }) => a.activityId === walkId);
    meds = made.json().activities.find((a: { activityId: string }) => a.activityId === medsId);
    // Version 2 drops the medicine box.
    const adjusted = await volunteer.request({
      method: 'PATCH',
      url: `/api/v1/plans/${planId}`,
      payload: {
        reason: 'จัดยาเองได้แล้ว',
        activities: [{ id: walk.id, activityId: walkId, responsible: 'self', goal: 'เดินวันละ 45 นาที' }],
      },
    });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    expect(adjusted.json().version).toBe(2);

    const other = await volunteer.request({
      method: 'POST',
      url: `/api/v1/persons/${q.id}/plans`,
      payload: {
        goals: { personal: OTHER_GOAL },
        activities: [{ activityId: walkId, responsible: 'self' }],
      },
    });
    expect(other.statusCode, other.body).toBe(201);
    otherPlanId = other.json().id;
    otherActivityId = other.json().activities[0].id;
    const otherReport = await progress(volunteer, otherPlanId, [
      { planActivityId: otherActivityId, status: 'not_done', note: OTHER_NOTE },
    ]);
    expect(otherReport.statusCode, otherReport.body).toBe(201);

    me = await claimed(p.id);
    proxy = await claimed(p.id, { relation: 'proxy', proxyName: 'ลูกชาย' });
  });

  it('the citizen reads their own plan and its versions', async () => {
    const res = await me.request({ method: 'GET', url: `/api/v1/plans/${planId}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: planId, personId: p.id, version: 2, status: 'active' });
    expect(res.json().activities.map((a: { id: string }) => a.id)).toEqual([walk.id]);
    const list = await me.request({ method: 'GET', url: `/api/v1/persons/${p.id}/plans` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([planId]);
    const old = await me.request({ method: 'GET', url: `/api/v1/plans/${planId}?version=1` });
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json().activities).toHaveLength(2);
  });

  it('reports this month’s progress as self; the named proxy reports as proxy', async () => {
    const mine = await progress(me, planId, [{ planActivityId: walk.id, status: 'partly', note: SELF_NOTE }]);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json().entries).toEqual([
      expect.objectContaining({ planActivityId: walk.id, status: 'partly', reportedAs: 'self' }),
    ]);
    const theirs = await progress(proxy, planId, [{ planActivityId: walk.id, status: 'done' }]);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().entries[0]).toMatchObject({ reportedAs: 'proxy', superseded: false });
    expect(theirs.json().adherence).toEqual({ percent: 100, months: 1 });
    // Audited naming the person, with neither the note nor a name in it.
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'plan.progress' and ${auditLog.entityId} = ${planId}`);
    expect(rows.map((r) => (r.detail as { reportedAs: string }).reportedAs).sort()).toEqual([
      'proxy',
      'self',
    ]);
    for (const r of rows) expect(r.subjectIds).toEqual([p.id]);
    expect(JSON.stringify(rows)).not.toContain(SELF_NOTE);
  });

  it('a dropped activity cannot be reported on', async () => {
    const res = await progress(me, planId, [{ planActivityId: meds.id, status: 'done' }]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('entries.0.planActivityId');
  });

  it('cannot change the plan (403), neither the person nor the proxy', async () => {
    for (const c of [me, proxy]) {
      const res = await c.request({
        method: 'PATCH',
        url: `/api/v1/plans/${planId}`,
        payload: { reason: 'อยากปิดเอง', status: 'closed' },
      });
      expect(res.statusCode, res.body).toBe(403);
    }
    const after = await volunteer.request({ method: 'GET', url: `/api/v1/plans/${planId}` });
    expect(after.json()).toMatchObject({ version: 2, status: 'active' });
  });

  it("cannot read or report on another person's plan (404)", async () => {
    expect((await me.request({ method: 'GET', url: `/api/v1/plans/${otherPlanId}` })).statusCode).toBe(404);
    expect(
      (await me.request({ method: 'GET', url: `/api/v1/plans/${otherPlanId}/progress` })).statusCode,
    ).toBe(404);
    expect((await me.request({ method: 'GET', url: `/api/v1/persons/${q.id}/plans` })).statusCode).toBe(404);
    const report = await progress(me, otherPlanId, [{ planActivityId: otherActivityId, status: 'done' }]);
    expect(report.statusCode).toBe(404);
  });

  describe('in the export', () => {
    beforeAll(async () => {
      const res = await me.request({ method: 'GET', url: '/api/v1/me/data' });
      expect(res.statusCode, res.body).toBe(200);
      data = res.json();
      body = res.body;
    });

    it('holds the plan as it is now, with every activity it ever had', () => {
      expect(data.plans).toHaveLength(1);
      const plan = data.plans[0]!;
      expect(plan).toMatchObject({
        id: planId,
        status: 'active',
        version: 2,
        goals: { personal: 'อยากเดินไปวัดได้เอง' },
        adherence: { percent: 100, months: 1 },
      });
      const byId = new Map(plan.activities.map((a) => [a.id, a]));
      expect(byId.get(walk.id)).toMatchObject({
        goal: 'เดินวันละ 45 นาที',
        addedInVersion: 1,
        removedInVersion: null,
        adherence: 100,
      });
      expect(byId.get(meds.id)).toMatchObject({
        responsibleName: 'ลูกสาว',
        addedInVersion: 1,
        removedInVersion: 2,
      });
    });

    it('holds every version as it was, with its reason', () => {
      const versions = data.plans[0]!.versions;
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions[0]!.snapshot.activities.map((a) => a.id).sort()).toEqual([walk.id, meds.id].sort());
      expect(versions[0]!.snapshot.activities.find((a) => a.id === walk.id)?.goal).toBe('เดินวันละ 30 นาที');
      expect(versions[1]).toMatchObject({ reason: 'จัดยาเองได้แล้ว', createdBy: 'ผู้ทดสอบ' });
      expect(versions[1]!.snapshot.activities.map((a) => a.id)).toEqual([walk.id]);
    });

    it('holds every progress report, the superseded one marked, and who reported as what', () => {
      const reports = data.plans[0]!.progress;
      expect(reports).toEqual([
        expect.objectContaining({
          planActivityId: walk.id,
          month,
          status: 'partly',
          note: SELF_NOTE,
          reportedAs: 'self',
          superseded: true,
        }),
        expect.objectContaining({
          planActivityId: walk.id,
          status: 'done',
          reportedAs: 'proxy',
          superseded: false,
        }),
      ]);
    });

    it("holds nothing of the other person's plan", () => {
      for (const foreign of [otherPlanId, otherActivityId, OTHER_NOTE, OTHER_GOAL, q.id, q.firstName]) {
        expect(body).not.toContain(foreign);
      }
    });

    it('the proxy exports the same plans; the export audit counts them', async () => {
      const res = await proxy.request({ method: 'GET', url: '/api/v1/me/data' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().plans.map((x: { id: string }) => x.id)).toEqual([planId]);
      const rows = await t.database.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.action} = 'person.export' and ${auditLog.actorId} = ${me.userId}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.detail).toMatchObject({ plans: 1 });
    });
  });
});

/** The parts of an exported plan these tests read. */
interface ExportedPlanJson {
  id: string;
  status: string;
  version: number;
  activities: { id: string; goal: string | null; removedInVersion: number | null }[];
  versions: {
    version: number;
    reason: string | null;
    createdBy: string | null;
    snapshot: { activities: { id: string; goal: string | null }[] };
  }[];
  progress: { planActivityId: string; status: string; reportedAs: string; superseded: boolean }[];
}

describe('nothing logged or audited with a code or a name', () => {
  it('neither the request log nor the audit trail holds a code, a name or a password', async () => {
    expect(shownCodes.length).toBeGreaterThan(10);
    const rows = await t.database.db.select().from(auditLog);
    const trail = JSON.stringify(rows);
    expect(logged).toContain('/api/v1/auth/claim');
    for (const code of shownCodes) {
      expect(logged).not.toMatch(standalone(code));
      expect(trail).not.toMatch(standalone(code));
    }
    for (const secret of [...names, PASSWORD, 'สมศรี เอง', 'ลูกชาย', 'ลูกสาว มาลี', 'หลาน']) {
      expect(logged).not.toContain(secret);
      expect(trail).not.toContain(secret);
    }
  });

  it('the code is in no table either (only its keyed hash)', async () => {
    const dump = JSON.stringify([
      await t.database.db.select().from(linkCodes),
      await t.database.db.select().from(personLinks),
    ]);
    for (const code of shownCodes) expect(dump).not.toMatch(standalone(code));
  });
});

describe('through the persons API', () => {
  let p: Awaited<ReturnType<typeof register>>;
  let q: Awaited<ReturnType<typeof register>>;
  let me: Client;
  beforeAll(async () => {
    p = await register(volunteer, 'ตัวเอง');
    q = await register(volunteer, 'เพื่อนบ้าน');
    me = await claimed(p.id);
  });

  it('the linked citizen reads their own record with the full national ID', async () => {
    const res = await me.request({ method: 'GET', url: `/api/v1/persons/${p.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: p.id, nationalId: p.nationalId, nationalIdMasked: false });
  });

  it("but not someone else's (404)", async () => {
    expect((await me.request({ method: 'GET', url: `/api/v1/persons/${q.id}` })).statusCode).toBe(404);
    expect(
      (
        await me.request({
          method: 'PATCH',
          url: `/api/v1/persons/${q.id}`,
          payload: { phone: '0800000000' },
        })
      ).statusCode,
    ).toBe(404);
    const list = await me.request({ method: 'GET', url: '/api/v1/persons' });
    expect(JSON.stringify(list.json())).not.toContain(q.firstName);
  });

  it('corrects a basic item, stored as self-reported', async () => {
    const res = await me.request({
      method: 'PATCH',
      url: `/api/v1/persons/${p.id}`,
      payload: { phone: '0899999999' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const history = await me.request({ method: 'GET', url: `/api/v1/persons/${p.id}/history` });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items[0]).toMatchObject({
      source: 'self',
      changes: { phone: { to: '0899999999' } },
    });
  });

  it('gives and withdraws consent themself', async () => {
    for (const granted of [true, false]) {
      const res = await me.request({
        method: 'POST',
        url: `/api/v1/persons/${p.id}/consents`,
        payload: { purpose: 'share_group', granted, method: 'self' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().state.shareGroup).toBe(granted);
    }
  });

  it('reads their own screenings', async () => {
    const res = await me.request({ method: 'GET', url: `/api/v1/persons/${p.id}/screenings` });
    expect(res.statusCode, res.body).toBe(200);
  });
});
