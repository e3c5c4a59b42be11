import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { bangkokMonth, monthStart, shiftMonth } from '../src/core/screenings/month.ts';
import {
  activities,
  areas,
  auditLog,
  personLinks,
  planActivities,
  planProgress,
} from '../src/server/db/schema.ts';
import { addOrganization, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Client; // area admin of Pa Khad (901508)
let volunteer: Client; // volunteer of village 1 of Pa Khad
let otherVolunteer: Client; // volunteer of Ching Kho (901501)
let viewer: Client; // committee viewer of the district
let citizen: Client; // the account linked to `personId`
let orgMember: Client; // agency member of the health centre, no area
let otherOrgMember: Client;
let orgId: string;
let personId: string;
let firstName: string;
let otherPersonId: string;
let screeningId: string;

const W20 = getInstrument('wellbeing20')!;
const NEEDS = getInstrument('needs')!;
const thisMonth = () => bangkokMonth(new Date());
/** A minute ago, or the first instant of this Thai month if that was last month. */
const justNow = () =>
  new Date(Math.max(Date.now() - 60_000, Date.parse(monthStart(bangkokMonth(new Date()))))).toISOString();

const get = (c: Client, url: string) => c.request({ method: 'GET', url });
const post = (c: Client, url: string, payload?: unknown, lang?: string) =>
  c.request({
    method: 'POST',
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: lang ? { 'accept-language': lang } : {},
  });
const patch = (c: Client, url: string, payload: unknown) =>
  c.request({ method: 'PATCH', url, payload: payload as object });

async function register(areaCode: string, name = `ชื่อ${randomUUID().slice(0, 6)}`): Promise<string> {
  const res = await post(admin, '/api/v1/persons', {
    idType: 'none',
    noIdReason: 'ไม่มีบัตร',
    firstName: name,
    lastName: 'ทดสอบ',
    sex: 'female',
    birthDate: '1950-04-13',
    address: { areaCode },
    confirmNotDuplicate: true,
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function idOf(code: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.code, code));
  return row!.id;
}

async function auditsOf(action: string, entityId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.insert(areas).values([
    { code: '90150801', level: 'village', parentCode: '901508', villageNo: 1, nameTh: 'บ้านป่าขาด' },
    { code: '90150802', level: 'village', parentCode: '901508', villageNo: 2, nameTh: 'หมู่ที่ 2' },
  ]);
  orgId = (await addOrganization(t, '901508')).id;
  const otherOrg = await addOrganization(t, '901508');
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['90150801'] })).client;
  otherVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  viewer = (await loginAs(t, { roles: ['committee_viewer'], areaCodes: ['9015'] })).client;
  orgMember = (await loginAs(t, { roles: ['agency_member'], organizationId: orgId })).client;
  otherOrgMember = (await loginAs(t, { roles: ['agency_member'], organizationId: otherOrg.id })).client;
  const citizenAccount = await loginAs(t, { roles: ['citizen'] });
  citizen = citizenAccount.client;

  firstName = `สมศรี${randomUUID().slice(0, 6)}`;
  personId = await register('90150801', firstName);
  otherPersonId = await register('90150801');
  await t.database.db
    .insert(personLinks)
    .values({ personId, userId: citizenAccount.user.id, relation: 'self' });
});
afterAll(() => t.close());

describe('drafting a plan from the screening', () => {
  it('needs a well-being screening first', async () => {
    const res = await post(volunteer, `/api/v1/persons/${personId}/plans/draft`, {}, 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json().type).toBe('/problems/domain_rule');
    expect(res.json().detail).toMatch(/no 20-item well-being screening/);
  });

  it('proposes activities for the red and yellow items and the needs, none for green ones', async () => {
    // Health: H1 red, H4 yellow; everything else green. Needs: home visits.
    const res = await post(volunteer, `/api/v1/persons/${personId}/screenings`, {
      instrument: 'wellbeing20',
      takenAt: justNow(),
      clientId: randomUUID(),
      answers: answersWith(W20, { H1: 2, H4: 1 }),
    });
    expect(res.statusCode).toBe(201);
    screeningId = res.json().id;
    const needs = await post(volunteer, `/api/v1/persons/${personId}/screenings`, {
      instrument: 'needs',
      takenAt: justNow(),
      clientId: randomUUID(),
      answers: answersWith(NEEDS, { needs_health: ['home_visit'] }),
    });
    expect(needs.statusCode).toBe(201);

    const draft = await post(volunteer, `/api/v1/persons/${personId}/plans/draft`);
    expect(draft.statusCode, draft.body).toBe(200);
    const body = draft.json();
    expect(body.screeningId).toBe(screeningId);
    expect(body.items.length).toBeGreaterThan(0);
    const flagged = new Set(['H1', 'H4', 'home_visit']);
    for (const item of body.items) {
      expect(item.addresses.length).toBeGreaterThan(0);
      for (const code of item.addresses) expect(flagged.has(code), code).toBe(true);
    }
    const addressed = new Set(body.items.flatMap((i: { addresses: string[] }) => i.addresses));
    expect([...addressed].sort()).toEqual(['H1', 'H4', 'home_visit']);
    // Rank 1 of health answers the red item.
    const top = body.items.find(
      (i: { dimension: string; rank: number }) => i.dimension === 'health' && i.rank === 1,
    );
    expect(top.addresses).toContain('H1');
    expect(await auditsOf('plan.draft', personId)).toHaveLength(1);
  });

  it('drafts from a given screening only if it is this person’s', async () => {
    const given = await post(volunteer, `/api/v1/persons/${personId}/plans/draft`, { screeningId });
    expect(given.statusCode).toBe(200);
    const foreign = await post(volunteer, `/api/v1/persons/${otherPersonId}/plans/draft`, { screeningId });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('screeningId');
    const shape = await post(volunteer, `/api/v1/persons/${personId}/plans/draft`, { screeningId: 'x' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors[0].path).toBe('screeningId');
  });

  it('is not for people the actor may not see or write plans for', async () => {
    expect((await post(otherVolunteer, `/api/v1/persons/${personId}/plans/draft`)).statusCode).toBe(404);
    expect((await post(viewer, `/api/v1/persons/${personId}/plans/draft`)).statusCode).toBe(404);
    expect((await post(citizen, `/api/v1/persons/${personId}/plans/draft`)).statusCode).toBe(403);
  });
});

describe('making and adjusting a plan', () => {
  let planId: string;
  let walkId: string;
  let medsId: string;
  let visitId: string;
  const clientId = randomUUID();

  beforeAll(async () => {
    walkId = await idOf('elder-exercise-group');
    medsId = await idOf('weekly-medicine-box');
    const draft = (await post(volunteer, `/api/v1/persons/${personId}/plans/draft`)).json().items;
    visitId = draft.find((i: { addresses: string[] }) => i.addresses.includes('home_visit')).activityId;
  });

  const body = () => ({
    activities: [
      { activityId: walkId, responsible: 'self', mode: 'group', goal: 'เดินวันละ 30 นาที' },
      { activityId: medsId, responsible: 'family', responsibleName: 'ลูกสาว' },
      { activityId: visitId, responsible: 'organization', organizationId: orgId },
    ],
    goals: { targets: { health: 'yellow' }, personal: 'อยากเดินไปวัดได้เอง' },
    screeningId,
    clientId,
  });

  it('rejects bad shapes with 400 naming the field', async () => {
    const empty = await post(volunteer, `/api/v1/persons/${personId}/plans`, { activities: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('activities');
    const responsible = await post(volunteer, `/api/v1/persons/${personId}/plans`, {
      activities: [{ activityId: walkId, responsible: 'neighbour' }],
    });
    expect(responsible.statusCode).toBe(400);
    expect(responsible.json().errors[0].path).toBe('activities.0.responsible');
    const org = await post(volunteer, `/api/v1/persons/${personId}/plans`, {
      activities: [{ activityId: walkId, responsible: 'organization' }],
    });
    expect(org.statusCode).toBe(400);
    expect(org.json().errors[0].path).toBe('activities.0.organizationId');
  });

  it('rejects what breaks a rule with 422 naming each field', async () => {
    const res = await post(
      volunteer,
      `/api/v1/persons/${personId}/plans`,
      {
        activities: [
          { activityId: walkId, responsible: 'self' },
          { activityId: randomUUID(), responsible: 'self' },
          { activityId: medsId, responsible: 'organization', organizationId: randomUUID() },
        ],
        startsOn: '2026-06-01',
        endsOn: '2026-05-01',
      },
      'en',
    );
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['activities.1.activityId', 'activities.2.organizationId', 'endsOn']);
    expect(res.json().errors.find((e: { path: string }) => e.path === 'endsOn').message).toBe(
      'The end date cannot be before the start date',
    );
  });

  it('creates version 1 with its activities, audited; a retry returns it with 200', async () => {
    const res = await post(volunteer, `/api/v1/persons/${personId}/plans`, body());
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    planId = plan.id;
    expect(plan).toMatchObject({
      personId,
      version: 1,
      status: 'active',
      screeningId,
      adherence: { percent: null },
    });
    expect(plan.activities).toHaveLength(3);
    const walk = plan.activities.find((a: { activityId: string }) => a.activityId === walkId);
    expect(walk).toMatchObject({
      dimension: 'health',
      mode: 'group',
      responsible: 'self',
      latestProgress: null,
    });
    // What it answers of this screening: the flagged items only.
    expect(walk.addresses.sort()).toEqual(['H1', 'H4']);
    const visit = plan.activities.find((a: { activityId: string }) => a.activityId === visitId);
    expect(visit.organizationName).toMatch(/รพ.สต.ทดสอบ/);

    const again = await post(volunteer, `/api/v1/persons/${personId}/plans`, body());
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(planId);
    const audits = await auditsOf('plan.create', planId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity: 'plan', subjectIds: [personId] });
    expect(JSON.stringify(audits[0]!.detail)).not.toContain(firstName);
  });

  it('allows one active plan per person: a second one is a 409 naming the first', async () => {
    const res = await post(volunteer, `/api/v1/persons/${personId}/plans`, {
      ...body(),
      clientId: randomUUID(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().existingId).toBe(planId);
  });

  it('two plans made at the same moment for one person: one is stored, the other is a 409', async () => {
    const someone = await register('90150802');
    const make = () =>
      post(admin, `/api/v1/persons/${someone}/plans`, {
        activities: [{ activityId: walkId, responsible: 'self' }],
        clientId: randomUUID(),
      });
    const results = await Promise.all([make(), make()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const plans = (await get(admin, `/api/v1/persons/${someone}/plans`)).json().items;
    expect(plans).toHaveLength(1);
  });

  it('adjusts: a new version; dropped activities keep their rows and progress; version 1 stays readable', async () => {
    const plan = (await get(volunteer, `/api/v1/plans/${planId}`)).json();
    const meds = plan.activities.find((a: { activityId: string }) => a.activityId === medsId);
    const walk = plan.activities.find((a: { activityId: string }) => a.activityId === walkId);
    const visit = plan.activities.find((a: { activityId: string }) => a.activityId === visitId);
    const report = await post(volunteer, `/api/v1/plans/${planId}/progress`, {
      month: thisMonth(),
      entries: [
        { planActivityId: meds.id, status: 'done' },
        { planActivityId: walk.id, status: 'partly', note: 'เดินได้ 2 วัน' },
      ],
    });
    expect(report.statusCode).toBe(201);

    const res = await patch(volunteer, `/api/v1/plans/${planId}`, {
      reason: 'ลูกสาวจัดยาให้ได้เองแล้ว',
      activities: [
        { id: walk.id, activityId: walkId, responsible: 'self', mode: 'group', goal: 'เดินวันละ 45 นาที' },
        { id: visit.id, activityId: visitId, responsible: 'organization', organizationId: orgId },
        { activityId: await idOf('elderly-allowance-registration'), responsible: 'volunteer' },
      ].filter((a) => a.activityId),
    });
    expect(res.statusCode).toBe(200);
    const v2 = res.json();
    expect(v2.version).toBe(2);
    expect(v2.activities.map((a: { id: string }) => a.id)).not.toContain(meds.id);
    expect(v2.activities.find((a: { id: string }) => a.id === walk.id).goal).toBe('เดินวันละ 45 นาที');

    const [row] = await t.database.db.select().from(planActivities).where(eq(planActivities.id, meds.id));
    expect(row!.removedInVersion).toBe(2);
    const kept = await t.database.db
      .select()
      .from(planProgress)
      .where(eq(planProgress.planActivityId, meds.id));
    expect(kept).toHaveLength(1);

    const v1 = (await get(volunteer, `/api/v1/plans/${planId}?version=1`)).json();
    expect(v1.version).toBe(1);
    expect(v1.currentVersion).toBe(2);
    const oldMeds = v1.activities.find((a: { id: string }) => a.id === meds.id);
    expect(oldMeds.latestProgress).toMatchObject({ month: thisMonth(), status: 'done' });
    expect(v1.activities.find((a: { id: string }) => a.id === walk.id).goal).toBe('เดินวันละ 30 นาที');
    expect((await get(volunteer, `/api/v1/plans/${planId}?version=9`)).statusCode).toBe(404);

    const versions = (await get(volunteer, `/api/v1/plans/${planId}/versions`)).json().items;
    expect(versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, 'ลูกสาวจัดยาให้ได้เองแล้ว'],
    ]);
    const audits = await auditsOf('plan.update', planId);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ version: 2, removed: 1, added: 1 });
    expect(JSON.stringify(audits[0]!.detail)).not.toContain('ลูกสาว');
  });

  it('an adjustment naming an activity not in the plan is a 422', async () => {
    const res = await patch(volunteer, `/api/v1/plans/${planId}`, {
      reason: 'x',
      activities: [{ id: randomUUID(), activityId: walkId, responsible: 'self' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('activities.0.id');
    expect(
      (await patch(volunteer, `/api/v1/plans/${planId}`, { activities: [] })).json().errors[0].path,
    ).toBe('reason');
  });

  describe('monthly progress', () => {
    let current: { id: string; activityId: string }[];
    let removedId: string;

    beforeAll(async () => {
      const plan = (await get(volunteer, `/api/v1/plans/${planId}`)).json();
      current = plan.activities;
      const v1 = (await get(volunteer, `/api/v1/plans/${planId}?version=1`)).json();
      removedId = v1.activities.find((a: { activityId: string }) => a.activityId === medsId).id;
    });

    const report = (
      c: Client,
      entries: unknown[],
      month = thisMonth(),
      extra: Record<string, unknown> = {},
    ) => post(c, `/api/v1/plans/${planId}/progress`, { month, entries, ...extra });

    it('refuses a future month, an activity not in the plan, a removed one and a duplicate entry', async () => {
      const future = await report(
        volunteer,
        [{ planActivityId: current[0]!.id, status: 'done' }],
        shiftMonth(thisMonth(), 1),
      );
      expect(future.statusCode).toBe(422);
      expect(future.json().errors).toEqual([expect.objectContaining({ path: 'month' })]);

      const foreign = await report(volunteer, [{ planActivityId: randomUUID(), status: 'done' }]);
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().errors[0].path).toBe('entries.0.planActivityId');

      const removed = await report(volunteer, [
        { planActivityId: current[0]!.id, status: 'done' },
        { planActivityId: removedId, status: 'done' },
      ]);
      expect(removed.statusCode).toBe(422);
      expect(removed.json().errors).toEqual([expect.objectContaining({ path: 'entries.1.planActivityId' })]);

      const twice = await report(volunteer, [
        { planActivityId: current[0]!.id, status: 'done' },
        { planActivityId: current[0]!.id, status: 'partly' },
      ]);
      expect(twice.statusCode).toBe(422);
      expect(twice.json().errors).toEqual([expect.objectContaining({ path: 'entries.1.planActivityId' })]);

      const before = await report(volunteer, [{ planActivityId: current[0]!.id, status: 'done' }], '2020-01');
      expect(before.statusCode).toBe(422);
      expect(before.json().errors[0].path).toBe('month');

      const shape = await report(
        volunteer,
        [{ planActivityId: current[0]!.id, status: 'finished' }],
        '2026-13',
      );
      expect(shape.statusCode).toBe(400);
      expect(
        shape
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['entries.0.status', 'month']);
      // Nothing of the refused reports was stored.
      const [n] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(planProgress)
        .where(eq(planProgress.planId, planId));
      expect(Number(n!.n)).toBe(2);
    });

    it('stores a report once: a retry with its clientId returns the same result with 200', async () => {
      const clientId = randomUUID();
      const entries = current.map((a) => ({ planActivityId: a.id, status: 'done' }));
      const first = await report(volunteer, entries, thisMonth(), { clientId });
      expect(first.statusCode).toBe(201);
      expect(first.json().entries.every((e: { reportedAs: string }) => e.reportedAs === 'volunteer')).toBe(
        true,
      );
      const again = await report(volunteer, entries, thisMonth(), { clientId });
      expect(again.statusCode).toBe(200);
      expect(again.json().entries.map((e: { id: string }) => e.id)).toEqual(
        first.json().entries.map((e: { id: string }) => e.id),
      );
      expect(await auditsOf('plan.progress', planId)).toHaveLength(2);
    });

    it('a later report for the same month supersedes the earlier one, and both are kept', async () => {
      const walk = current.find((a) => a.activityId === walkId)!;
      const res = await report(volunteer, [{ planActivityId: walk.id, status: 'not_done' }]);
      expect(res.statusCode).toBe(201);
      const list = (await get(volunteer, `/api/v1/plans/${planId}/progress?month=${thisMonth()}`)).json()
        .items;
      const walks = list.filter((e: { planActivityId: string }) => e.planActivityId === walk.id);
      expect(walks.map((e: { status: string; superseded: boolean }) => [e.status, e.superseded])).toEqual([
        ['not_done', false],
        ['done', true],
        ['partly', true],
      ]);
      const plan = (await get(volunteer, `/api/v1/plans/${planId}`)).json();
      expect(plan.activities.find((a: { id: string }) => a.id === walk.id)).toMatchObject({
        latestProgress: { status: 'not_done' },
        adherence: 0,
      });
    });
  });
});

describe('who may see and change a plan', () => {
  let planId: string;
  let taskId: string;

  beforeAll(async () => {
    planId = (await get(admin, `/api/v1/persons/${personId}/plans`)).json().items[0].id;
    const plan = (await get(admin, `/api/v1/plans/${planId}`)).json();
    taskId = plan.activities.find((a: { organizationId: string | null }) => a.organizationId === orgId).id;
  });

  it('a volunteer of another area and a committee viewer get 404', async () => {
    for (const c of [otherVolunteer, viewer, otherOrgMember]) {
      expect((await get(c, `/api/v1/plans/${planId}`)).statusCode).toBe(404);
      expect((await get(c, `/api/v1/persons/${personId}/plans`)).statusCode).toBe(404);
      expect((await patch(c, `/api/v1/plans/${planId}`, { reason: 'x' })).statusCode).toBe(404);
      const progress = await post(c, `/api/v1/plans/${planId}/progress`, {
        month: thisMonth(),
        entries: [{ planActivityId: taskId, status: 'done' }],
      });
      expect(progress.statusCode).toBe(404);
    }
    expect((await post(viewer, `/api/v1/persons/${personId}/plans`, { activities: [] })).statusCode).toBe(
      400,
    );
  });

  it('the person’s own account reads the plan and reports progress as self, but cannot change it', async () => {
    const read = await get(citizen, `/api/v1/plans/${planId}`);
    expect(read.statusCode).toBe(200);
    const res = await post(citizen, `/api/v1/plans/${planId}/progress`, {
      month: thisMonth(),
      entries: [{ planActivityId: taskId, status: 'partly' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().entries[0].reportedAs).toBe('self');
    expect((await patch(citizen, `/api/v1/plans/${planId}`, { reason: 'อยากเปลี่ยน' })).statusCode).toBe(403);
    const make = await post(citizen, `/api/v1/persons/${personId}/plans`, {
      activities: [{ activityId: read.json().activities[0].activityId, responsible: 'self' }],
    });
    expect(make.statusCode).toBe(403);
  });

  it('the responsible organisation sees its task, by name only with the person’s consent, and reports on it', async () => {
    const before = await get(orgMember, '/api/v1/plan-activities?organization=mine');
    expect(before.statusCode).toBe(200);
    const task = before.json().items.find((i: { planActivityId: string }) => i.planActivityId === taskId);
    expect(task).toMatchObject({ planId, view: 'pseudonymous', person: null, villageCode: '90150801' });
    expect(task.villageName).toBe('บ้านป่าขาด');
    expect(task.latestProgress).toMatchObject({ status: 'partly', note: null });
    expect(before.body).not.toContain(firstName);
    expect(before.body).not.toContain(personId);
    expect((await get(otherOrgMember, '/api/v1/plan-activities?organization=mine')).json().items).toEqual([]);
    expect((await get(orgMember, `/api/v1/plans/${planId}`)).statusCode).toBe(404);

    const consent = await post(admin, `/api/v1/persons/${personId}/consents`, {
      purpose: 'share_agencies',
      granted: true,
      method: 'paper',
      agencies: [orgId],
    });
    expect(consent.statusCode).toBe(201);
    const after = (await get(orgMember, '/api/v1/plan-activities?organization=mine')).json();
    const named = after.items.find((i: { planActivityId: string }) => i.planActivityId === taskId);
    expect(named).toMatchObject({ view: 'identified', person: { id: personId, firstName } });

    const res = await post(orgMember, `/api/v1/plans/${planId}/progress`, {
      month: thisMonth(),
      entries: [{ planActivityId: taskId, status: 'done' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().entries[0].reportedAs).toBe('organization');
    // Only its own tasks: an activity of the plan it does not owe is refused as not found.
    const plan = (await get(admin, `/api/v1/plans/${planId}`)).json();
    const notOwed = plan.activities.find(
      (a: { organizationId: string | null }) => a.organizationId !== orgId,
    );
    const other = await post(orgMember, `/api/v1/plans/${planId}/progress`, {
      month: thisMonth(),
      entries: [{ planActivityId: notOwed.id, status: 'done' }],
    });
    expect(other.statusCode).toBe(404);
    expect(await auditsOf('plan.tasks', orgId)).toHaveLength(2);
  });

  it('task lists page with a cursor', async () => {
    const other = await post(admin, `/api/v1/persons/${otherPersonId}/plans`, {
      activities: [
        { activityId: await idOf('weekly-medicine-box'), responsible: 'organization', organizationId: orgId },
      ],
    });
    expect(other.statusCode).toBe(201);
    const first = (await get(orgMember, '/api/v1/plan-activities?organization=mine&limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await get(orgMember, `/api/v1/plan-activities?organization=mine&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([first.items[0].planId, second.items[0].planId].sort()).toEqual([planId, other.json().id].sort());
    expect((await get(orgMember, '/api/v1/plan-activities')).statusCode).toBe(400);
  });

  it('closing a plan ends its progress reports and frees the person for a new plan', async () => {
    const closed = await patch(admin, `/api/v1/plans/${planId}`, { reason: 'ครบกำหนด', status: 'closed' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', version: 3 });
    const late = await post(admin, `/api/v1/plans/${planId}/progress`, {
      month: thisMonth(),
      entries: [{ planActivityId: taskId, status: 'done' }],
    });
    expect(late.statusCode).toBe(422);
    expect(
      (await patch(admin, `/api/v1/plans/${planId}`, { reason: 'x', status: 'active' })).statusCode,
    ).toBe(422);
    const left = (await get(orgMember, '/api/v1/plan-activities?organization=mine')).json().items;
    expect(left.map((i: { planId: string }) => i.planId)).not.toContain(planId);
    const next = await post(admin, `/api/v1/persons/${personId}/plans`, {
      activities: [{ activityId: await idOf('elder-exercise-group'), responsible: 'self' }],
    });
    expect(next.statusCode).toBe(201);
    const list = (await get(citizen, `/api/v1/persons/${personId}/plans`)).json().items;
    expect(list.map((p: { status: string }) => p.status)).toEqual(['active', 'closed']);
  });
});
