import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import { expectedReport, type ReportInput } from '../src/core/reports/expected.ts';
import {
  fixtureNames,
  fixturePeople,
  fixturePlans,
  fixtureProgress,
  fixtureScreenings,
  pid,
  V1,
  V2,
  V3,
} from '../src/core/reports/fixture.ts';
import { suppressReport } from '../src/core/reports/suppress.ts';
import { type ReportBreakdown, reportBreakdowns, type WellbeingReport } from '../src/core/schemas/report.ts';
import { bangkokMonth } from '../src/core/screenings/month.ts';
import {
  activities,
  areas,
  auditLog,
  households,
  persons,
  planActivities,
  planProgress,
  plans,
  reportDirty,
  reportMeta,
  screenings,
} from '../src/server/db/schema.ts';
import { ReportRollup } from '../src/server/modules/reports/rollup.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let operator: Client;
let admin: Client; // area admin of district 1001
let viewer: Client; // committee viewer of district 1001
let volunteer: Client; // volunteer of subdistrict 100101
let outsider: Client; // area admin of another province

/** The fixture's rows, written straight into the tables as the registry and screenings would. */
async function loadFixture(t: TestApp) {
  const db = t.database.db;
  await db
    .insert(areas)
    .values(
      [V1, V2, V3].map((code) => ({
        code,
        level: 'village' as const,
        parentCode: code.slice(0, 6),
        nameTh: fixtureNames[code] as string,
        villageNo: Number(code.slice(6)),
      })),
    )
    .onConflictDoNothing();
  const householdIds = [...new Set(fixturePeople.flatMap((p) => p.householdId ?? []))];
  await db.insert(households).values(
    householdIds.map((id) => ({
      id,
      areaCode: fixturePeople.find((p) => p.householdId === id)?.areaCode as string,
    })),
  );
  await db.insert(persons).values(
    fixturePeople.map((p, i) => ({
      id: p.id,
      areaCode: p.areaCode,
      villageCode: p.villageCode,
      householdId: p.householdId,
      idType: 'none',
      noIdReason: 'test',
      firstName: `ทดสอบ${i + 1}`,
      lastName: `รายงาน${String(i + 1).padStart(2, '0')}`,
      sex: p.sex,
      birthDate: p.birthDate,
      vulnerability: [...p.vulnerability],
      adlGroup: p.adlGroup,
      mergedInto: p.mergedInto,
      createdAt: p.createdAt,
    })),
  );
  await db.insert(screenings).values(
    fixtureScreenings.map((s) => ({
      id: s.id,
      personId: s.personId,
      areaCode: fixturePeople.find((p) => p.id === s.personId)?.areaCode as string,
      instrument: s.instrument,
      version: s.version,
      takenAt: s.takenAt,
      takenMonth: bangkokMonth(s.takenAt),
      method: 'in_person',
      answers: s.answers,
      scores: s.scores,
      levels: s.levels,
      results: {},
    })),
  );
  const [activity] = await db.select({ id: activities.id }).from(activities).limit(1);
  const planIds = new Map<string, string>();
  for (const plan of fixturePlans) {
    const [row] = await db
      .insert(plans)
      .values({
        personId: plan.personId,
        areaCode: fixturePeople.find((p) => p.id === plan.personId)?.areaCode as string,
        createdAt: plan.createdAt,
      })
      .returning({ id: plans.id });
    planIds.set(plan.personId, row?.id as string);
  }
  const activityIds = new Map<string, string>();
  for (const e of fixtureProgress) {
    const planId = planIds.get(e.personId) as string;
    if (!activityIds.has(e.planActivityId)) {
      const [row] = await db
        .insert(planActivities)
        .values({
          planId,
          personId: e.personId,
          activityId: activity?.id as string,
          dimension: 'health',
          title: 'ทดสอบ',
          responsible: 'self',
          mode: 'self',
          addedInVersion: 1,
        })
        .returning({ id: planActivities.id });
      activityIds.set(e.planActivityId, row?.id as string);
    }
    await db.insert(planProgress).values({
      planId,
      planActivityId: activityIds.get(e.planActivityId) as string,
      month: e.month,
      status: e.status,
      reportedAs: 'self',
      createdAt: e.createdAt,
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await loadFixture(t);
  ({ client: operator } = await loginAs(t, { roles: ['operator'] }));
  ({ client: admin } = await loginAs(t, { roles: ['area_admin'], areaCodes: ['1001'] }));
  ({ client: viewer } = await loginAs(t, { roles: ['committee_viewer'], areaCodes: ['1001'] }));
  ({ client: volunteer } = await loginAs(t, { roles: ['volunteer'], areaCodes: ['100101'] }));
  ({ client: outsider } = await loginAs(t, { roles: ['area_admin'], areaCodes: ['90'] }));
});

afterAll(async () => {
  await t?.close();
});

async function report(c: Client, query: string) {
  const res = await c.request({ method: 'GET', url: `/api/v1/reports/wellbeing?${query}` });
  return { status: res.statusCode, body: res.json() as WellbeingReport & { detail?: string } };
}

/** What the report must say, computed from the fixture's raw rows at the moment asked. */
function expected(
  area: string,
  yearBE: number,
  month: number | undefined,
  by: ReportBreakdown,
  now: Date,
  people: ReportInput['people'] = fixturePeople,
) {
  const input: ReportInput = {
    scope: { kind: 'area', code: area },
    yearBE,
    ...(month !== undefined ? { month } : {}),
    by,
    now,
    people,
    screenings: fixtureScreenings,
    plans: fixturePlans,
    progress: fixtureProgress,
    names: fixtureNames,
  };
  // The queue is drained before every read here, so an area's figures are never still being counted.
  return { ...expectedReport(input), pending: false };
}

const query = (area: string, yearBE: number, month: number | undefined, by: string) =>
  `area=${area}&yearBE=${yearBE}${month ? `&month=${month}` : ''}&by=${by}`;

describe('GET /api/v1/reports/wellbeing: every figure equals the one computed from raw rows', () => {
  const cases: [string, number, number | undefined][] = [
    ['10', 2569, undefined],
    ['1001', 2569, undefined],
    ['1001', 2568, undefined],
    ['1001', 2569, 1],
    ['1001', 2569, 4],
    ['100101', 2569, 2],
    ['100102', 2569, undefined],
    [V1, 2569, undefined],
    [V2, 2569, 3],
    [V3, 2568, 12],
  ];
  for (const [area, yearBE, month] of cases) {
    it(`area ${area}, BE ${yearBE}${month ? ` month ${month}` : ''}, every breakdown`, async () => {
      for (const by of reportBreakdowns) {
        const now = new Date();
        const { status, body } = await report(operator, query(area, yearBE, month, by));
        expect(status, by).toBe(200);
        expect(body, `${area} ${yearBE} ${month} ${by}`).toEqual(expected(area, yearBE, month, by, now));
      }
    });
  }

  it('holds real numbers (not an empty report compared with an empty one)', async () => {
    const { body } = await report(admin, query('1001', 2569, 2, 'village'));
    expect(body.population.screened).toBeGreaterThan(10);
    expect(body.plans?.withPlan).toBe(1); // p05's plan; p10's was made in March
    expect(body.breakdown.map((r) => [r.key, r.label])).toEqual([
      [V1, 'บ้านหนึ่ง'],
      [V2, 'บ้านสอง'],
      [V3, 'บ้านสาม'],
      ['none', 'none'],
    ]);
  });

  it('is empty for a year before any data, and for the no-village leaf asked as if a village', async () => {
    expect(
      (await report(admin, query('1001', 2560, undefined, 'dimension'))).body.population.registered,
    ).toBe(0);
    const leaf = await report(operator, query('10010100', 2569, undefined, 'dimension'));
    expect(leaf.status).toBe(200);
    expect(leaf.body.population.registered).toBe(0);
  });
});

describe('privacy: small cells hidden for whoever may not see the people', () => {
  it('a committee viewer gets the suppressed report; the area admin the whole one', async () => {
    const now = new Date();
    const hidden = await report(viewer, query('1001', 2569, undefined, 'village'));
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual(suppressReport(expected('1001', 2569, undefined, 'village', now)));
    expect(hidden.body.suppressed).toBe(true);
    expect(JSON.stringify(hidden.body)).toContain('null');
    const whole = await report(admin, query('1001', 2569, undefined, 'village'));
    expect(whole.body.suppressed).toBe(false);
  });

  it('a volunteer reads their subdistrict whole, not the district', async () => {
    expect((await report(volunteer, query('100101', 2569, undefined, 'dimension'))).body.suppressed).toBe(
      false,
    );
    expect((await report(volunteer, query('1001', 2569, undefined, 'dimension'))).status).toBe(403);
  });

  it('audits every report read, without a name or a number of a person', async () => {
    await report(viewer, query('100102', 2569, undefined, 'sex'));
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'report.read'));
    const row = rows.find((r) => r.entityId === '100102' && r.actorId === viewer.userId);
    expect(row?.detail).toMatchObject({ yearBE: 2569, by: 'sex', suppressed: true });
    expect(JSON.stringify(rows)).not.toContain('ทดสอบ');
  });
});

describe('bad requests get a clear problem and change nothing', () => {
  it.each([
    ['yearBE=2569', 'area'],
    [`area=1001&group=${randomUUID()}&yearBE=2569`, 'group'],
    ['area=1001', 'yearBE'],
    ['area=1001&yearBE=2569&month=13', 'month'],
    ['area=1001&yearBE=2569&by=planet', 'by'],
    ['area=10x&yearBE=2569', 'area'],
    ['area=1001&yearBE=2569&colour=red', 'colour'],
  ])('%s → 400 naming %s', async (q, field) => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/v1/reports/wellbeing?${q}`,
      headers: { 'accept-language': 'th' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as { errors: { path: string; detail: string }[] };
    expect(body.errors.map((e) => e.path).join(' ')).toContain(field);
  });

  it('a year that has not come yet is refused, in Thai and English', async () => {
    const next = new Date().getUTCFullYear() + 543 + 2;
    const th = await admin.request({
      method: 'GET',
      url: `/api/v1/reports/wellbeing?area=1001&yearBE=${next}`,
      headers: { 'accept-language': 'th' },
    });
    expect(th.statusCode).toBe(400);
    expect(JSON.stringify(th.json())).toContain('ยังไม่มีข้อมูลของปี');
    const en = await admin.request({
      method: 'GET',
      url: `/api/v1/reports/wellbeing?area=1001&yearBE=${next}`,
      headers: { 'accept-language': 'en' },
    });
    expect(JSON.stringify(en.json())).toContain('no figures for BE');
  });

  it('an area code that is not in the DOPA tree is named, for the report and its people', async () => {
    for (const path of ['wellbeing', 'wellbeing/people']) {
      const res = await operator.request({
        method: 'GET',
        url: `/api/v1/reports/${path}?area=100199&yearBE=2569${path.endsWith('people') ? '&dimension=health&level=red' : ''}`,
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json() as { errors: { path: string; message: string }[] };
      expect(body.errors).toEqual([{ path: 'query.area', message: 'Unknown area code 100199' }]);
    }
  });

  it('another area is forbidden; an unknown group is not found', async () => {
    expect((await report(outsider, query('1001', 2569, undefined, 'dimension'))).status).toBe(403);
    expect((await report(admin, `group=${randomUUID()}&yearBE=2569`)).status).toBe(404);
  });
});

describe('the people behind a number', () => {
  const people = (c: Client, q: string) =>
    c.request({ method: 'GET', url: `/api/v1/reports/wellbeing/people?${q}` });

  it('lists, for the area admin, exactly the people counted in the cell, a page at a time, audited', async () => {
    const { body } = await report(admin, query('1001', 2569, undefined, 'dimension'));
    const red = body.dimensions.health?.red as number;
    expect(red).toBeGreaterThan(1);
    const first = await people(admin, 'area=1001&yearBE=2569&dimension=health&level=red&limit=1');
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { items: { id: string; level: string }[]; nextCursor: string | null };
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).not.toBeNull();
    const rest = (
      await people(
        admin,
        `area=1001&yearBE=2569&dimension=health&level=red&limit=100&cursor=${page1.nextCursor}`,
      )
    ).json() as { items: { id: string; level: string }[] };
    const ids = [...page1.items, ...rest.items].map((p) => p.id);
    expect(new Set(ids).size).toBe(red);
    expect([...page1.items, ...rest.items].every((p) => p.level === 'red')).toBe(true);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'report.listPersons'));
    expect(audits.flatMap((a) => a.subjectIds ?? [])).toEqual(expect.arrayContaining(ids));
  });

  it('is forbidden to the committee viewer and the volunteer; a bad cursor or level is a 400', async () => {
    expect((await people(viewer, 'area=1001&yearBE=2569&dimension=health&level=red')).statusCode).toBe(403);
    expect((await people(volunteer, 'area=100101&yearBE=2569&dimension=health&level=red')).statusCode).toBe(
      403,
    );
    expect((await people(admin, 'area=1001&yearBE=2569&dimension=health&level=purple')).statusCode).toBe(400);
    expect(
      (await people(admin, 'area=1001&yearBE=2569&dimension=health&level=red&cursor=xyz')).statusCode,
    ).toBe(400);
  });
});

describe('live: a change is counted by the next report', () => {
  it('a screening posted now shows in this month at once; merging a person takes them out', async () => {
    const yearBE = new Date().getUTCFullYear() + 543;
    const month = Number(bangkokMonth(new Date()).slice(5));
    const before = (await report(admin, query(V1, yearBE, month, 'dimension'))).body;
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/persons/${pid(19)}/screenings`,
      payload: {
        instrument: 'wellbeing20',
        takenAt: new Date(Date.now() - 60_000).toISOString(),
        clientId: randomUUID(),
        answers: answersWith(getInstrument('wellbeing20')!),
      },
    });
    expect(res.statusCode).toBe(201);
    const after = (await report(admin, query(V1, yearBE, month, 'dimension'))).body;
    expect(after.population.screened).toBe((before.population.screened as number) + 1);
    expect((await report(operator, query('10', yearBE, month, 'dimension'))).body.population.screened).toBe(
      after.population.screened,
    );

    await t.database.db
      .update(persons)
      .set({ mergedInto: pid(1) })
      .where(eq(persons.id, pid(19)));
    const merged = (await report(admin, query(V1, yearBE, month, 'dimension'))).body;
    expect(merged.population.screened).toBe(before.population.screened);
    expect(merged.population.registered).toBe((before.population.registered as number) - 1);
    const queued = (await t.database.db.execute(
      sql`select count(*)::int as n from report_dirty`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(queued.rows[0]?.n).toBe(0);
    expect(merged.pending).toBe(false);
  });

  it('says the figures are still being counted while a rebuild walks or changes wait in the queue', async () => {
    const db = t.database.db;
    // A second worker on the same tables, never started: it only looks, so nothing drains meanwhile.
    const rollup = new ReportRollup(db, t.app.log);
    expect(await rollup.pending()).toBe(false);
    await db.insert(reportDirty).values({ personId: pid(2) });
    expect(await rollup.pending()).toBe(true);
    await db.delete(reportDirty);
    const [meta] = await db.select().from(reportMeta).where(eq(reportMeta.key, 'cells'));
    const value = meta?.value as { rebuild: unknown };
    await db
      .update(reportMeta)
      .set({ value: { ...value, rebuild: { area: '', village: '' } } })
      .where(eq(reportMeta.key, 'cells'));
    expect(await rollup.pending()).toBe(true);
    await db.update(reportMeta).set({ value }).where(eq(reportMeta.key, 'cells'));
    expect(await rollup.pending()).toBe(false);
  });
});

describe('a group’s report', () => {
  it('counts the group’s enrolled people, figure by figure, and is hidden from non-members', async () => {
    const post = (url: string, payload: Record<string, unknown>) =>
      admin.request({ method: 'POST', url, payload });
    const created = await post('/api/v1/groups', {
      name: 'กลุ่มรายงาน',
      areaCode: '100101',
      villageCodes: [V1],
    });
    expect(created.statusCode, created.body).toBe(201);
    const groupId = created.json().id as string;
    const members = [pid(1), pid(2), pid(3), pid(5)];
    for (const personId of members) {
      const consent = await post(`/api/v1/persons/${personId}/consents`, {
        purpose: 'share_group',
        granted: true,
        method: 'paper',
      });
      expect(consent.statusCode, consent.body).toBe(201);
      expect((await post(`/api/v1/groups/${groupId}/persons`, { personId })).statusCode).toBe(201);
    }
    for (const by of ['dimension', 'household', 'age'] as const) {
      const now = new Date();
      const { status, body } = await report(admin, `group=${groupId}&yearBE=2569&by=${by}`);
      expect(status).toBe(200);
      expect(body).toEqual(
        expectedReport({
          scope: { kind: 'group', id: groupId, personIds: members },
          yearBE: 2569,
          by,
          now,
          people: fixturePeople,
          screenings: fixtureScreenings,
          plans: fixturePlans,
          progress: fixtureProgress,
        }),
      );
      expect(body.population.registered).toBe(4);
    }
    expect((await report(outsider, `group=${groupId}&yearBE=2569`)).status).toBe(404);
  });
});

describe('incremental upkeep: a person who moves house is counted in the new household and village only', () => {
  it('matches the raw-row reference after the move, for households, villages and the whole district', async () => {
    const mover = fixturePeople.find((p) => p.id === pid(2));
    const target = fixturePeople.find((p) => p.id === pid(7));
    expect(mover?.householdId).not.toBeNull();
    await t.database.db
      .update(persons)
      .set({ villageCode: target?.villageCode ?? null, householdId: target?.householdId ?? null })
      .where(eq(persons.id, pid(2)));
    const moved = fixturePeople.map((p) =>
      p.id === pid(2)
        ? { ...p, villageCode: target?.villageCode ?? null, householdId: target?.householdId ?? null }
        : p,
    );
    // Earlier tests added a screening for p19 and merged them away: the reference sees the same.
    const live = moved.map((p) => (p.id === pid(19) ? { ...p, mergedInto: pid(1) } : p));
    for (const by of ['household', 'village', 'dimension'] as const) {
      const now = new Date();
      const { body } = await report(admin, query('1001', 2569, 3, by));
      const reference = expected('1001', 2569, 3, by, now, live);
      expect(body, by).toEqual(reference);
    }
  });
});
