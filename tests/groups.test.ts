import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { bangkokMonth, monthStart } from '../src/core/screenings/month.ts';
import { areas, auditLog, groupAssignments, groupMembers, groupPersons } from '../src/server/db/schema.ts';
import { NationalIdVault } from '../src/server/modules/persons/nationalIdVault.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import {
  addOrganization,
  addUser,
  type Client,
  createTestApp,
  login,
  loginAs,
  type TestApp,
} from './support/app.ts';

let t: TestApp;
let admin: Client; // area admin of Pa Khad (901508): the registry team and the group's creator
let otherAdmin: Client; // area admin of Ching Kho (901501)
let operator: Client;
let partner: Client; // social worker of a foundation, no area: a case worker in the group
let partner2: Client; // agency member of the PAO, no area: a volunteer in the group
let viewer: Client; // committee member: a viewer in the group
let outsider: Client; // a social worker in no group
let citizenId: string;
let disabledId: string;

let groupId: string;
const ids: Record<string, string> = {};
const names: Record<string, string> = {};

const W20 = getInstrument('wellbeing20')!;
const green = answersWith(W20);
/** The fields that identify a person; none may appear where the caller may not see who someone is. */
const IDENTIFYING = ['firstName', 'lastName', 'nationalId', 'phone', 'houseNo', 'birthDate'];

const get = (c: Client, url: string, lang?: string) =>
  c.request({ method: 'GET', url, headers: lang ? { 'accept-language': lang } : {} });
const post = (c: Client, url: string, payload: unknown, lang?: string) =>
  c.request({
    method: 'POST',
    url,
    payload: payload as object,
    headers: lang ? { 'accept-language': lang } : {},
  });
const del = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'DELETE', url, payload: payload as object });
const patch = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'PATCH', url, payload: payload as object });

/** Asserts that no identifying field name, and no name of a person in `who`, appears anywhere in a body. */
function expectNothingIdentifying(body: string, who: string[] = Object.keys(names), fields = true) {
  if (fields) for (const field of IDENTIFYING) expect(body, field).not.toContain(`"${field}"`);
  for (const key of who) {
    expect(body, key).not.toContain(names[key]!);
    expect(body, key).not.toContain(ids[key]!);
  }
}

async function register(key: string, areaCode: string, by: Client = admin) {
  const firstName = `ชื่อ${key}${randomUUID().slice(0, 6)}`;
  const res = await post(by, '/api/v1/persons', {
    idType: 'none',
    noIdReason: 'ไม่มีบัตร',
    firstName,
    lastName: `สกุล${key}`,
    sex: 'female',
    birthDate: '1950-04-13',
    phone: '0812345678',
    address: { areaCode, houseNo: '12/3' },
    confirmNotDuplicate: true,
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  ids[key] = res.json().id;
  names[key] = firstName;
}

const consent = (personId: string, granted: boolean, by: Client = admin) =>
  post(by, `/api/v1/persons/${personId}/consents`, { purpose: 'share_group', granted, method: 'paper' });

/** A minute ago, or the first instant of this Thai month if that was last month. */
const justNow = () =>
  new Date(Math.max(Date.now() - 60_000, Date.parse(monthStart(bangkokMonth(new Date()))))).toISOString();

const screen = (personId: string, answers = green) =>
  post(admin, `/api/v1/persons/${personId}/screenings`, {
    instrument: 'wellbeing20',
    takenAt: justNow(),
    clientId: randomUUID(),
    answers,
  });

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.insert(areas).values(
    [
      ['90150801', '901508', 1],
      ['90150802', '901508', 2],
      ['90150803', '901508', 3],
      ['90150101', '901501', 1],
    ].map(([code, parentCode, villageNo]) => ({
      code: code as string,
      level: 'village' as const,
      parentCode: parentCode as string,
      villageNo: villageNo as number,
      nameTh: `หมู่ที่ ${villageNo}`,
    })),
  );
  const foundation = await addOrganization(t, '90');
  const pao = await addOrganization(t, '90');
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  otherAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;
  partner = (await loginAs(t, { roles: ['social_worker'], organizationId: foundation.id })).client;
  partner2 = (await loginAs(t, { roles: ['agency_member'], organizationId: pao.id })).client;
  viewer = (await loginAs(t, { roles: ['committee_viewer'], areaCodes: ['9015'] })).client;
  outsider = (await loginAs(t, { roles: ['social_worker'] })).client;
  citizenId = (await addUser(t, { roles: ['citizen'] })).id;
  disabledId = (await addUser(t, { roles: ['volunteer'], disabled: true })).id;

  await register('v1a', '90150801');
  await register('v1b', '90150801');
  await register('v2', '90150802');
  await register('v3', '90150803');
  await register('noConsent', '90150801');
  await register('late', '90150801');
  await register('other', '90150101', otherAdmin);
  for (const key of ['v1a', 'v1b', 'v2', 'v3', 'late'])
    expect((await consent(ids[key]!, true)).statusCode).toBe(201);
  expect((await consent(ids.other!, true, otherAdmin)).statusCode).toBe(201);
  expect((await screen(ids.v1a!)).statusCode).toBe(201);
  expect((await screen(ids.v1b!)).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('groups: form, list, read, change', () => {
  it('an area admin forms a group of their subdistrict and becomes its admin', async () => {
    const res = await post(admin, '/api/v1/groups', {
      name: 'กลุ่มนำร่องตำบลป่าขาด',
      areaCode: '901508',
      villageCodes: ['90150801', '90150802'],
      purpose: 'ดูแลผู้สูงอายุ',
    });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json();
    groupId = g.id;
    expect(g).toMatchObject({
      name: 'กลุ่มนำร่องตำบลป่าขาด',
      areaCode: '901508',
      areaName: 'ป่าขาด',
      villageCodes: ['90150801', '90150802'],
      active: true,
      endsAt: null,
      myRole: 'admin',
      counts: { members: 1, persons: 0 },
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'group.create'), eq(auditLog.groupId, groupId)));
    expect(audit?.actorId).toBe(admin.userId);
  });

  it('refuses villages outside the subdistrict, naming the field, and an end before the start', async () => {
    const outside = await post(admin, '/api/v1/groups', {
      name: 'ผิดหมู่',
      areaCode: '901508',
      villageCodes: ['90150801', '90150101'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('villageCodes.1');
    const unknown = await post(admin, '/api/v1/groups', {
      name: 'x',
      areaCode: '901508',
      villageCodes: ['90150899'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('villageCodes.0');
    const period = await post(admin, '/api/v1/groups', {
      name: 'x',
      areaCode: '901508',
      startsOn: '2026-06-01',
      endsAt: '2026-05-01',
    });
    expect(period.statusCode).toBe(400);
    expect(period.json().errors[0].path).toBe('endsAt');
  });

  it('only the area admins of the subdistrict (and operators) form groups there', async () => {
    const body = { name: 'ไม่ได้', areaCode: '901508' };
    expect((await post(otherAdmin, '/api/v1/groups', body)).statusCode).toBe(403);
    expect((await post(partner, '/api/v1/groups', body)).statusCode).toBe(403);
    expect((await post(viewer, '/api/v1/groups', body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/groups', payload: body })).statusCode).toBe(
      401,
    );
  });

  it('lists a group to its members, the admins of its area and operators only; others get 404 on it', async () => {
    const listed = async (c: Client) =>
      ((await get(c, '/api/v1/groups')).json().items as { id: string }[]).map((g) => g.id);
    expect(await listed(admin)).toContain(groupId);
    expect(await listed(operator)).toContain(groupId);
    expect(await listed(partner)).not.toContain(groupId);
    expect(await listed(otherAdmin)).not.toContain(groupId);
    for (const c of [partner, otherAdmin, outsider, viewer]) {
      expect((await get(c, `/api/v1/groups/${groupId}`)).statusCode).toBe(404);
    }
    expect((await get(admin, `/api/v1/groups/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get(operator, `/api/v1/groups/${groupId}`)).json().myRole).toBeNull();
  });

  it('its admins change the name and purpose', async () => {
    const res = await patch(admin, `/api/v1/groups/${groupId}`, { purpose: 'ดูแลผู้สูงอายุและผู้ป่วยติดเตียง' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().purpose).toBe('ดูแลผู้สูงอายุและผู้ป่วยติดเตียง');
    expect((await patch(partner, `/api/v1/groups/${groupId}`, { name: 'x' })).statusCode).toBe(404);
    const bad = await patch(admin, `/api/v1/groups/${groupId}`, { villageCodes: ['90150101'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('villageCodes.0');
  });
});

describe('members', () => {
  const members = `/api/v1/groups/{id}/members`;
  const url = () => members.replace('{id}', groupId);

  it('admins add partner accounts from any organisation with a group role', async () => {
    const added = await post(admin, url(), { userId: partner.userId, role: 'case_worker' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      userId: partner.userId,
      role: 'case_worker',
      displayName: 'ผู้ทดสอบ',
    });
    expect(added.json().organizationName).toMatch(/^รพ.สต.ทดสอบ/);
    expect((await post(admin, url(), { userId: partner.userId, role: 'case_worker' })).statusCode).toBe(200);
    expect((await post(admin, url(), { userId: partner2.userId, role: 'volunteer' })).statusCode).toBe(201);
    expect((await post(admin, url(), { userId: viewer.userId, role: 'viewer' })).statusCode).toBe(201);

    const list = await get(partner, url());
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { userId: string; role: string }[];
    expect(items.map((m) => [m.userId, m.role])).toEqual([
      [admin.userId, 'admin'],
      [partner.userId, 'case_worker'],
      [partner2.userId, 'volunteer'],
      [viewer.userId, 'viewer'],
    ]);
    expect(Object.keys(list.json().items[0]).sort()).toEqual([
      'addedAt',
      'displayName',
      'organizationName',
      'role',
      'userId',
    ]);
    expect((await get(partner, `/api/v1/groups/${groupId}`)).json()).toMatchObject({
      myRole: 'case_worker',
      counts: { members: 4 },
    });
  });

  it('refuses unknown, disabled and citizen accounts, naming the field', async () => {
    for (const userId of [randomUUID(), disabledId, citizenId]) {
      const res = await post(admin, url(), { userId, role: 'volunteer' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('userId');
    }
    expect((await post(admin, url(), { userId: partner.userId, role: 'boss' })).statusCode).toBe(400);
  });

  it('only admins manage members; non-members do not learn the group exists', async () => {
    expect((await post(partner, url(), { userId: outsider.userId, role: 'viewer' })).statusCode).toBe(403);
    expect((await post(viewer, url(), { userId: outsider.userId, role: 'viewer' })).statusCode).toBe(403);
    expect((await post(outsider, url(), { userId: outsider.userId, role: 'admin' })).statusCode).toBe(404);
    expect((await del(partner, url(), { userId: partner2.userId })).statusCode).toBe(403);
    expect((await get(outsider, url())).statusCode).toBe(404);
  });

  it('finds accounts across organisations for the picker: display name, organisation and roles only', async () => {
    const res = await get(
      admin,
      `/api/v1/groups/${groupId}/member-candidates?q=${encodeURIComponent('ผู้ทดสอบ')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'displayName',
        'id',
        'memberRole',
        'organizationName',
        'roles',
      ]);
    }
    expect(items.find((i) => i.id === partner.userId)?.memberRole).toBe('case_worker');
    expect(items.find((i) => i.id === outsider.userId)?.memberRole).toBeNull();
    expect(items.some((i) => i.id === citizenId || i.id === disabledId)).toBe(false);
    expect((await get(partner, `/api/v1/groups/${groupId}/member-candidates?q=x`)).statusCode).toBe(403);
  });

  it('a role change ends the old row and starts a new one', async () => {
    expect((await post(admin, url(), { userId: outsider.userId, role: 'viewer' })).statusCode).toBe(201);
    const changed = await post(admin, url(), { userId: outsider.userId, role: 'volunteer' });
    expect(changed.statusCode).toBe(201);
    const rows = await t.database.db
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, outsider.userId)));
    expect(rows.map((r) => [r.role, r.removedAt === null]).sort()).toEqual([
      ['viewer', false],
      ['volunteer', true],
    ]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'group.member.role'), eq(auditLog.groupId, groupId)));
    expect(audit?.detail).toMatchObject({ role: 'volunteer', previousRole: 'viewer' });
  });

  it('the last admin cannot be removed or demoted (409, in Thai and English)', async () => {
    const th = await del(admin, url(), { userId: admin.userId });
    expect(th.statusCode).toBe(409);
    expect(th.json().detail).toContain('ผู้ดูแลกลุ่มอย่างน้อยหนึ่งคน');
    const en = await admin.request({
      method: 'DELETE',
      url: url(),
      payload: { userId: admin.userId },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().detail).toContain('at least one admin');
    expect((await post(admin, url(), { userId: admin.userId, role: 'case_worker' })).statusCode).toBe(409);
  });

  it('removes a member, who then loses the group', async () => {
    expect((await del(admin, url(), { userId: outsider.userId })).statusCode).toBe(204);
    expect((await del(admin, url(), { userId: outsider.userId })).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/groups/${groupId}`)).statusCode).toBe(404);
  });
});

describe('enrolment', () => {
  const url = () => `/api/v1/groups/${groupId}/persons`;

  it('enrols people of the group’s villages who consent to sharing', async () => {
    const res = await post(admin, url(), { personId: ids.v1a });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ personId: ids.v1a, groupId, dischargedAt: null });
    expect((await post(admin, url(), { personId: ids.v1a })).statusCode).toBe(200);
    for (const key of ['v1b', 'v2', 'late'])
      expect((await post(admin, url(), { personId: ids[key] })).statusCode).toBe(201);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'group.person.enrol'), eq(auditLog.entityId, ids.v1a!)));
    expect(audit?.groupId).toBe(groupId);
    expect(audit?.subjectIds).toEqual([ids.v1a]);
  });

  it('refuses someone outside the group’s villages (409 naming why), without identifying them', async () => {
    const res = await post(admin, url(), { personId: ids.v3 }, 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain("does not live in the group's area");
    expect(res.json().errors[0].path).toBe('personId');
    expectNothingIdentifying(res.body, ['v3']);
    // An operator may read the person of another subdistrict, and still cannot enrol them.
    const other = await post(operator, url(), { personId: ids.other });
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toContain('ไม่ได้อาศัยอยู่ในพื้นที่ของกลุ่ม');
  });

  it('refuses someone without consent to share within a group (409 naming why)', async () => {
    const th = await post(admin, url(), { personId: ids.noConsent });
    expect(th.statusCode).toBe(409);
    expect(th.json().detail).toContain('ความยินยอม');
    const en = await post(admin, url(), { personId: ids.noConsent }, 'en');
    expect(en.json().detail).toContain('has not consented to sharing within a group');
    expectNothingIdentifying(en.body, ['noConsent']);
  });

  it('the enroller must be able to read the person: others get 404', async () => {
    expect((await post(admin, url(), { personId: ids.other })).statusCode).toBe(404);
    expect((await post(admin, url(), { personId: randomUUID() })).statusCode).toBe(404);
    expect((await post(partner, url(), { personId: ids.v3 })).statusCode).toBe(403);
  });

  it('discharges with a reason, keeps the history, and re-enrols', async () => {
    expect((await del(admin, url(), { personId: ids.v2, reason: 'ย้ายไปอยู่กับลูก' })).statusCode).toBe(204);
    expect((await del(admin, url(), { personId: ids.v2 })).statusCode).toBe(404);
    const listed = (await get(admin, url())).json().items.map((i: { personId: string }) => i.personId);
    expect(listed).not.toContain(ids.v2);
    expect((await post(admin, url(), { personId: ids.v2 })).statusCode).toBe(201);
    const rows = await t.database.db
      .select()
      .from(groupPersons)
      .where(and(eq(groupPersons.groupId, groupId), eq(groupPersons.personId, ids.v2!)));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.dischargedAt !== null)?.dischargeReason).toBe('ย้ายไปอยู่กับลูก');
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'group.person.discharge'), eq(auditLog.groupId, groupId)));
    // The free-text reason stays out of the audit trail.
    expect(JSON.stringify(audit?.detail)).not.toContain('ย้าย');
  });
});

describe('assignments', () => {
  const url = () => `/api/v1/groups/${groupId}/assignments`;

  it('assigns only to case workers and volunteers who are members', async () => {
    for (const userId of [viewer.userId, admin.userId, outsider.userId]) {
      const res = await post(admin, url(), { personId: ids.v1a, userId });
      expect(res.statusCode).toBe(409);
      expect(res.json().errors[0].path).toBe('userId');
    }
    expect((await post(admin, url(), { personId: ids.v3, userId: partner.userId })).statusCode).toBe(404);
    expect((await post(partner, url(), { personId: ids.v1a, userId: partner.userId })).statusCode).toBe(403);
  });

  it('assigns, reassigns keeping history, and unassigns', async () => {
    const first = await post(admin, url(), { personId: ids.v1a, userId: partner2.userId });
    expect(first.statusCode, first.body).toBe(201);
    expect((await post(admin, url(), { personId: ids.v1a, userId: partner2.userId })).statusCode).toBe(200);
    const second = await post(admin, url(), { personId: ids.v1a, userId: partner.userId });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ personId: ids.v1a, userId: partner.userId, endedAt: null });

    const history = await get(admin, `${url()}/history?personId=${ids.v1a}`);
    expect(history.statusCode, history.body).toBe(200);
    const items = history.json().items as { userId: string; endedAt: string | null }[];
    expect(items.map((i) => [i.userId, i.endedAt === null])).toEqual([
      [partner.userId, true],
      [partner2.userId, false],
    ]);
    expect((await get(partner, `${url()}/history?personId=${ids.v1a}`)).statusCode).toBe(403);

    expect((await post(admin, url(), { personId: ids.v2, userId: partner2.userId })).statusCode).toBe(201);
    expect((await del(admin, url(), { personId: ids.v2 })).statusCode).toBe(204);
    expect((await del(admin, url(), { personId: ids.v2 })).statusCode).toBe(404);
    const open = await t.database.db
      .select()
      .from(groupAssignments)
      .where(and(eq(groupAssignments.groupId, groupId), sql`${groupAssignments.endedAt} is null`));
    expect(open.map((a) => a.personId)).toEqual([ids.v1a]);
  });
});

describe('who sees whom in the group', () => {
  const url = () => `/api/v1/groups/${groupId}/persons`;
  type Row = { view: string; personId?: string; alias: string; firstName?: string; assignee: unknown };

  it('admins see every enrolled person identified, with levels and assignee', async () => {
    const res = await get(admin, url());
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Row[];
    expect(items.map((i) => i.personId).sort()).toEqual([ids.v1a, ids.v1b, ids.v2, ids.late].sort());
    const a = items.find((i) => i.personId === ids.v1a)!;
    expect(a).toMatchObject({
      view: 'identified',
      firstName: names.v1a,
      sex: 'female',
      villageName: 'หมู่ที่ 1',
      levels: { health: 'green', economy: 'green', society: 'green', environment: 'green' },
      assignee: { userId: partner.userId },
    });
    expect(a.alias).toMatch(/^[ก-ฮ]-[0-9A-F]{4}$/);
    expect(res.body).not.toContain('"phone"');
    expect(res.body).not.toContain('"houseNo"');
    expect(res.body).not.toContain('"birthDate"');
  });

  it('a case worker sees their assigned person identified and the rest pseudonymously', async () => {
    const res = await get(partner, url());
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Row[];
    expect(items).toHaveLength(4);
    const identified = items.filter((i) => i.view === 'identified');
    expect(identified.map((i) => i.personId)).toEqual([ids.v1a]);
    const others = items.filter((i) => i.view === 'pseudonymous');
    expect(others).toHaveLength(3);
    for (const row of others) {
      expect(Object.keys(row).sort()).toEqual([
        'ageBand',
        'alias',
        'assignee',
        'levels',
        'sex',
        'view',
        'villageName',
      ]);
      expect(row).toMatchObject({ ageBand: '70-79' });
    }
    expectNothingIdentifying(JSON.stringify(others), ['v1b', 'v2', 'late']);
    // The alias is stable between calls.
    const again = (await get(partner, url())).json().items as Row[];
    expect(again.map((i) => i.alias)).toEqual(items.map((i) => i.alias));
  });

  it('a volunteer with no assigned person sees nothing identifying at all', async () => {
    const res = await get(partner2, url());
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((i: Row) => i.view === 'pseudonymous')).toBe(true);
    expectNothingIdentifying(res.body);
  });

  it('viewers get 403 (aggregates only), non-members 404', async () => {
    const res = await get(viewer, url());
    expect(res.statusCode).toBe(403);
    expectNothingIdentifying(res.body);
    expect((await get(outsider, url())).statusCode).toBe(404);
    expect((await get(otherAdmin, url())).statusCode).toBe(404);
  });

  it('paginates with a cursor', async () => {
    const first = (await get(admin, `${url()}?limit=3`)).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await get(admin, `${url()}?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0].personId).not.toBe(first.items[2].personId);
    expect((await get(admin, `${url()}?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('audits each list with the group and the people returned', async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'group.person.list'), eq(auditLog.actorId, partner.userId)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.groupId).toBe(groupId);
    expect([...(rows[0]!.subjectIds ?? [])].sort()).toEqual([ids.v1a, ids.v1b, ids.v2, ids.late].sort());
  });

  it('my people: the assigned person, identified, with the group', async () => {
    const res = await get(partner, '/api/v1/me/people');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        personId: ids.v1a,
        firstName: names.v1a,
        phone: '0812345678',
        houseNo: '12/3',
        dueThisMonth: false,
        group: { id: groupId, name: 'กลุ่มนำร่องตำบลป่าขาด' },
      }),
    ]);
    expect((await get(partner2, '/api/v1/me/people')).json().items).toEqual([]);
    expect((await get(viewer, '/api/v1/me/people')).json().items).toEqual([]);
  });
});

describe('group home and activity', () => {
  it('admins see full counts and the names of who is due this month', async () => {
    const res = await get(admin, `/api/v1/groups/${groupId}/home`);
    expect(res.statusCode, res.body).toBe(200);
    const home = res.json();
    expect(home).toMatchObject({
      membersByRole: { admin: 1, case_worker: 1, volunteer: 1, viewer: 1 },
      enrolled: 4,
      screened: 2,
      suppressed: false,
      due: { count: 2, done: 2, complete: true },
    });
    expect(home.levels.health).toEqual({ green: 2, yellow: 0, red: 0 });
    expect(home.due.items.map((i: { personId: string }) => i.personId).sort()).toEqual(
      [ids.v2, ids.late].sort(),
    );
  });

  it('viewers see small cells suppressed and no names', async () => {
    const res = await get(viewer, `/api/v1/groups/${groupId}/home`);
    expect(res.statusCode).toBe(200);
    const home = res.json();
    expect(home.levels.health).toEqual({ green: null, yellow: 0, red: 0 });
    expect(home.suppressed).toBe(true);
    expect(home.due).toMatchObject({ count: null, done: null, items: [], complete: false });
    expectNothingIdentifying(res.body);
  });

  it('a case worker sees only their own people due', async () => {
    // v1a is screened this month: nobody of partner's is due.
    const home = (await get(partner, `/api/v1/groups/${groupId}/home`)).json();
    expect(home.due.items).toEqual([]);
    expect(
      (
        await post(admin, `/api/v1/groups/${groupId}/assignments`, {
          personId: ids.late,
          userId: partner.userId,
        })
      ).statusCode,
    ).toBe(201);
    const after = await get(partner, `/api/v1/groups/${groupId}/home`);
    expect(after.json().due.items.map((i: { personId: string }) => i.personId)).toEqual([ids.late]);
    expectNothingIdentifying(after.body, ['v1b', 'v2'], false);
  });

  it('the activity feed: who did what; names only for those the caller may see', async () => {
    const feed = await get(admin, `/api/v1/groups/${groupId}/activity?limit=100`);
    expect(feed.statusCode, feed.body).toBe(200);
    const items = feed.json().items as { action: string; subject: { name?: string; kind: string } | null }[];
    const actions = items.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'group.create',
        'group.update',
        'group.member.add',
        'group.member.role',
        'group.member.remove',
        'group.person.enrol',
        'group.person.discharge',
        'group.assignment.add',
        'group.assignment.change',
        'group.assignment.end',
      ]),
    );
    expect(actions.some((a) => a.endsWith('.list') || a.endsWith('.read'))).toBe(false);
    expect(items.some((i) => i.subject?.name?.includes(names.v2!))).toBe(true);

    const forPartner = await get(partner, `/api/v1/groups/${groupId}/activity?limit=100`);
    expect(forPartner.statusCode).toBe(200);
    expectNothingIdentifying(forPartner.body, ['v1b', 'v2']);
    expect(forPartner.body).toContain(names.v1a!);
    const forViewer = await get(viewer, `/api/v1/groups/${groupId}/activity?limit=100`);
    expect(forViewer.statusCode).toBe(200);
    expectNothingIdentifying(forViewer.body);
    const page = (await get(viewer, `/api/v1/groups/${groupId}/activity?limit=2`)).json();
    expect(page.items).toHaveLength(2);
    const next = (
      await get(viewer, `/api/v1/groups/${groupId}/activity?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
  });

  it('every group write is audited with the group', async () => {
    const writes = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} like 'group.%' and ${auditLog.action} !~ '\\.(read|list)$'`);
    expect(writes.length).toBeGreaterThan(10);
    for (const w of writes) expect(w.groupId, w.action).toBe(groupId);
  });
});

describe('consent withdrawn after enrolment', () => {
  it('the person disappears from the group’s lists and counts', async () => {
    expect((await consent(ids.late!, false)).statusCode).toBe(201);
    const adminList = (await get(admin, `/api/v1/groups/${groupId}/persons`)).json().items;
    expect(adminList.map((i: { personId: string }) => i.personId)).not.toContain(ids.late);
    expect(adminList).toHaveLength(3);
    expect((await get(partner, `/api/v1/groups/${groupId}/persons`)).json().items).toHaveLength(3);
    expect((await get(admin, `/api/v1/groups/${groupId}`)).json().counts.persons).toBe(3);
    expect((await get(admin, `/api/v1/groups/${groupId}/home`)).json().enrolled).toBe(3);
    const home = await get(partner, `/api/v1/groups/${groupId}/home`);
    expect(home.json().due.items).toEqual([]);
    expectNothingIdentifying(home.body, ['late']);
    const mine = (await get(partner, '/api/v1/me/people')).json().items;
    expect(mine.map((p: { personId: string }) => p.personId)).toEqual([ids.v1a]);
    // Nor is it named, or even aliased, in the feed of a partner who had it assigned.
    const feed = await get(partner, `/api/v1/groups/${groupId}/activity?limit=100`);
    expectNothingIdentifying(feed.body, ['late'], false);
    expect(
      (
        await post(admin, `/api/v1/groups/${groupId}/assignments`, {
          personId: ids.late,
          userId: partner.userId,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('through the persons API', () => {
  it('an assigned partner reads the person; an unassigned one gets 404', async () => {
    expect((await get(partner, `/api/v1/persons/${ids.v1a}`)).statusCode).toBe(200);
    const hidden = await get(partner, `/api/v1/persons/${ids.v1b}`);
    expect(hidden.statusCode).toBe(404);
    expectNothingIdentifying(hidden.body);
    expect((await get(partner2, `/api/v1/persons/${ids.v1a}`)).statusCode).toBe(404);
    expect((await get(viewer, `/api/v1/persons/${ids.v1a}`)).statusCode).toBe(404);
  });

  it('consent withdrawn after enrolment: the partner gets 404', async () => {
    // `late` was assigned to partner and then withdrew consent to share.
    expect((await get(partner, `/api/v1/persons/${ids.late}`)).statusCode).toBe(404);
  });
});

describe('when the group ends', () => {
  let pilot: string;

  beforeAll(async () => {
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const g = await post(admin, '/api/v1/groups', {
      name: 'กลุ่มที่จะสิ้นสุด',
      areaCode: '901508',
      startsOn: weekAgo,
    });
    pilot = g.json().id;
    await post(admin, `/api/v1/groups/${pilot}/members`, { userId: partner2.userId, role: 'case_worker' });
    await post(admin, `/api/v1/groups/${pilot}/persons`, { personId: ids.v3 });
    await post(admin, `/api/v1/groups/${pilot}/assignments`, { personId: ids.v3, userId: partner2.userId });
  });

  it('members lose access to its people, and the group says it has ended', async () => {
    const before = (await get(partner2, '/api/v1/me/people')).json().items;
    expect(before.map((p: { personId: string }) => p.personId)).toEqual([ids.v3]);
    expect((await get(partner2, `/api/v1/groups/${pilot}/persons`)).json().items[0].view).toBe('identified');

    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const ended = await patch(admin, `/api/v1/groups/${pilot}`, { endsAt: yesterday });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ active: false, endsAt: yesterday });

    const list = await get(partner2, `/api/v1/groups/${pilot}/persons`, 'en');
    expect(list.statusCode).toBe(403);
    expect(list.json().detail).toContain('has ended');
    expectNothingIdentifying(list.body);
    expect((await get(partner2, '/api/v1/me/people')).json().items).toEqual([]);
    const home = await get(partner2, `/api/v1/groups/${pilot}/home`);
    expect(home.statusCode).toBe(200);
    expectNothingIdentifying(home.body);
    expect((await get(partner2, `/api/v1/groups/${pilot}`)).json().active).toBe(false);
    const enrol = await post(admin, `/api/v1/groups/${pilot}/persons`, { personId: ids.v1a });
    expect(enrol.statusCode).toBe(409);
    const feed = await get(partner2, `/api/v1/groups/${pilot}/activity`);
    expectNothingIdentifying(feed.body, ['v3']);
  });

  it('through the persons API: the partner gets 404 after the end', async () => {
    expect((await get(partner2, `/api/v1/persons/${ids.v3}`)).statusCode).toBe(404);
  });
});

describe('the demo groups', () => {
  let demo: TestApp;
  let accounts: { username: string; password: string }[];

  beforeAll(async () => {
    demo = await createTestApp();
    const vault = new NationalIdVault(randomBytes(32).toString('hex'));
    accounts = (await seedDemo(demo.database.db, vault)) ?? [];
  }, 120_000);
  afterAll(() => demo?.close());

  it('has the Pa Khad pilot and a second group, with demo.partner as a case worker in both', async () => {
    const partnerAccount = accounts.find((a) => a.username === 'demo.partner');
    expect(partnerAccount).toBeDefined();
    const partnerClient = await login(demo, 'demo.partner', partnerAccount!.password);
    const groups = (await get(partnerClient, '/api/v1/groups')).json().items as {
      id: string;
      name: string;
      areaCode: string;
      myRole: string;
      counts: { persons: number };
    }[];
    expect(groups.map((g) => g.name).sort()).toEqual(
      ['กลุ่มดูแลผู้ป่วยระยะท้ายและติดเตียงตำบลรำแดง', 'กลุ่มนำร่องตำบลป่าขาด'].sort(),
    );
    const pilot = groups.find((g) => g.areaCode === '901508')!;
    expect(pilot.myRole).toBe('case_worker');
    expect(pilot.counts.persons).toBeGreaterThan(10);
    // Every enrolled person consents to sharing within a group.
    const withoutConsent = (await demo.database.db.execute(sql`
      select count(*)::int as n from group_person gp
      where not coalesce((select c.granted from consent c where c.person_id = gp.person_id
        and c.purpose = 'share_group' order by c.recorded_at desc, c.id desc limit 1), false)`)) as unknown as {
      rows: { n: number }[];
    };
    expect(withoutConsent.rows[0]!.n).toBe(0);

    const people = (await get(partnerClient, `/api/v1/groups/${pilot.id}/persons?limit=500`)).json()
      .items as {
      view: string;
    }[];
    expect(people.filter((p) => p.view === 'identified')).toHaveLength(4);
    expect(people.filter((p) => p.view === 'pseudonymous').length).toBeGreaterThan(10);
    const mine = (await get(partnerClient, '/api/v1/me/people')).json().items;
    expect(mine).toHaveLength(6);

    const volunteerAccount = accounts.find((a) => a.username === 'demo.volunteer')!;
    const volunteer = await login(demo, 'demo.volunteer', volunteerAccount.password);
    const theirs = (await get(volunteer, '/api/v1/me/people')).json().items as { villageName: string }[];
    expect(theirs.length).toBeGreaterThan(0);
  });
});
