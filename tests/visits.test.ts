import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activities,
  areas,
  auditLog,
  personLinks,
  planActivities,
  plans,
  serviceEvents,
  visitAssignments,
  visits,
} from '../src/server/db/schema.ts';
import {
  addOrganization,
  addUser,
  type Client,
  createTestApp,
  loginAs,
  type TestApp,
} from './support/app.ts';

let t: TestApp;
let admin: Client; // area admin of Pa Khad (901508), organisation A
let volunteer: Client; // volunteer of village 1 of Pa Khad, organisation A
let teammate: Client; // another volunteer of village 1, no organisation
let otherVolunteer: Client; // volunteer of Ching Kho (901501)
let memberB: Client; // agency member of organisation B, no area
let memberC: Client; // agency member of organisation C, no area
let caregiver: Client; // caregiver of Pa Khad, no organisation
let citizen: Client; // linked to `personId`
let orgA: string;
let orgB: string;
let orgC: string;
let personId: string; // village 1
let secondId: string; // village 1
let thirdId: string; // village 2
let disabledId: string;
let citizenUserId: string;

/** A week far ahead so that nothing else lands in it: Monday 7 January 2030 is ISO week 2030-W02. */
const at = (day: number, time: string) => {
  const date = new Date(Date.UTC(2030, 0, 7 + day)).toISOString().slice(0, 10);
  return `${date}T${time}:00+07:00`;
};
const WEEK = { from: '2030-01-07', to: '2030-01-13' };

const get = (c: Client, url: string) =>
  c.request({ method: 'GET', url, headers: { 'accept-language': 'en' } });
const post = (c: Client, url: string, payload?: unknown, lang = 'en') =>
  c.request({
    method: 'POST',
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { 'accept-language': lang },
  });
const patch = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'PATCH', url, payload: payload as object, headers: { 'accept-language': 'en' } });

async function register(by: Client, areaCode: string): Promise<string> {
  const res = await post(by, '/api/v1/persons', {
    idType: 'none',
    noIdReason: 'ไม่มีบัตร',
    firstName: `ชื่อ${randomUUID().slice(0, 6)}`,
    lastName: 'ทดสอบ',
    sex: 'female',
    birthDate: '1948-02-01',
    address: { areaCode },
    confirmNotDuplicate: true,
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function schedule(by: Client, person: string, body: Record<string, unknown>) {
  return post(by, `/api/v1/persons/${person}/visits`, {
    kind: 'home_visit',
    clientId: randomUUID(),
    ...body,
  });
}

/** Schedules and expects 201; the visit with its warnings. */
async function scheduled(by: Client, person: string, body: Record<string, unknown>) {
  const res = await schedule(by, person, body);
  if (res.statusCode !== 201) throw new Error(`schedule: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function auditsOf(action: string, entityId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db
    .insert(areas)
    .values([
      { code: '90150801', level: 'village', parentCode: '901508', villageNo: 1, nameTh: 'บ้านป่าขาด' },
      { code: '90150802', level: 'village', parentCode: '901508', villageNo: 2, nameTh: 'หมู่ที่ 2' },
    ])
    .onConflictDoNothing();
  orgA = (await addOrganization(t, '901508')).id;
  orgB = (await addOrganization(t, '9015')).id;
  orgC = (await addOrganization(t, '90')).id;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'], organizationId: orgA })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['90150801'], organizationId: orgA }))
    .client;
  teammate = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['90150801'] })).client;
  otherVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  memberB = (await loginAs(t, { roles: ['agency_member'], organizationId: orgB })).client;
  memberC = (await loginAs(t, { roles: ['agency_member'], organizationId: orgC })).client;
  caregiver = (await loginAs(t, { roles: ['caregiver'], areaCodes: ['901508'] })).client;
  const citizenAccount = await loginAs(t, { roles: ['citizen'] });
  citizen = citizenAccount.client;
  citizenUserId = citizenAccount.user.id;
  disabledId = (await addUser(t, { roles: ['volunteer'], areaCodes: ['901508'], disabled: true })).id;

  personId = await register(admin, '90150801');
  secondId = await register(admin, '90150801');
  thirdId = await register(admin, '90150802');
  await t.database.db
    .insert(personLinks)
    .values({ personId, userId: citizenAccount.user.id, relation: 'self' });
});
afterAll(() => t.close());

describe('scheduling a visit', () => {
  let visitId: string;
  const clientId = randomUUID();

  it('books a home visit for the volunteer, with the scheduler’s organisation by default', async () => {
    const res = await post(volunteer, `/api/v1/persons/${personId}/visits`, {
      kind: 'home_visit',
      startsAt: at(0, '09:00'),
      assigneeIds: [volunteer.userId],
      purpose: 'วัดความดัน ติดตามยา',
      clientId,
    });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    visitId = v.id;
    expect(v).toMatchObject({
      personId,
      kind: 'home_visit',
      status: 'scheduled',
      startsAt: '2030-01-07T02:00:00.000Z',
      endsAt: '2030-01-07T03:00:00.000Z',
      durationMinutes: 60,
      organizationId: orgA,
      villageCode: '90150801',
      villageName: 'บ้านป่าขาด',
      view: 'identified',
      purpose: 'วัดความดัน ติดตามยา',
      record: null,
      version: 1,
      warnings: [],
    });
    expect(v.person.id).toBe(personId);
    expect(v.assignees).toEqual([{ id: volunteer.userId, displayName: 'ผู้ทดสอบ' }]);
    expect(v.history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'scheduled', actor: expect.anything() }),
    ]);
    const [row] = await auditsOf('visit.create', visitId);
    expect(row).toMatchObject({ actorId: volunteer.userId, areaCode: '901508', subjectIds: [personId] });
    // Ids and counts only: never the purpose or the person's name.
    expect(JSON.stringify(row!.detail)).not.toMatch(/ความดัน|ชื่อ/);
  });

  it('answers a retried clientId with the stored visit, once', async () => {
    const res = await post(volunteer, `/api/v1/persons/${personId}/visits`, {
      kind: 'home_visit',
      startsAt: at(0, '10:00'),
      clientId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: visitId, startsAt: '2030-01-07T02:00:00.000Z' });
    const rows = await t.database.db.select().from(visits).where(eq(visits.clientId, clientId));
    expect(rows).toHaveLength(1);
    const elsewhere = await post(volunteer, `/api/v1/persons/${secondId}/visits`, {
      kind: 'home_visit',
      startsAt: at(0, '10:00'),
      clientId,
    });
    expect(elsewhere.statusCode).toBe(409);
  });

  it('sends a team: several staff of the area or of the organisation running it', async () => {
    const v = await scheduled(admin, thirdId, {
      startsAt: at(3, '13:00'),
      durationMinutes: 90,
      organizationId: orgB,
      assigneeIds: [admin.userId, teammate.userId, memberB.userId],
    });
    expect(v.assignees.map((a: { id: string }) => a.id)).toEqual([
      admin.userId,
      teammate.userId,
      memberB.userId,
    ]);
    expect(v).toMatchObject({
      organizationId: orgB,
      durationMinutes: 90,
      endsAt: '2030-01-10T07:30:00.000Z',
    });
  });

  it('refuses people who may not be sent, naming each one (422)', async () => {
    const res = await schedule(admin, personId, {
      startsAt: at(1, '09:00'),
      assigneeIds: [teammate.userId, memberB.userId, randomUUID(), disabledId, citizenUserId],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'assigneeIds.1', message: expect.stringMatching(/neither works in the person's area/) },
      { path: 'assigneeIds.2', message: expect.stringMatching(/Unknown or disabled/) },
      { path: 'assigneeIds.3', message: expect.stringMatching(/Unknown or disabled/) },
      { path: 'assigneeIds.4', message: expect.stringMatching(/Unknown or disabled/) },
    ]);
  });

  it('links a plan activity of the person only', async () => {
    const [activity] = await t.database.db.select().from(activities).limit(1);
    const [plan] = await t.database.db
      .insert(plans)
      .values({ personId, areaCode: '901508', status: 'active', version: 1 })
      .returning();
    const [pa] = await t.database.db
      .insert(planActivities)
      .values({
        planId: plan!.id,
        personId,
        activityId: activity!.id,
        dimension: activity!.dimension,
        title: 'เยี่ยมบ้านเดือนละครั้ง',
        responsible: 'volunteer',
        mode: 'self',
        addedInVersion: 1,
      })
      .returning();
    const linked = await scheduled(volunteer, personId, { startsAt: at(4, '09:00'), planActivityId: pa!.id });
    expect(linked).toMatchObject({ planActivityId: pa!.id, planActivityTitle: 'เยี่ยมบ้านเดือนละครั้ง' });
    const foreign = await schedule(volunteer, secondId, { startsAt: at(4, '10:00'), planActivityId: pa!.id });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0]).toMatchObject({ path: 'planActivityId' });
    await post(volunteer, `/api/v1/visits/${linked.id}/cancel`, { reason: 'ย้ายวัน' });
  });

  it('needs the centre for a centre appointment', async () => {
    const res = await schedule(caregiver, personId, { kind: 'centre_appointment', startsAt: at(2, '09:00') });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'organizationId' });
    const ok = await schedule(caregiver, personId, {
      kind: 'centre_appointment',
      startsAt: at(2, '09:00'),
      organizationId: orgA,
    });
    expect(ok.statusCode).toBe(201);
    await post(caregiver, `/api/v1/visits/${ok.json().id}/cancel`, { reason: 'ไม่สะดวก' });
  });

  it('checks the shape first (400 with the field)', async () => {
    const res = await post(volunteer, `/api/v1/persons/${personId}/visits`, {
      kind: 'phone_call',
      startsAt: 'tomorrow',
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'startsAt', 'clientId']));
  });

  it('is for the person’s own carers: another area’s volunteer gets 404, the person themself 403', async () => {
    expect((await schedule(otherVolunteer, personId, { startsAt: at(1, '09:00') })).statusCode).toBe(404);
    expect((await schedule(citizen, personId, { startsAt: at(1, '09:00') })).statusCode).toBe(403);
    expect((await schedule(memberB, personId, { startsAt: at(1, '09:00') })).statusCode).toBe(404);
  });
});

describe('conflicts and overload come back as warnings, never refusals', () => {
  it('says when an assignee is booked twice at once', async () => {
    const first = await scheduled(volunteer, secondId, {
      startsAt: at(0, '13:00'),
      assigneeIds: [volunteer.userId],
    });
    // The admin books it (village 2 is outside the volunteer's area), sending the volunteer too.
    const second = await scheduled(admin, thirdId, {
      startsAt: at(0, '13:30'),
      assigneeIds: [volunteer.userId, teammate.userId],
    });
    expect(second.warnings).toEqual([
      {
        kind: 'double_booked',
        userId: volunteer.userId,
        count: 2,
        visitIds: [first.id, second.id],
      },
    ]);
  });

  it('says when three agencies visit one person in a week', async () => {
    const b = await scheduled(admin, personId, {
      startsAt: at(2, '10:00'),
      organizationId: orgB,
      assigneeIds: [memberB.userId],
    });
    expect(b.warnings).toEqual([]);
    const c = await scheduled(admin, personId, {
      startsAt: at(4, '14:00'),
      organizationId: orgC,
      assigneeIds: [memberC.userId],
    });
    const busy = c.warnings.find((w: { kind: string }) => w.kind === 'many_agencies');
    expect(busy).toMatchObject({ personId, week: '2030-W02', count: 3 });
    expect(busy.visitIds).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(busy.visitIds).toHaveLength(3);
  });

  /** Nine hour-long slots from 08:00 on one day, all with the teammate, for these people in turn. */
  async function nineInADay(day: number, people: string[]) {
    const made = [];
    for (let i = 0; i < 9; i++) {
      made.push(
        await scheduled(admin, people[i % people.length]!, {
          startsAt: at(day, `${String(8 + i).padStart(2, '0')}:00`),
          durationMinutes: 45,
          assigneeIds: [teammate.userId],
        }),
      );
    }
    return made;
  }
  const overloaded = (date: string, made: { id: string }[]) => ({
    kind: 'overloaded',
    userId: teammate.userId,
    date,
    count: 9,
    visitIds: made.map((v) => v.id),
  });

  it('says when someone has more than eight visits in a day', async () => {
    const made = await nineInADay(1, [thirdId]);
    expect(made[7]!.warnings.some((w: { kind: string }) => w.kind === 'overloaded')).toBe(false);
    expect(made[8]!.warnings).toContainEqual(overloaded('2030-01-08', made));
  });

  it('counts a day’s visits to different people, found through the assignee alone', async () => {
    const made = await nineInADay(14, [personId, secondId, thirdId]);
    // The ninth visit's person had only three of the nine: the other six come from the assignee's day.
    expect(made[8]!.warnings).toContainEqual(overloaded('2030-01-21', made));
  });
});

describe('moving a scheduled visit', () => {
  it('reschedules on the current version and refuses a stale one (409)', async () => {
    const v = await scheduled(volunteer, secondId, { startsAt: at(5, '09:00') });
    const moved = await patch(volunteer, `/api/v1/visits/${v.id}`, {
      version: 1,
      startsAt: at(5, '15:00'),
      assigneeIds: [teammate.userId],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ version: 2, startsAt: '2030-01-12T08:00:00.000Z', warnings: [] });
    expect(moved.json().assignees.map((a: { id: string }) => a.id)).toEqual([teammate.userId]);
    const stale = await patch(volunteer, `/api/v1/visits/${v.id}`, { version: 1, durationMinutes: 30 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
    expect(stale.json().detail).toMatch(/version 2/);
    const outsider = await patch(volunteer, `/api/v1/visits/${v.id}`, {
      version: 2,
      assigneeIds: [memberC.userId],
    });
    expect(outsider.statusCode).toBe(422);
    expect((await auditsOf('visit.update', v.id)).map((a) => a.detail)).toEqual([
      expect.objectContaining({ version: 2, fields: ['startsAt', 'assigneeIds'] }),
    ]);
  });
});

describe('each assignee’s row of a visit, which the calendar’s overload rules read', () => {
  async function assignmentsOf(visitId: string) {
    const rows = await t.database.db
      .select()
      .from(visitAssignments)
      .where(eq(visitAssignments.visitId, visitId));
    return rows
      .map((r) => ({
        userId: r.userId,
        startsAt: new Date(r.startsAt).toISOString(),
        endsAt: new Date(r.endsAt).toISOString(),
        status: r.status,
      }))
      .sort((a, b) => (a.userId < b.userId ? -1 : 1));
  }
  const byUser = (a: { userId: string }, b: { userId: string }) => (a.userId < b.userId ? -1 : 1);

  it('follows the visit when it is scheduled, moved, given to someone else and cancelled', async () => {
    const v = await scheduled(volunteer, secondId, {
      startsAt: at(7, '09:00'),
      durationMinutes: 30,
      assigneeIds: [volunteer.userId, teammate.userId],
    });
    const first = { startsAt: '2030-01-14T02:00:00.000Z', endsAt: '2030-01-14T02:30:00.000Z' };
    expect(await assignmentsOf(v.id)).toEqual(
      [
        { userId: volunteer.userId, ...first, status: 'scheduled' },
        { userId: teammate.userId, ...first, status: 'scheduled' },
      ].sort(byUser),
    );

    const moved = await patch(volunteer, `/api/v1/visits/${v.id}`, {
      version: 1,
      startsAt: at(7, '15:00'),
      durationMinutes: 90,
      assigneeIds: [teammate.userId],
    });
    expect(moved.statusCode).toBe(200);
    const later = { startsAt: '2030-01-14T08:00:00.000Z', endsAt: '2030-01-14T09:30:00.000Z' };
    expect(await assignmentsOf(v.id)).toEqual([{ userId: teammate.userId, ...later, status: 'scheduled' }]);

    // A refused change leaves the rows as they were.
    const stale = await patch(volunteer, `/api/v1/visits/${v.id}`, {
      version: 1,
      assigneeIds: [volunteer.userId],
    });
    expect(stale.statusCode).toBe(409);
    expect(await assignmentsOf(v.id)).toEqual([{ userId: teammate.userId, ...later, status: 'scheduled' }]);

    expect((await post(volunteer, `/api/v1/visits/${v.id}/cancel`, { reason: 'เลื่อน' })).statusCode).toBe(200);
    expect(await assignmentsOf(v.id)).toEqual([{ userId: teammate.userId, ...later, status: 'cancelled' }]);
  });

  it('has no row for a visit nobody is sent to', async () => {
    const v = await scheduled(admin, thirdId, { startsAt: at(8, '09:00'), assigneeIds: [] });
    expect(await assignmentsOf(v.id)).toEqual([]);
  });
});

describe('recording and cancelling', () => {
  let doneId: string;

  it('records a done visit: who went, what was done, vital signs, follow-up', async () => {
    const v = await scheduled(volunteer, personId, {
      startsAt: at(-7, '09:00'),
      assigneeIds: [volunteer.userId],
    });
    doneId = v.id;
    const recordClient = randomUUID();
    const body = {
      status: 'done',
      attendees: [volunteer.userId, teammate.userId],
      activities: 'วัดความดัน ทบทวนยา',
      vitals: { systolic: 148, diastolic: 92, pulse: 80, temperature: 36.6, glucose: 132, weight: 51.5 },
      notes: 'ลืมกินยาเช้า 2 วัน',
      followUpNeeded: true,
      followUpNote: 'นัดตรวจความดันซ้ำ',
      clientId: recordClient,
    };
    const res = await post(volunteer, `/api/v1/visits/${doneId}/record`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'done',
      version: 2,
      followUpNeeded: true,
      record: {
        status: 'done',
        activities: 'วัดความดัน ทบทวนยา',
        vitals: body.vitals,
        followUpNeeded: true,
        followUpNote: 'นัดตรวจความดันซ้ำ',
        recordedBy: { id: volunteer.userId },
      },
    });
    expect(res.json().record.attendees.map((a: { id: string }) => a.id)).toEqual([
      volunteer.userId,
      teammate.userId,
    ]);
    expect(res.json().history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['scheduled', 'done']);
    // A phone's retry gets the same record back.
    const retry = await post(volunteer, `/api/v1/visits/${doneId}/record`, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().version).toBe(2);
    const events = await t.database.db
      .select()
      .from(serviceEvents)
      .where(eq(serviceEvents.subjectId, doneId));
    expect(events.map((e) => e.toStatus)).toEqual(['scheduled', 'done']);
    const [row] = await auditsOf('visit.record', doneId);
    expect(row!.detail).toMatchObject({ status: 'done', attendees: 2, followUpNeeded: true });
    // Which measures were taken, never their values or the notes.
    expect(JSON.stringify(row!.detail)).not.toMatch(/148|132|ลืม|ความดัน/);
  });

  it('never records or cancels a closed visit (422)', async () => {
    const again = await post(volunteer, `/api/v1/visits/${doneId}/record`, {
      status: 'missed',
      followUpNeeded: false,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toMatch(/already been recorded/);
    const cancel = await post(volunteer, `/api/v1/visits/${doneId}/cancel`, { reason: 'ผิดคน' });
    expect(cancel.statusCode).toBe(422);
    const move = await patch(volunteer, `/api/v1/visits/${doneId}`, { version: 2, startsAt: at(0, '08:00') });
    expect(move.statusCode).toBe(422);
  });

  it('records a missed visit, without vital signs', async () => {
    const v = await scheduled(volunteer, secondId, { startsAt: at(-6, '09:00') });
    const withVitals = await post(volunteer, `/api/v1/visits/${v.id}/record`, {
      status: 'missed',
      vitals: { pulse: 70 },
      followUpNeeded: true,
    });
    expect(withVitals.statusCode).toBe(422);
    expect(withVitals.json().errors[0].path).toBe('vitals');
    const missed = await post(volunteer, `/api/v1/visits/${v.id}/record`, {
      status: 'missed',
      notes: 'ไม่อยู่บ้าน',
      followUpNeeded: true,
    });
    expect(missed.statusCode).toBe(200);
    expect(missed.json()).toMatchObject({
      status: 'missed',
      record: { attendees: [{ id: volunteer.userId }] },
    });
    const done = await post(volunteer, `/api/v1/visits/${v.id}/record`, {
      status: 'done',
      followUpNeeded: false,
    });
    expect(done.statusCode).toBe(422);
  });

  it('refuses vital signs out of range with the field (400) and a visit done in the future (422)', async () => {
    const v = await scheduled(volunteer, secondId, { startsAt: at(-5, '09:00') });
    const bad = await post(volunteer, `/api/v1/visits/${v.id}/record`, {
      status: 'done',
      vitals: { systolic: 420, temperature: 36.5 },
      followUpNeeded: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'vitals.systolic', message: expect.stringMatching(/at most 300/) },
    ]);
    const future = await post(volunteer, `/api/v1/visits/${v.id}/record`, {
      status: 'done',
      doneAt: new Date(Date.now() + 3_600_000).toISOString(),
      followUpNeeded: false,
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].path).toBe('doneAt');
    const unknown = await post(volunteer, `/api/v1/visits/${v.id}/record`, {
      status: 'done',
      attendees: [randomUUID()],
      followUpNeeded: false,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('attendees.0');
  });

  it('cancels a scheduled visit once, keeping the reason in its history', async () => {
    const v = await scheduled(volunteer, secondId, { startsAt: at(6, '09:00') });
    const res = await post(volunteer, `/api/v1/visits/${v.id}/cancel`, { reason: 'ญาติพาไปโรงพยาบาล' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', version: 2 });
    expect(res.json().history[1]).toMatchObject({
      fromStatus: 'scheduled',
      toStatus: 'cancelled',
      note: 'ญาติพาไปโรงพยาบาล',
    });
    const twice = await post(volunteer, `/api/v1/visits/${v.id}/cancel`, { reason: 'ซ้ำ' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().detail).toMatch(/cancelled/);
    const record = await post(volunteer, `/api/v1/visits/${v.id}/record`, {
      status: 'done',
      followUpNeeded: false,
    });
    expect(record.statusCode).toBe(422);
    expect((await post(volunteer, `/api/v1/visits/${v.id}/cancel`, {})).statusCode).toBe(400);
    const [row] = await auditsOf('visit.cancel', v.id);
    expect(JSON.stringify(row!.detail)).not.toMatch(/โรงพยาบาล/);
  });
});

describe('who sees a visit', () => {
  let visitA: string; // organisation A's, in village 1
  let visitB: string; // organisation B's, sent by the area admin

  beforeAll(async () => {
    visitA = (await scheduled(volunteer, personId, { startsAt: at(0, '16:00'), purpose: 'ทำแผล' })).id;
    visitB = (
      await scheduled(admin, personId, {
        startsAt: at(3, '09:00'),
        organizationId: orgB,
        assigneeIds: [memberB.userId],
        purpose: 'ประเมินบ้าน',
      })
    ).id;
  });

  it('hides it from another area’s volunteer and another organisation (404)', async () => {
    for (const c of [otherVolunteer, memberC]) {
      expect((await get(c, `/api/v1/visits/${visitA}`)).statusCode).toBe(404);
      expect(
        (await patch(c, `/api/v1/visits/${visitA}`, { version: 1, durationMinutes: 30 })).statusCode,
      ).toBe(404);
      expect(
        (await post(c, `/api/v1/visits/${visitA}/record`, { status: 'done', followUpNeeded: false }))
          .statusCode,
      ).toBe(404);
      expect((await post(c, `/api/v1/visits/${visitA}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    }
    expect((await get(memberB, `/api/v1/visits/${visitA}`)).statusCode).toBe(404);
    expect((await get(volunteer, `/api/v1/visits/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('shows the visiting organisation the village and the time, not who it is', async () => {
    const res = await get(memberB, `/api/v1/visits/${visitB}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      view: 'pseudonymous',
      person: null,
      personId: null,
      purpose: null,
      villageCode: '90150801',
      organizationId: orgB,
    });
    expect(res.body).not.toContain(personId);
    const [row] = await auditsOf('visit.read', visitB);
    expect(row).toMatchObject({ actorId: memberB.userId, subjectIds: [personId] });
  });

  it('lets the area team read it by name, and the person read their own', async () => {
    const mine = await get(volunteer, `/api/v1/visits/${visitA}`);
    expect(mine.json()).toMatchObject({ view: 'identified', purpose: 'ทำแผล', person: { id: personId } });
    const own = await get(citizen, `/api/v1/visits/${visitA}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().view).toBe('identified');
    expect(
      (await post(citizen, `/api/v1/visits/${visitA}/record`, { status: 'done', followUpNeeded: false }))
        .statusCode,
    ).toBe(403);
  });

  it('lists a person’s visits for their carers and themself, latest first, in pages', async () => {
    const first = await get(volunteer, `/api/v1/persons/${personId}/visits?limit=2`);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    expect(page1.items[0].startsAt >= page1.items[1].startsAt).toBe(true);
    const next = await get(
      volunteer,
      `/api/v1/persons/${personId}/visits?limit=2&cursor=${page1.nextCursor}`,
    );
    expect(next.json().items[0].id).not.toBe(page1.items[0].id);
    const done = await get(citizen, `/api/v1/persons/${personId}/visits?status=done`);
    expect(done.statusCode).toBe(200);
    expect(done.json().items.every((v: { status: string }) => v.status === 'done')).toBe(true);
    expect((await get(otherVolunteer, `/api/v1/persons/${personId}/visits`)).statusCode).toBe(404);
    expect((await auditsOf('visit.list', personId)).length).toBeGreaterThanOrEqual(2);
  });

  it('offers the staff who may be sent', async () => {
    const res = await get(admin, `/api/v1/persons/${personId}/visits/assignees?organizationId=${orgB}`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(
      expect.arrayContaining([admin.userId, volunteer.userId, teammate.userId, memberB.userId]),
    );
    expect(ids).not.toContain(memberC.userId);
    expect(ids).not.toContain(otherVolunteer.userId);
    expect(ids).not.toContain(disabledId);
    expect(ids).not.toContain(citizenUserId);
  });
});

describe('calendars', () => {
  const cal = (c: Client, query: string) => get(c, `/api/v1/calendar?${query}`);
  const week = `from=${WEEK.from}&to=${WEEK.to}`;

  it('shows an organisation its visits of the range, by name where the member may read the person', async () => {
    const res = await cal(volunteer, `organization=${orgA}&${week}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.owner).toMatchObject({ kind: 'organization', id: orgA });
    expect(body.items.length).toBeGreaterThan(3);
    expect(body.items.every((i: { organizationId: string }) => i.organizationId === orgA)).toBe(true);
    expect(body.items.every((i: { startsAt: string }) => i.startsAt >= '2030-01-06T17:00:00.000Z')).toBe(
      true,
    );
    const village1 = body.items.filter((i: { villageCode: string }) => i.villageCode === '90150801');
    expect(
      village1.every((i: { view: string; person: unknown }) => i.view === 'identified' && i.person),
    ).toBe(true);
    // Village 2 is outside the volunteer's area: shown without a name.
    const village2 = body.items.filter((i: { villageCode: string }) => i.villageCode === '90150802');
    expect(village2.length).toBeGreaterThan(0);
    expect(
      village2.every((i: { view: string; person: unknown }) => i.view === 'pseudonymous' && !i.person),
    ).toBe(true);
    expect(body.warnings.map((w: { kind: string }) => w.kind)).toEqual(
      expect.arrayContaining(['double_booked', 'many_agencies']),
    );
    const [row] = (await auditsOf('calendar.read', orgA)).filter((a) => a.actorId === volunteer.userId);
    expect(row!.detail).toMatchObject({ owner: 'organization', from: WEEK.from });
  });

  it('shows an organisation’s member the people they may not read pseudonymously, warnings without who', async () => {
    const res = await cal(memberB, `organization=${orgB}&${week}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item).toMatchObject({ view: 'pseudonymous', person: null, purpose: null });
      expect(item.villageCode).toMatch(/^901508/);
    }
    expect(res.body).not.toContain(personId);
    const busy = body.warnings.find((w: { kind: string }) => w.kind === 'many_agencies');
    expect(busy).toBeDefined();
    expect(busy.personId).toBeUndefined();
  });

  it('refuses another organisation’s calendar (403)', async () => {
    expect((await cal(volunteer, `organization=${orgB}&${week}`)).statusCode).toBe(403);
    expect((await cal(memberB, `organization=${orgA}&${week}`)).statusCode).toBe(403);
  });

  it('shows a user their own calendar, and their area admin too', async () => {
    const mine = await cal(teammate, `me=true&${week}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().owner).toMatchObject({ kind: 'user', id: teammate.userId });
    expect(
      mine
        .json()
        .items.every((i: { assignees: { id: string }[] }) =>
          i.assignees.some((a) => a.id === teammate.userId),
        ),
    ).toBe(true);
    expect(mine.json().warnings.map((w: { kind: string }) => w.kind)).toContain('overloaded');
    const byAdmin = await cal(admin, `user=${teammate.userId}&${week}`);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().items).toHaveLength(mine.json().items.length);
    expect((await cal(otherVolunteer, `user=${teammate.userId}&${week}`)).statusCode).toBe(403);
    expect((await cal(volunteer, `user=${randomUUID()}&${week}`)).statusCode).toBe(403);
  });

  it('shows an area’s field team the area’s visits', async () => {
    const sub = await cal(admin, `area=901508&${week}`);
    expect(sub.statusCode).toBe(200);
    expect(sub.json().items.every((i: { areaCode: string }) => i.areaCode === '901508')).toBe(true);
    const village = await cal(admin, `area=90150802&${week}`);
    expect(village.json().items.length).toBeGreaterThan(0);
    expect(village.json().items.every((i: { villageCode: string }) => i.villageCode === '90150802')).toBe(
      true,
    );
    // A district's team sees every subdistrict of it.
    const district = (await loginAs(t, { roles: ['social_worker'], areaCodes: ['9015'] })).client;
    const wide = await cal(district, `area=9015&${week}`);
    expect(wide.statusCode).toBe(200);
    expect(wide.json().items).toHaveLength(sub.json().items.length);
    expect((await cal(volunteer, `area=901501&${week}`)).statusCode).toBe(403);
    expect((await cal(memberB, `area=901508&${week}`)).statusCode).toBe(403);
  });

  it('judges a one-day calendar against the whole of its day and a visit running into it from the night before', async () => {
    // Days 20–22 (27–29 January 2030), away from the other tests' visits.
    const late = await scheduled(admin, thirdId, {
      startsAt: at(20, '23:30'),
      durationMinutes: 90,
      organizationId: orgB,
      assigneeIds: [memberB.userId],
    });
    const early = await scheduled(admin, secondId, {
      startsAt: at(21, '00:30'),
      organizationId: orgB,
      assigneeIds: [memberB.userId],
    });
    const day21 = at(21, '00:00').slice(0, 10);
    const mine = await cal(memberB, `me=true&from=${day21}&to=${day21}`);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([early.id]);
    expect(mine.json().warnings).toContainEqual({
      kind: 'double_booked',
      userId: memberB.userId,
      count: 2,
      visitIds: [late.id, early.id],
    });

    // The teammate's ninth visit of day 22 is organisation B's, the other eight organisation A's:
    // B's calendar shows one visit and still counts the whole day.
    const nine = [];
    for (let i = 0; i < 9; i++) {
      nine.push(
        await scheduled(admin, i % 2 ? secondId : thirdId, {
          startsAt: at(22, `${String(8 + i).padStart(2, '0')}:00`),
          durationMinutes: 45,
          assigneeIds: [teammate.userId],
          ...(i === 8 ? { organizationId: orgB } : {}),
        }),
      );
    }
    const day22 = at(22, '00:00').slice(0, 10);
    const ofB = await cal(memberB, `organization=${orgB}&from=${day22}&to=${day22}`);
    expect(ofB.json().items.map((i: { id: string }) => i.id)).toEqual([nine[8].id]);
    expect(ofB.json().warnings).toContainEqual({
      kind: 'overloaded',
      userId: teammate.userId,
      date: day22,
      count: 9,
      visitIds: nine.map((v) => v.id),
    });
  });

  it('checks the range and the owner (400)', async () => {
    const backwards = await cal(volunteer, `me=true&from=2030-01-10&to=2030-01-09`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('query.to');
    const long = await cal(volunteer, `me=true&from=2030-01-01&to=2030-03-04`);
    expect(long.statusCode).toBe(400);
    expect(long.json().detail).toMatch(/at most 62 days/);
    expect((await cal(volunteer, `me=true&from=2030-01-01&to=2030-03-03`)).statusCode).toBe(200);
    expect((await cal(volunteer, `from=2030-01-01&to=2030-01-02`)).statusCode).toBe(400);
    expect(
      (await cal(volunteer, `me=true&organization=${orgA}&from=2030-01-01&to=2030-01-02`)).statusCode,
    ).toBe(400);
    expect((await cal(volunteer, `me=true&from=2030-02-30&to=2030-03-02`)).statusCode).toBe(400);
  });
});
