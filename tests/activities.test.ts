import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { ACTIVITY_LIBRARY } from '../src/core/plans/index.ts';
import { activities, areas, auditLog } from '../src/server/db/schema.ts';
import { seedActivities } from '../src/server/seed/activities.ts';
import { addOrganization, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Client; // area admin of Pa Khad (901508)
let volunteer: Client; // volunteer of Pa Khad
let otherVolunteer: Client; // volunteer of Ching Kho (901501)
let operator: Client;
let viewer: Client;
let orgMember: Client;
let orgId: string;

const W20 = getInstrument('wellbeing20')!;
const DAY = 24 * 3600_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const dateDaysAgo = (n: number) => daysAgo(n).slice(0, 10);

const get = (c: Client, url: string) => c.request({ method: 'GET', url });
const post = (c: Client, url: string, payload: unknown, lang?: string) =>
  c.request({
    method: 'POST',
    url,
    payload: payload as object,
    headers: lang ? { 'accept-language': lang } : {},
  });

async function register(areaCode: string, by: Client = admin): Promise<string> {
  const res = await post(by, '/api/v1/persons', {
    idType: 'none',
    noIdReason: 'ไม่มีบัตร',
    firstName: `ชื่อ${randomUUID().slice(0, 6)}`,
    lastName: 'ทดสอบ',
    sex: 'female',
    birthDate: '1950-04-13',
    address: { areaCode },
    confirmNotDuplicate: true,
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function screen(personId: string, takenAt: string, overrides: Record<string, number> = {}) {
  const res = await post(admin, `/api/v1/persons/${personId}/screenings`, {
    instrument: 'wellbeing20',
    takenAt,
    clientId: randomUUID(),
    answers: answersWith(W20, overrides),
  });
  if (res.statusCode !== 201) throw new Error(`screen: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

async function idOf(code: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.code, code));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.insert(areas).values([
    { code: '90150801', level: 'village', parentCode: '901508', villageNo: 1, nameTh: 'หมู่ที่ 1' },
    { code: '90150101', level: 'village', parentCode: '901501', villageNo: 1, nameTh: 'หมู่ที่ 1' },
  ]);
  const org = await addOrganization(t, '901508');
  orgId = org.id;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  otherVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;
  viewer = (await loginAs(t, { roles: ['committee_viewer'], areaCodes: ['9015'] })).client;
  orgMember = (await loginAs(t, { roles: ['agency_member'], organizationId: orgId })).client;
});
afterAll(() => t.close());

describe('the activity library', () => {
  it('is seeded at start-up with every library activity, and re-seeding duplicates nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .select({ n: sql<number>`count(*)::int` })
            .from(activities)
            .where(sql`${activities.code} is not null`)
        )[0]!.n,
      );
    expect(ACTIVITY_LIBRARY.length).toBeGreaterThanOrEqual(40);
    expect(await count()).toBe(ACTIVITY_LIBRARY.length);
    // Unchanged rows are not even rewritten; a changed one is brought back to the library's text.
    expect(await seedActivities(t.database.db)).toBe(0);
    await t.database.db
      .update(activities)
      .set({ titleTh: 'แก้ไขแล้ว' })
      .where(eq(activities.code, ACTIVITY_LIBRARY[0]!.code));
    expect(await seedActivities(t.database.db)).toBe(1);
    expect(await count()).toBe(ACTIVITY_LIBRARY.length);
    const [row] = await t.database.db
      .select({ titleTh: activities.titleTh })
      .from(activities)
      .where(eq(activities.code, ACTIVITY_LIBRARY[0]!.code));
    expect(row!.titleTh).toBe(ACTIVITY_LIBRARY[0]!.titleTh);
  });

  it('lists every seeded activity across pages, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(volunteer, `/api/v1/activities?limit=15${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(15);
      seen.push(...body.items.map((a: { id: string }) => a.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(ACTIVITY_LIBRARY.length);
  });

  it('filters by dimension, addressed item and mode', async () => {
    const health = (await get(volunteer, '/api/v1/activities?dimension=health&limit=500')).json().items;
    expect(health.length).toBe(ACTIVITY_LIBRARY.filter((a) => a.dimension === 'health').length);
    expect(health.every((a: { dimension: string }) => a.dimension === 'health')).toBe(true);
    const h3 = (await get(volunteer, '/api/v1/activities?addresses=H3&limit=500')).json().items;
    expect(h3.length).toBe(ACTIVITY_LIBRARY.filter((a) => a.addresses.includes('H3')).length);
    const group = (await get(volunteer, '/api/v1/activities?mode=group&limit=500')).json().items;
    expect(group.every((a: { modes: string[] }) => a.modes.includes('group'))).toBe(true);
  });

  it('is for signed-in accounts only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/activities' })).statusCode).toBe(401);
  });

  it('rejects a bad filter or cursor with 400 naming it', async () => {
    const bad = await get(volunteer, '/api/v1/activities?dimension=wealth');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.dimension');
    const cursor = await get(volunteer, '/api/v1/activities?cursor=nonsense');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].path).toBe('query.cursor');
  });
});

describe('adding activities', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    dimension: 'society',
    titleTh: 'กลุ่มร้องเพลงพื้นบ้าน',
    descriptionTh: 'ร้องเพลงพื้นบ้านกับเพื่อนบ้านทุกวันพระ',
    modes: ['group'],
    addresses: ['S3'],
    ...over,
  });

  it('an area admin adds their area’s own activity: audited, seen in the area only', async () => {
    const res = await post(admin, '/api/v1/activities', body({ areaCode: '901508' }));
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(res.json().areaCode).toBe('901508');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activity.create'), eq(auditLog.entityId, id)));
    expect(audits).toHaveLength(1);
    expect((await get(volunteer, `/api/v1/activities/${id}`)).statusCode).toBe(200);
    expect((await get(otherVolunteer, `/api/v1/activities/${id}`)).statusCode).toBe(404);
    const list = (await get(otherVolunteer, '/api/v1/activities?limit=500')).json().items;
    expect(list.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('only operators add platform activities; others are refused', async () => {
    expect((await post(admin, '/api/v1/activities', body())).statusCode).toBe(403);
    expect((await post(admin, '/api/v1/activities', body({ areaCode: '901501' }))).statusCode).toBe(403);
    expect((await post(volunteer, '/api/v1/activities', body({ areaCode: '901508' }))).statusCode).toBe(403);
    expect((await post(viewer, '/api/v1/activities', body())).statusCode).toBe(403);
    const res = await post(operator, '/api/v1/activities', body());
    expect(res.statusCode).toBe(201);
    expect(res.json().areaCode).toBeNull();
  });

  it('a bad body is a 400 naming the field, in Thai or English', async () => {
    const res = await post(operator, '/api/v1/activities', body({ modes: [], colour: 'red' }), 'en');
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['modes', 'colour']));
    const th = await post(operator, '/api/v1/activities', body({ titleTh: undefined }));
    expect(th.statusCode).toBe(400);
    expect(th.json().errors[0]).toEqual({ path: 'titleTh', message: 'ต้องกรอกช่องนี้' });
  });
});

describe('the effect of an activity', () => {
  it('compares the change of its dimension with people who did not do it, as aggregates only', async () => {
    const activityId = await idOf('elder-exercise-group');
    const before = { H1: 2, H2: 2 }; // health score 4 (yellow band)
    const participants: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id = await register('90150801');
      await screen(id, daysAgo(120), before);
      await screen(id, daysAgo(15)); // all fine: score 0
      const plan = await post(admin, `/api/v1/persons/${id}/plans`, {
        activities: [{ activityId, responsible: 'self' }],
        startsOn: dateDaysAgo(90),
      });
      expect(plan.statusCode).toBe(201);
      participants.push(id);
    }
    const comparison: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await register('90150801');
      await screen(id, daysAgo(110), before);
      await screen(id, daysAgo(10), before); // no change
      comparison.push(id);
    }
    const res = await get(volunteer, `/api/v1/activities/${activityId}/effect`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dimension: 'health',
      n: 2,
      comparisonN: 3,
      meanChange: -4,
      comparisonMeanChange: 0,
      estimate: -4,
      small: true,
      kind: 'small',
    });
    for (const id of [...participants, ...comparison]) expect(res.body).not.toContain(id);

    const detail = await get(volunteer, `/api/v1/activities/${activityId}`);
    expect(detail.json().effect.n).toBe(2);
    // An activity nobody has done yet: nothing to show.
    const none = await get(volunteer, `/api/v1/activities/${await idOf('weekly-medicine-box')}/effect`);
    expect(none.json()).toMatchObject({ n: 0, meanChange: null, estimate: null, small: true, kind: 'none' });
  });
});

describe('group activities', () => {
  let groupId: string;
  let members: string[];
  let outsiderPerson: string;
  let activityId: string;

  beforeAll(async () => {
    activityId = await idOf('elder-exercise-group');
    const res = await post(admin, '/api/v1/activity-groups', {
      activityId,
      areaCode: '901508',
      name: 'กลุ่มรำไม้พลองบ้านป่าขาด',
      organizationId: orgId,
      schedule: 'จันทร์ พุธ ศุกร์ 17:00',
    });
    expect(res.statusCode).toBe(201);
    groupId = res.json().id;
    members = [];
    for (let i = 0; i < 2; i++) {
      const id = await register('90150801');
      await screen(id, daysAgo(1), { H4: 2 });
      const plan = await post(admin, `/api/v1/persons/${id}/plans`, {
        activities: [
          { activityId, responsible: 'organization', organizationId: orgId, activityGroupId: groupId },
        ],
      });
      expect(plan.statusCode).toBe(201);
      members.push(id);
    }
    outsiderPerson = await register('90150801');
  });

  it('is formed by the area team only, for an activity and an area that exist', async () => {
    const body = { activityId, areaCode: '901508', name: 'กลุ่ม' };
    expect((await post(otherVolunteer, '/api/v1/activity-groups', body)).statusCode).toBe(404);
    expect((await post(orgMember, '/api/v1/activity-groups', body)).statusCode).toBe(404);
    const bad = await post(admin, '/api/v1/activity-groups', { ...body, activityId: randomUUID() });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('activityId');
    const shape = await post(admin, '/api/v1/activity-groups', { ...body, areaCode: '9015' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors[0].path).toBe('areaCode');
  });

  it('lists the groups of the area and those the organisation runs', async () => {
    const mine = (await get(volunteer, '/api/v1/activity-groups?area=901508')).json().items;
    expect(mine.find((g: { id: string }) => g.id === groupId)?.memberCount).toBe(2);
    const org = (await get(orgMember, '/api/v1/activity-groups')).json().items;
    expect(org.map((g: { id: string }) => g.id)).toContain(groupId);
    expect((await get(otherVolunteer, '/api/v1/activity-groups')).json().items).toEqual([]);
    expect((await get(otherVolunteer, `/api/v1/activity-groups/${groupId}`)).statusCode).toBe(404);
  });

  it('shows members by name only to those who may read them', async () => {
    const team = (await get(volunteer, `/api/v1/activity-groups/${groupId}`)).json();
    expect(team.members.map((m: { personId: string }) => m.personId).sort()).toEqual([...members].sort());
    expect(team.otherMembers).toBe(0);
    const org = await get(orgMember, `/api/v1/activity-groups/${groupId}`);
    expect(org.statusCode).toBe(200);
    expect(org.json().members).toEqual([]);
    expect(org.json().otherMembers).toBe(2);
    for (const id of members) expect(org.body).not.toContain(id);
  });

  it('records attendance for members only, and the plan shows it', async () => {
    const url = `/api/v1/activity-groups/${groupId}/attendance`;
    const stranger = await post(orgMember, url, {
      heldOn: dateDaysAgo(1),
      present: [
        { personId: members[0], present: true },
        { personId: outsiderPerson, present: true },
      ],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors).toEqual([expect.objectContaining({ path: 'present.1.personId' })]);
    const future = await post(orgMember, url, {
      heldOn: dateDaysAgo(-3),
      present: [{ personId: members[0], present: true }],
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].path).toBe('heldOn');

    for (const [day, first] of [
      [2, true],
      [1, false],
    ] as const) {
      const res = await post(orgMember, url, {
        heldOn: dateDaysAgo(day),
        present: [
          { personId: members[0], present: first },
          { personId: members[1], present: true },
        ],
      });
      expect(res.statusCode).toBe(200);
    }
    // Correcting a day replaces that day's record.
    await post(orgMember, url, {
      heldOn: dateDaysAgo(1),
      present: [{ personId: members[0], present: true }],
    });
    const plans = (await get(admin, `/api/v1/persons/${members[0]}/plans`)).json().items;
    expect(plans[0].activities[0].attendance).toEqual({ sessions: 2, attended: 2 });
    const group = (await get(volunteer, `/api/v1/activity-groups/${groupId}`)).json();
    expect(group.sessions).toEqual([
      { heldOn: dateDaysAgo(2), present: 2, absent: 0 },
      { heldOn: dateDaysAgo(1), present: 2, absent: 0 },
    ]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'activityGroup.attendance'), eq(auditLog.entityId, groupId)));
    expect(audits).toHaveLength(3);
  });
});
