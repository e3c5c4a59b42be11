import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../tests/support/app.ts';
import { adherence, draftBasis, draftPlan } from '../../core/plans/index.ts';
import type { ProgressStatus } from '../../core/schemas/index.ts';
import { organizationCreate } from '../../core/schemas/organization.ts';
import { roles, userCreate } from '../../core/schemas/user.ts';
import { bangkokDate, bangkokMonth, shiftMonth } from '../../core/screenings/month.ts';
import { readAreaReference } from '../db/reference/readAreas.ts';
import {
  activities,
  activityAttendance,
  activityGroups,
  auditLog,
  organizations,
  persons,
  planActivities,
  planProgress,
  plans,
  planVersions,
  screenings,
  users,
} from '../db/schema.ts';
import { NationalIdVault } from '../modules/persons/nationalIdVault.ts';
import type { PlanSnapshot } from '../modules/plans/service.ts';
import { isoOf } from '../modules/screenings/iso.ts';
import { type DemoAccount, seedDemo } from './demo.ts';
import {
  areaLevelOf,
  DEMO_DISTRICT_CODE,
  DEMO_PROVINCE_CODE,
  demoOrganizations,
  demoUsers,
  demoVillages,
  villageCode,
} from './demoData.ts';
import { seedDemoPlans } from './demoPlans.ts';
import { demoUuid } from './demoScreenings.ts';

const SUBDISTRICTS = Array.from({ length: 11 }, (_, i) => `9015${String(i + 1).padStart(2, '0')}`);

describe('demo data for Singhanakhon', async () => {
  const reference = new Map((await readAreaReference()).map((r) => [r.code, r]));
  const villageCodes = new Set(demoVillages.map(villageCode));

  /** Real codes only: the province, or the district and anything under it (villages from demoVillages). */
  const areaProblem = (code: string): string | null => {
    if (code === DEMO_PROVINCE_CODE) return null;
    if (!code.startsWith(DEMO_DISTRICT_CODE)) return `${code} is outside ${DEMO_DISTRICT_CODE}`;
    const level = areaLevelOf(code);
    if (level === 'village') return villageCodes.has(code) ? null : `${code} is not a demo village`;
    if (level === null || !reference.has(code)) return `${code} is not a DOPA code`;
    return null;
  };

  it('has unique, well-formed villages under real subdistricts of the district', () => {
    const codes = demoVillages.map(villageCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const v of demoVillages) {
      expect(reference.get(v.parentCode)?.parentCode, v.parentCode).toBe(DEMO_DISTRICT_CODE);
      expect(villageCode(v)).toMatch(/^\d{8}$/);
      expect(v.nameTh.trim()).not.toBe('');
    }
    expect(demoVillages).toHaveLength(77);
  });

  it('gives each of the 11 subdistricts its villages, numbered 1..n without gaps', () => {
    expect(reference.get(DEMO_DISTRICT_CODE)?.nameTh).toBe('สิงหนคร');
    expect(
      [...reference.values()].filter((r) => r.parentCode === DEMO_DISTRICT_CODE).map((r) => r.code),
    ).toEqual(SUBDISTRICTS);
    for (const code of SUBDISTRICTS) {
      const numbers = demoVillages.filter((v) => v.parentCode === code).map((v) => v.villageNo);
      expect(numbers.length, code).toBeGreaterThan(0);
      expect(numbers, code).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('places every organisation in the province or the demo district and passes the create schema', () => {
    const keys = demoOrganizations.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { key, ...org } of demoOrganizations) {
      expect(areaProblem(org.areaCode), key).toBeNull();
      const parsed = organizationCreate.safeParse(org);
      expect(parsed.success, `${key}: ${parsed.error?.message}`).toBe(true);
      expect(new Set(org.services).size, key).toBe(org.services.length);
      if (org.tier !== undefined) expect(org.type, key).toBe('shph');
    }
  });

  it('carries the service-centre plan of seed 000', () => {
    const byKey = new Map(demoOrganizations.map((o) => [o.key, o]));
    expect(byKey.get('shph_pa_khat')).toMatchObject({ tier: 'S', services: ['thai_traditional_medicine'] });
    expect(byKey.get('shph_ram_daeng')?.tier).toBe('S+');
    expect(byKey.get('shph_ram_daeng')?.services).toEqual(
      expect.arrayContaining(['happiness_centre', 'repair_centre', 'palliative_care']),
    );
    expect(byKey.get('shph_ching_kho')).toMatchObject({ tier: 'L', services: ['dental', 'long_term_care'] });
    expect(byKey.get('pao_songkhla')?.areaCode).toBe(DEMO_PROVINCE_CODE);
    expect(demoOrganizations.filter((o) => o.type === 'shph')).toHaveLength(9);
    expect(demoOrganizations.some((o) => o.phone !== undefined)).toBe(false);
  });

  it('has one user per role except operator, in real areas and existing organisations', () => {
    const orgKeys = new Set(demoOrganizations.map((o) => o.key));
    const usernames = demoUsers.map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(demoUsers.flatMap((u) => u.roles).sort()).toEqual(roles.filter((r) => r !== 'operator').sort());
    for (const { organizationKey, ...user } of demoUsers) {
      if (organizationKey !== undefined) expect(orgKeys.has(organizationKey), user.username).toBe(true);
      expect(user.areaCodes.length, user.username).toBeGreaterThan(0);
      for (const code of user.areaCodes) expect(areaProblem(code), user.username).toBeNull();
      // The organisation is linked by id at seeding time, so only the remaining fields go through the schema.
      const parsed = userCreate.safeParse({ ...user, password: 'demo-password-123' });
      expect(parsed.success, `${user.username}: ${parsed.error?.message}`).toBe(true);
      expect(user.username).toMatch(/^demo\./);
    }
    const volunteer = demoUsers.find((u) => u.roles.includes('volunteer'));
    expect(volunteer?.areaCodes.map(areaLevelOf)).toEqual(['village']);
    expect(demoUsers.find((u) => u.roles.includes('committee_viewer'))?.areaCodes).toEqual([
      DEMO_DISTRICT_CODE,
    ]);
  });
});

describe('the demo plans (seeded on a real database)', () => {
  let t: TestApp;
  let accounts: DemoAccount[];
  const today = new Date();
  const thisMonth = bangkokMonth(today);
  const startMonth = shiftMonth(thisMonth, -6);
  const lastMonth = shiftMonth(thisMonth, -1);

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedDemo(t.database.db, new NationalIdVault(randomBytes(32).toString('hex')));
    if (!seeded) throw new Error('the demo was already seeded');
    accounts = seeded;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.database.db;
  const load = async () => {
    const planRows = await db().select().from(plans);
    const activityRows = await db().select().from(planActivities);
    const progressRows = await db().select().from(planProgress);
    const versionRows = await db().select().from(planVersions);
    const drafted = await db()
      .select()
      .from(screenings)
      .where(
        inArray(
          screenings.id,
          planRows.map((p) => p.screeningId!),
        ),
      );
    return {
      planRows,
      activityRows,
      progressRows,
      versionRows,
      drafted: new Map(drafted.map((s) => [s.id, s])),
    };
  };
  const levelsOf = (s: typeof screenings.$inferSelect) =>
    draftBasis({
      wellbeing: {
        instrument: s.instrument,
        version: s.version,
        answers: s.answers as Record<string, never>,
      },
    }).itemLevels;

  it('gives 40 to 60 screened people a plan of 2–6 activities, drafted from their screening six months ago', async () => {
    const { planRows, activityRows, drafted } = await load();
    expect(planRows.length).toBeGreaterThanOrEqual(40);
    expect(planRows.length).toBeLessThanOrEqual(60);
    expect(new Set(planRows.map((p) => p.personId)).size).toBe(planRows.length);
    const people = new Map(
      (
        await db()
          .select()
          .from(persons)
          .where(
            inArray(
              persons.id,
              planRows.map((p) => p.personId),
            ),
          )
      ).map((p) => [p.id, p]),
    );
    const library = await db().select().from(activities);
    for (const plan of planRows) {
      const current = activityRows.filter((a) => a.planId === plan.id && a.removedInVersion === null);
      expect(current.length, plan.id).toBeGreaterThanOrEqual(2);
      expect(current.length, plan.id).toBeLessThanOrEqual(6);
      expect(plan.id).toBe(demoUuid(`plan:${plan.personId}`));
      expect(plan.status).toBe('active');
      expect(plan.startsOn).toBe(`${startMonth}-01`);
      expect(plan.areaCode).toBe(people.get(plan.personId)?.areaCode);
      const screening = drafted.get(plan.screeningId!);
      expect(screening?.personId).toBe(plan.personId);
      expect(screening?.instrument).toBe('wellbeing20');
      expect(screening?.takenMonth).toBe(startMonth);
      // Every activity is one the drafter offers for that screening and that person.
      const person = people.get(plan.personId)!;
      const start = `${startMonth}-01`;
      const age =
        Number(start.slice(0, 4)) -
        Number(person.birthDate.slice(0, 4)) -
        (start.slice(5) < person.birthDate.slice(5) ? 1 : 0);
      const offered = new Set(
        draftPlan({
          itemLevels: levelsOf(screening!),
          needs: [],
          person: { ageYears: age, adlGroup: null },
          activities: library.map((a) => ({ ...a, title: a.titleTh })),
          perDimension: Number.POSITIVE_INFINITY,
        }).map((d) => d.activityId),
      );
      for (const a of activityRows.filter((x) => x.planId === plan.id)) {
        expect(offered.has(a.activityId), `${plan.id} ${a.title}`).toBe(true);
      }
      const goals = plan.goals as { targets?: Record<string, string>; personal?: string };
      expect(goals.personal).toMatch(/[\u0E00-\u0E7F]/);
      expect(Object.keys(goals.targets ?? {}).length).toBeGreaterThan(0);
    }
    expect(new Set(planRows.map((p) => (p.goals as { personal: string }).personal)).size).toBeGreaterThan(10);
  });

  it('has no plan activity addressing an item that was green in the screening it was drafted from', async () => {
    const { planRows, activityRows, drafted } = await load();
    const library = new Map((await db().select().from(activities)).map((a) => [a.id, a]));
    const planOf = new Map(planRows.map((p) => [p.id, p]));
    expect(activityRows.length).toBeGreaterThan(planRows.length * 2);
    for (const a of activityRows) {
      const levels = levelsOf(drafted.get(planOf.get(a.planId)!.screeningId!)!);
      expect(a.addresses.length, a.id).toBeGreaterThan(0);
      for (const code of a.addresses) expect(['yellow', 'red'], `${a.id} ${code}`).toContain(levels[code]);
      const lib = library.get(a.activityId)!;
      expect(lib.addresses).toEqual(expect.arrayContaining(a.addresses));
      expect(a.dimension).toBe(lib.dimension);
      expect(lib.modes).toContain(a.mode);
      expect(a.personId).toBe(planOf.get(a.planId)!.personId);
      if (a.responsible === 'organization') expect(a.organizationId, a.id).not.toBeNull();
      if (a.responsible === 'family') expect(a.responsibleName, a.id).toMatch(/[\u0E00-\u0E7F]/);
    }
    // Responsibility is shared: the person, the family, volunteers and organisations all take some on.
    expect(new Set(activityRows.map((a) => a.responsible))).toEqual(
      new Set(['self', 'family', 'volunteer', 'organization']),
    );
    const orgTypes = new Set(
      (
        await db()
          .select({ type: organizations.type })
          .from(organizations)
          .where(
            inArray(
              organizations.id,
              activityRows.flatMap((a) => (a.organizationId ? [a.organizationId] : [])),
            ),
          )
      ).map((o) => o.type),
    );
    expect(orgTypes.size).toBeGreaterThanOrEqual(2);
  });

  it('reports progress every month from the start up to last month, never before the start or in the future', async () => {
    const { planRows, activityRows, progressRows } = await load();
    const [volunteer, agency] = await Promise.all(
      ['demo.volunteer', 'demo.agency'].map(async (name) => {
        const [u] = await db().select({ id: users.id }).from(users).where(eq(users.username, name));
        return u!.id;
      }),
    );
    const activityOf = new Map(activityRows.map((a) => [a.id, a]));
    const planOf = new Map(planRows.map((p) => [p.id, p]));
    expect(progressRows.length).toBeGreaterThan(planRows.length * 2 * 5);
    const keys = new Set<string>();
    for (const r of progressRows) {
      const a = activityOf.get(r.planActivityId)!;
      expect(r.planId).toBe(a.planId);
      expect(r.month >= planOf.get(r.planId)!.startsOn!.slice(0, 7), r.id).toBe(true);
      expect(r.month >= a.startsOn!.slice(0, 7), r.id).toBe(true);
      expect(r.month <= thisMonth, r.id).toBe(true);
      expect(r.month < thisMonth, r.id).toBe(true);
      expect(Date.parse(isoOf(r.createdAt))).toBeLessThanOrEqual(Date.now());
      expect(isoOf(r.createdAt) >= isoOf(a.createdAt), r.id).toBe(true);
      expect(['volunteer', 'self', 'organization']).toContain(r.reportedAs);
      expect([volunteer, agency, null]).toContain(r.reportedBy);
      keys.add(`${r.planActivityId}:${r.month}`);
    }
    expect(keys.size).toBe(progressRows.length);
    // A version-1 activity still in the plan has all six months, start to last month.
    const months = Array.from({ length: 6 }, (_, i) => shiftMonth(startMonth, i));
    expect(months.at(-1)).toBe(lastMonth);
    for (const a of activityRows.filter((x) => x.addedInVersion === 1 && x.removedInVersion === null)) {
      const reported = progressRows
        .filter((r) => r.planActivityId === a.id)
        .map((r) => r.month)
        .sort();
      expect(reported, a.id).toEqual(months);
    }
    // A dropped activity has none after it was dropped.
    for (const a of activityRows.filter((x) => x.removedInVersion !== null)) {
      const reported = progressRows.filter((r) => r.planActivityId === a.id).map((r) => r.month);
      expect(reported.length, a.id).toBeGreaterThan(0);
      expect(
        reported.every((m) => m < shiftMonth(startMonth, 3)),
        a.id,
      ).toBe(true);
    }
    expect(new Set(progressRows.map((r) => r.status))).toEqual(new Set(['done', 'partly', 'not_done']));
    expect(new Set(progressRows.map((r) => r.reportedAs))).toEqual(
      new Set(['volunteer', 'self', 'organization']),
    );
    expect(progressRows.filter((r) => r.note !== null).length).toBeGreaterThan(progressRows.length / 10);
  });

  it('adjusts some plans to version 2 and keeps the old version readable through the API', async () => {
    const { planRows, activityRows, versionRows } = await load();
    const adjusted = planRows.filter((p) => p.version === 2);
    expect(adjusted.length).toBeGreaterThanOrEqual(Math.floor(planRows.length * 0.15));
    expect(adjusted.length).toBeLessThanOrEqual(Math.ceil(planRows.length * 0.4));
    expect(planRows.every((p) => p.version === 1 || p.version === 2)).toBe(true);
    for (const p of planRows) {
      expect(
        versionRows
          .filter((v) => v.planId === p.id)
          .map((v) => v.version)
          .sort(),
      ).toEqual(p.version === 2 ? [1, 2] : [1]);
      const v1 = versionRows.find((v) => v.planId === p.id && v.version === 1)!;
      const ids = (v1.snapshot as PlanSnapshot).activities.map((a) => a.id).sort();
      expect(ids).toEqual(
        activityRows
          .filter((a) => a.planId === p.id && a.addedInVersion === 1)
          .map((a) => a.id)
          .sort(),
      );
    }
    for (const p of adjusted) {
      const own = activityRows.filter((a) => a.planId === p.id);
      expect(own.filter((a) => a.removedInVersion === 2)).toHaveLength(1);
      expect(own.filter((a) => a.addedInVersion === 2)).toHaveLength(1);
      const v2 = versionRows.find((v) => v.planId === p.id && v.version === 2)!;
      expect(v2.reason).toMatch(/[\u0E00-\u0E7F]/);
      expect(isoOf(v2.createdAt) >= `${shiftMonth(startMonth, 3)}`).toBe(true);
      expect((v2.snapshot as PlanSnapshot).activities.map((a) => a.id).sort()).toEqual(
        own
          .filter((a) => a.removedInVersion === null)
          .map((a) => a.id)
          .sort(),
      );
    }

    const password = accounts.find((a) => a.username === 'demo.socialworker')!.password;
    const worker = await login(t, 'demo.socialworker', password);
    const plan = adjusted[0]!;
    const dropped = activityRows.find((a) => a.planId === plan.id && a.removedInVersion === 2)!;
    const added = activityRows.find((a) => a.planId === plan.id && a.addedInVersion === 2)!;
    const old = await worker.request({ method: 'GET', url: `/api/v1/plans/${plan.id}?version=1` });
    expect(old.statusCode, old.body).toBe(200);
    const oldIds = (old.json() as { version: number; activities: { id: string }[] }).activities.map(
      (a) => a.id,
    );
    expect(old.json().version).toBe(1);
    expect(oldIds).toContain(dropped.id);
    expect(oldIds).not.toContain(added.id);
    const now = await worker.request({ method: 'GET', url: `/api/v1/plans/${plan.id}` });
    expect(now.statusCode, now.body).toBe(200);
    const body = now.json() as {
      version: number;
      activities: { id: string; latestProgress: { month: string } | null }[];
      adherence: { percent: number | null; months: number };
    };
    expect(body.version).toBe(2);
    expect(body.activities.map((a) => a.id)).toContain(added.id);
    expect(body.activities.map((a) => a.id)).not.toContain(dropped.id);
    expect(body.activities.every((a) => a.latestProgress?.month === lastMonth)).toBe(true);
    expect(body.adherence.percent).not.toBeNull();
    expect(body.adherence.months).toBe(6);
    const versions = await worker.request({ method: 'GET', url: `/api/v1/plans/${plan.id}/versions` });
    expect(versions.statusCode, versions.body).toBe(200);
    expect((versions.json() as { items: { version: number }[] }).items.map((v) => v.version).sort()).toEqual([
      1, 2,
    ]);
  });

  it('shows better adherence for people whose screenings improved than for those who got worse', async () => {
    const { planRows, progressRows, drafted } = await load();
    const latest = new Map<string, number>();
    for (const s of await db()
      .select({ personId: screenings.personId, takenMonth: screenings.takenMonth, scores: screenings.scores })
      .from(screenings)
      .where(
        and(
          eq(screenings.takenMonth, thisMonth),
          inArray(
            screenings.personId,
            planRows.map((p) => p.personId),
          ),
        ),
      )) {
      latest.set(s.personId, Number((s.scores as { total: number }).total));
    }
    const better: number[] = [];
    const worse: number[] = [];
    for (const p of planRows) {
      const first = Number((drafted.get(p.screeningId!)!.scores as { total: number }).total);
      const last = latest.get(p.personId);
      if (last === undefined) continue;
      const percent = adherence(
        progressRows
          .filter((r) => r.planId === p.id)
          .map((r) => ({
            planActivityId: r.planActivityId,
            month: r.month,
            status: r.status as ProgressStatus,
            createdAt: isoOf(r.createdAt),
          })),
      ).percent!;
      if (last - first <= -2) better.push(percent);
      if (last - first >= 2) worse.push(percent);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.info(
      `demo plans: ${planRows.length}; adherence ${mean(better).toFixed(0)}% for ${better.length} better, ` +
        `${mean(worse).toFixed(0)}% for ${worse.length} worse`,
    );
    expect(better.length).toBeGreaterThanOrEqual(5);
    expect(worse.length).toBeGreaterThanOrEqual(5);
    expect(mean(better)).toBeGreaterThan(mean(worse) + 15);
  });

  it('meets as activity groups in ป่าขาด, with weekly attendance for the last three months', async () => {
    const { activityRows } = await load();
    const groups = await db().select().from(activityGroups);
    expect(groups.length).toBeGreaterThanOrEqual(1);
    expect(groups.length).toBeLessThanOrEqual(2);
    const attendance = await db().select().from(activityAttendance);
    const from = `${shiftMonth(thisMonth, -3)}-01`;
    const todayDate = bangkokDate(today);
    for (const g of groups) {
      expect(g.areaCode).toBe('901508');
      expect(g.name).toMatch(/[\u0E00-\u0E7F]/);
      const members = activityRows.filter((a) => a.activityGroupId === g.id);
      expect(members.length, g.name).toBeGreaterThanOrEqual(3);
      const people = new Set(members.map((m) => m.personId));
      const home = await db()
        .select({ areaCode: persons.areaCode })
        .from(persons)
        .where(inArray(persons.id, [...people]));
      expect(home.every((p) => p.areaCode === '901508')).toBe(true);
      for (const m of members) {
        expect(m.activityId).toBe(g.activityId);
        expect(m.mode).toBe('group');
      }
      const own = attendance.filter((r) => r.activityGroupId === g.id);
      const dates = [...new Set(own.map((r) => r.heldOn))].sort();
      expect(dates.length).toBeGreaterThanOrEqual(12);
      expect(dates[0]! >= from).toBe(true);
      expect(dates.at(-1)! <= todayDate).toBe(true);
      for (let i = 1; i < dates.length; i++) {
        expect(Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)).toBe(7 * 86_400_000);
      }
      expect(own.every((r) => people.has(r.personId))).toBe(true);
      expect(own.some((r) => r.present)).toBe(true);
      expect(own.some((r) => !r.present)).toBe(true);
    }
  });

  it('is seeded once: running the demo or its plans again adds nothing', async () => {
    const count = async () => ({
      plans: (await db().select({ id: plans.id }).from(plans)).length,
      activities: (await db().select({ id: planActivities.id }).from(planActivities)).length,
      progress: (await db().select({ id: planProgress.id }).from(planProgress)).length,
      versions: (await db().select({ id: planVersions.id }).from(planVersions)).length,
      groups: (await db().select({ id: activityGroups.id }).from(activityGroups)).length,
      attendance: (await db().select({ id: activityAttendance.id }).from(activityAttendance)).length,
    });
    const before = await count();
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'demo.seed'));
    expect(entry?.detail).toMatchObject({
      plans: before.plans,
      planProgress: before.progress,
      activityGroups: before.groups,
      attendance: before.attendance,
    });
    expect(await seedDemo(db(), new NationalIdVault(randomBytes(32).toString('hex')))).toBeNull();
    const orgIds = new Map<string, string>();
    const orgRows = await db().select({ id: organizations.id, name: organizations.name }).from(organizations);
    for (const o of demoOrganizations) {
      const row = orgRows.find((r) => r.name === o.name);
      if (row) orgIds.set(o.key, row.id);
    }
    expect((await seedDemoPlans(db(), { today, orgIds })).plans).toBe(0);
    expect(await count()).toEqual(before);
  });
});
