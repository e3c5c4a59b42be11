/**
 * Issue 5's permission matrix over HTTP: roles × group roles × actions ×
 * (own area, other area, enrolled, not enrolled, assigned, not assigned,
 * consent withdrawn), asserting the exact status and that nothing
 * identifying leaks into lists, searches, group pages or error bodies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { personLinks } from '../src/server/db/schema.ts';
import { addOrganization, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let areaAdmin: Client;
let villageVolunteer: Client;
let caseWorker: Client;
let groupVolunteer: Client;
let viewer: Client;
let outsider: Client;
let otherAdmin: Client;
let citizen: Client;
let groupId: string;

/** Names and IDs that must never reach anyone not entitled to the person. */
const people = {
  assigned: { firstName: 'มานพ', lastName: 'ทดสอบหนึ่ง', nationalId: '1103700123458', phone: '0812345601' },
  enrolled: { firstName: 'มาลี', lastName: 'ทดสอบสอง', nationalId: '3901500012340', phone: '0812345602' },
  notEnrolled: { firstName: 'มานะ', lastName: 'ทดสอบสาม', nationalId: null, phone: '0812345603' },
  withdrawn: { firstName: 'มาริสา', lastName: 'ทดสอบสี่', nationalId: null, phone: '0812345604' },
} as const;
type Key = keyof typeof people;
const ids = {} as Record<Key, string>;

const W20 = getInstrument('wellbeing20')!;

async function register(key: Key, houseNo: string) {
  const p = people[key];
  const res = await villageVolunteer.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      ...(p.nationalId
        ? { idType: 'thai_id', nationalId: p.nationalId }
        : { idType: 'none', noIdReason: 'ยังไม่มีบัตร' }),
      firstName: p.firstName,
      lastName: p.lastName,
      sex: 'female',
      birthDate: '1948-02-10',
      address: { areaCode: '90150801', houseNo },
      phone: p.phone,
      confirmNotDuplicate: true,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
  const consent = await villageVolunteer.request({
    method: 'POST',
    url: `/api/v1/persons/${ids[key]}/consents`,
    payload: { purpose: 'share_group', granted: true, method: 'paper' },
  });
  expect(consent.statusCode, consent.body).toBe(201);
}

const send = (c: Client, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  c.request({ method, url, ...(payload ? { payload } : {}) });

/** Fails with the leaked value when any identifying field of `keys` appears in `body`. */
function expectNoIdentity(body: string, keys: readonly Key[]) {
  for (const k of keys) {
    const p = people[k];
    for (const value of [p.firstName, p.lastName, p.nationalId, p.phone]) {
      if (value) expect(body, `${k} leaked`).not.toContain(value);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const foundation = await addOrganization(t, '9015');
  const hospital = await addOrganization(t, '9015');
  areaAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  villageVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['90150801'] })).client;
  caseWorker = (await loginAs(t, { roles: ['social_worker'], organizationId: foundation.id })).client;
  groupVolunteer = (await loginAs(t, { roles: ['agency_member'], organizationId: hospital.id })).client;
  viewer = (await loginAs(t, { roles: ['committee_viewer'], organizationId: hospital.id })).client;
  outsider = (await loginAs(t, { roles: ['social_worker'], organizationId: foundation.id })).client;
  otherAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] })).client;
  citizen = (await loginAs(t, { roles: ['citizen'] })).client;

  await areaAdmin.request({
    method: 'POST',
    url: '/api/v1/areas',
    payload: { parentCode: '901508', villageNo: 1, nameTh: 'บ้านทดสอบ' },
  });
  await register('assigned', '1');
  await register('enrolled', '2');
  await register('notEnrolled', '3');
  await register('withdrawn', '4');

  const created = await send(areaAdmin, 'POST', '/api/v1/groups', { name: 'กลุ่มทดสอบ', areaCode: '901508' });
  expect(created.statusCode, created.body).toBe(201);
  groupId = created.json().id;
  for (const [c, role] of [
    [caseWorker, 'case_worker'],
    [groupVolunteer, 'volunteer'],
    [viewer, 'viewer'],
  ] as const) {
    const res = await send(areaAdmin, 'POST', `/api/v1/groups/${groupId}/members`, {
      userId: c.userId,
      role,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const key of ['assigned', 'enrolled', 'withdrawn'] as const) {
    const res = await send(areaAdmin, 'POST', `/api/v1/groups/${groupId}/persons`, { personId: ids[key] });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const c of [caseWorker, groupVolunteer]) {
    const res = await send(areaAdmin, 'POST', `/api/v1/groups/${groupId}/assignments`, {
      personId: ids.assigned,
      userId: c.userId,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // The last assignment wins: the case worker's was ended; give it back to them.
  await send(areaAdmin, 'POST', `/api/v1/groups/${groupId}/assignments`, {
    personId: ids.assigned,
    userId: caseWorker.userId,
  });
  const withdrawn = await send(villageVolunteer, 'POST', `/api/v1/persons/${ids.withdrawn}/consents`, {
    purpose: 'share_group',
    granted: false,
    method: 'paper',
  });
  expect(withdrawn.statusCode, withdrawn.body).toBe(201);
  await t.database.db
    .insert(personLinks)
    .values({ personId: ids.enrolled, userId: citizen.userId, relation: 'self' });
});
afterAll(() => t?.close());

type Who =
  | 'areaAdmin'
  | 'villageVolunteer'
  | 'caseWorker'
  | 'groupVolunteer'
  | 'viewer'
  | 'outsider'
  | 'otherAdmin'
  | 'citizen';
const client = (who: Who): Client =>
  ({ areaAdmin, villageVolunteer, caseWorker, groupVolunteer, viewer, outsider, otherAdmin, citizen })[who];

// [who, person, read, screen, correct/patch, audit]
const matrix: [Who, Key, number, number, number, number][] = [
  ['areaAdmin', 'assigned', 200, 201, 200, 200],
  ['areaAdmin', 'withdrawn', 200, 201, 200, 200],
  ['villageVolunteer', 'notEnrolled', 200, 201, 200, 403],
  ['caseWorker', 'assigned', 200, 201, 200, 403],
  ['caseWorker', 'enrolled', 404, 404, 404, 404],
  ['caseWorker', 'notEnrolled', 404, 404, 404, 404],
  ['caseWorker', 'withdrawn', 404, 404, 404, 404],
  ['groupVolunteer', 'assigned', 404, 404, 404, 404],
  ['groupVolunteer', 'enrolled', 404, 404, 404, 404],
  ['viewer', 'assigned', 404, 404, 404, 404],
  ['viewer', 'enrolled', 404, 404, 404, 404],
  ['outsider', 'assigned', 404, 404, 404, 404],
  ['otherAdmin', 'assigned', 404, 404, 404, 404],
  ['citizen', 'enrolled', 200, 201, 200, 200],
  ['citizen', 'assigned', 404, 404, 404, 404],
];

describe('person records: exact status for each account and person', () => {
  it.each(matrix)(
    '%s → %s: read %i, screen %i, update %i, audit %i',
    async (who, key, read, screen, update, auditStatus) => {
      const c = client(who);
      const id = ids[key];
      const got = await send(c, 'GET', `/api/v1/persons/${id}`);
      expect(got.statusCode, got.body).toBe(read);
      if (read !== 200) expectNoIdentity(got.body, [key]);

      const screening = await send(c, 'POST', `/api/v1/persons/${id}/screenings`, {
        instrument: 'wellbeing20',
        answers: answersWith(W20),
        takenAt: '2026-11-02T03:00:00Z',
        clientId: randomUUID(),
      });
      expect(screening.statusCode, screening.body).toBe(screen);

      const timeline = await send(c, 'GET', `/api/v1/persons/${id}/screenings/timeline`);
      expect(timeline.statusCode).toBe(read);

      // A real change, so that an allowed update writes a revision.
      const patched = await send(c, 'PATCH', `/api/v1/persons/${id}`, { occupation: `อาชีพ ${who}` });
      expect(patched.statusCode, patched.body).toBe(update);
      if (update !== 200) expectNoIdentity(patched.body, [key]);

      const trail = await send(c, 'GET', `/api/v1/persons/${id}/audit`);
      expect(trail.statusCode, trail.body).toBe(auditStatus);
    },
  );

  it('a citizen’s own changes are recorded as self-reported', async () => {
    const res = await send(citizen, 'GET', `/api/v1/persons/${ids.enrolled}/history`);
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json())).toContain('self');
  });

  it('the full national ID: the area admin and the person themself, nobody else', async () => {
    const full = '1103700123458';
    const byAdmin = await send(areaAdmin, 'GET', `/api/v1/persons/${ids.assigned}`);
    expect(byAdmin.json().nationalId).toBe(full);
    const byCaseWorker = await send(caseWorker, 'GET', `/api/v1/persons/${ids.assigned}`);
    expect(byCaseWorker.body).not.toContain(full);
    const own = await send(citizen, 'GET', `/api/v1/persons/${ids.enrolled}`);
    expect(own.json().nationalId).toBe('3901500012340');
  });
});

describe('lists and searches leak no one', () => {
  const everyone: Key[] = ['assigned', 'enrolled', 'notEnrolled', 'withdrawn'];

  it.each(['caseWorker', 'groupVolunteer', 'viewer', 'outsider', 'otherAdmin', 'citizen'] as const)(
    'registry search by %s finds nobody of Pa Khad by name, phone or ID',
    async (who) => {
      for (const q of ['มานพ', 'ทดสอบ', '0812345601', '1103700123458']) {
        const res = await send(client(who), 'GET', `/api/v1/persons?q=${encodeURIComponent(q)}`);
        expect([200, 403]).toContain(res.statusCode);
        expectNoIdentity(res.body, everyone);
      }
    },
  );

  it('the group list shows the case worker their assigned person and only aliases for the rest', async () => {
    const res = await send(caseWorker, 'GET', `/api/v1/groups/${groupId}/persons`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(people.assigned.firstName);
    expectNoIdentity(res.body, ['enrolled', 'notEnrolled', 'withdrawn']);
    const items = res.json().items as { personId?: string; id?: string }[];
    // The withdrawn person is not listed at all; the not-enrolled one never was.
    expect(items).toHaveLength(2);
  });

  it('a group volunteer with no assignment sees aliases only', async () => {
    const res = await send(groupVolunteer, 'GET', `/api/v1/groups/${groupId}/persons`);
    expect(res.statusCode, res.body).toBe(200);
    expectNoIdentity(res.body, everyone);
    expect(res.body).not.toContain(ids.assigned);
    expect(res.body).not.toContain(ids.enrolled);
  });

  it('the group admin sees the enrolled people, not the one who withdrew consent', async () => {
    const res = await send(areaAdmin, 'GET', `/api/v1/groups/${groupId}/persons`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(people.assigned.firstName);
    expect(res.body).toContain(people.enrolled.firstName);
    expectNoIdentity(res.body, ['withdrawn', 'notEnrolled']);
  });

  it('a viewer gets 403 on the list and aggregates without identities on the home page', async () => {
    expect((await send(viewer, 'GET', `/api/v1/groups/${groupId}/persons`)).statusCode).toBe(403);
    const home = await send(viewer, 'GET', `/api/v1/groups/${groupId}/home`);
    expect(home.statusCode, home.body).toBe(200);
    expectNoIdentity(home.body, everyone);
    const activity = await send(viewer, 'GET', `/api/v1/groups/${groupId}/activity`);
    expect([200, 403]).toContain(activity.statusCode);
    expectNoIdentity(activity.body, everyone);
  });

  it('a non-member gets 404 for the group and every part of it', async () => {
    for (const path of ['', '/persons', '/home', '/members', '/activity']) {
      const res = await send(outsider, 'GET', `/api/v1/groups/${groupId}${path}`);
      expect(res.statusCode, path).toBe(404);
      expectNoIdentity(res.body, everyone);
    }
  });

  it('my people: the case worker gets exactly the one assigned person', async () => {
    const res = await send(caseWorker, 'GET', '/api/v1/me/people');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(people.assigned.firstName);
    expectNoIdentity(res.body, ['enrolled', 'notEnrolled', 'withdrawn']);
  });

  it('the due list of the group shows the case worker no one unassigned', async () => {
    const res = await send(caseWorker, 'GET', `/api/v1/screenings/due?group=${groupId}`);
    expect(res.statusCode, res.body).toBe(200);
    expectNoIdentity(res.body, ['enrolled', 'notEnrolled', 'withdrawn']);
  });
});

describe('the trail records the look and the group it came through', () => {
  it('the person sees that the case worker read their record through the group', async () => {
    await send(caseWorker, 'GET', `/api/v1/persons/${ids.assigned}`);
    const res = await send(areaAdmin, 'GET', `/api/v1/persons/${ids.assigned}/audit`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as { action: string; group: { id: string } | null }[];
    const read = rows.find((r) => r.action === 'person.read' && r.group?.id === groupId);
    expect(read, res.body).toBeTruthy();
  });
});

describe('the group’s due list', () => {
  it('the group admin sees the enrolled people due; a non-member gets 404', async () => {
    // A month nobody was screened in yet, so everyone enrolled is due.
    const res = await send(areaAdmin, 'GET', `/api/v1/screenings/due?group=${groupId}&month=2027-01`);
    expect(res.statusCode, res.body).toBe(200);
    const shown = (res.json().items as { personId: string }[]).map((i) => i.personId);
    expect(shown).toContain(ids.enrolled);
    expect(shown).not.toContain(ids.notEnrolled);
    const outside = await send(outsider, 'GET', `/api/v1/screenings/due?group=${groupId}`);
    expect(outside.statusCode).toBe(404);
    expectNoIdentity(outside.body, ['assigned', 'enrolled', 'notEnrolled', 'withdrawn']);
  });
});

describe('screening reads reach the person’s trail too', () => {
  it('a case worker’s look at the timeline shows in the person’s access log, with the group', async () => {
    expect(
      (await send(caseWorker, 'GET', `/api/v1/persons/${ids.assigned}/screenings/timeline`)).statusCode,
    ).toBe(200);
    const res = await send(areaAdmin, 'GET', `/api/v1/persons/${ids.assigned}/audit`);
    const rows = res.json().items as { action: string; group: { id: string } | null }[];
    expect(
      rows.find((r) => r.action === 'screening.timeline.read' && r.group?.id === groupId),
      res.body,
    ).toBeTruthy();
  });
});

describe('the person screens themself', () => {
  it('a linked citizen’s screening is stored as self-reported', async () => {
    const res = await send(citizen, 'POST', `/api/v1/persons/${ids.enrolled}/screenings`, {
      instrument: 'wellbeing20',
      answers: answersWith(W20),
      takenAt: '2026-11-03T03:00:00Z',
      clientId: randomUUID(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().method).toBe('self');
  });
});
