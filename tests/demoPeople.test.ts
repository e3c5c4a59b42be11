import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidNationalId } from '../src/core/thai/nationalId.ts';
import { buildApp } from '../src/server/app.ts';
import { consents, households, personRevisions, persons } from '../src/server/db/schema.ts';
import { NationalIdVault } from '../src/server/modules/persons/nationalIdVault.ts';
import { type DemoAccount, seedDemo } from '../src/server/seed/demo.ts';
import { buildDemoRegistry, PILOT_SUBDISTRICT } from '../src/server/seed/demoPeople.ts';
import { createTestApp, login, type TestApp } from './support/app.ts';
import { testConfig } from './support/target.ts';

let base: TestApp;
/** The application over the same database, with a key we know, so that the test can decrypt as the server does. */
let t: TestApp;
let vault: NationalIdVault;
let accounts: DemoAccount[];

beforeAll(async () => {
  base = await createTestApp();
  const secrets = {
    sessionSecret: randomBytes(32).toString('hex'),
    encryptionKey: randomBytes(32).toString('hex'),
  };
  vault = new NationalIdVault(secrets.encryptionKey);
  const app = await buildApp({ database: base.database, config: testConfig(), secrets });
  await app.ready();
  t = { app, database: base.database, close: () => app.close() };
  const seeded = await seedDemo(base.database.db, vault);
  if (!seeded) throw new Error('the demo was already seeded');
  accounts = seeded;
});
afterAll(async () => {
  await t?.close();
  await base?.close();
});

const db = () => t.database.db;
const count = async (query: ReturnType<typeof sql>) => {
  const rows = (await db().execute(query)) as unknown as { rows?: { n: number }[] } | { n: number }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return Number(list[0]?.n ?? Number.NaN);
};

describe('the demo registry', () => {
  it('is the same every time it is built', () => {
    expect(buildDemoRegistry()).toEqual(buildDemoRegistry());
  });

  it('seeds about 500 people in households, with the rest of the demo, quickly', async () => {
    const people = await count(sql`select count(*)::int as n from ${persons}`);
    expect(people).toBe(buildDemoRegistry().people.length);
    expect(people).toBeGreaterThanOrEqual(450);
    expect(people).toBeLessThanOrEqual(550);
    const homes = await count(sql`select count(*)::int as n from ${households}`);
    expect(homes).toBeGreaterThan(people / 5);
    expect(homes).toBeLessThan(people / 2);
  });

  it('is seeded once: a second run does nothing', async () => {
    expect(await seedDemo(db(), vault)).toBeNull();
    expect(await count(sql`select count(*)::int as n from ${persons}`)).toBe(
      buildDemoRegistry().people.length,
    );
  });

  it('puts every person under Singhanakhon, most in ป่าขาด, each in a registered demo village', async () => {
    expect(await count(sql`select count(*)::int as n from ${persons} where area_code not like '9015%'`)).toBe(
      0,
    );
    expect(
      await count(sql`select count(*)::int as n from ${persons} p
        where p.village_code is null or left(p.village_code, 6) <> p.area_code
           or not exists (select 1 from area a where a.code = p.village_code and a.level = 'village')`),
    ).toBe(0);
    const all = await count(sql`select count(*)::int as n from ${persons}`);
    const pilot = await count(
      sql`select count(*)::int as n from ${persons} where area_code = ${PILOT_SUBDISTRICT}`,
    );
    expect(pilot / all).toBeGreaterThan(0.55);
    // And the others are spread over every other subdistrict of the district.
    expect(await count(sql`select count(distinct area_code)::int as n from ${persons}`)).toBe(11);
  });

  it("keeps every household's members in the household's village, with one head", async () => {
    expect(
      await count(sql`select count(*)::int as n from ${persons} p join ${households} h on h.id = p.household_id
        where p.village_code <> h.village_code or p.area_code <> h.area_code or p.house_no <> h.house_no`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from ${persons} where household_id is null`)).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from ${households} h
        where (select count(*) from ${persons} p where p.household_id = h.id and p.relation_to_head = 'head') <> 1
           or not exists (select 1 from ${persons} p where p.id = h.head_person_id and p.household_id = h.id
                          and p.relation_to_head = 'head')`),
    ).toBe(0);
  });

  it('stores national IDs only through the vault: they decrypt, match their hash and pass the check digit', async () => {
    const rows = await db()
      .select({
        idType: persons.idType,
        enc: persons.nationalIdEnc,
        hash: persons.nationalIdHash,
        reason: persons.noIdReason,
      })
      .from(persons);
    const withId = rows.filter((r) => r.enc !== null);
    expect(withId.length / rows.length).toBeGreaterThan(0.7);
    expect(withId.length).toBeLessThan(rows.length);
    for (const r of withId) {
      const id = vault.decrypt(r.enc!);
      expect(r.enc).not.toContain(id);
      expect(isValidNationalId(id)).toBe(true);
      expect(r.idType).toBe('thai_id');
      expect(r.hash).toBe(vault.lookupHash('thai_id', id));
    }
    for (const r of rows.filter((x) => x.enc === null)) {
      expect(r).toMatchObject({ idType: 'none', hash: null });
      expect(r.reason?.length).toBeGreaterThan(3);
    }
    expect(new Set(withId.map((r) => r.hash)).size).toBe(withId.length);
  });

  it('has a realistic mix: every vulnerability type, an elder-heavy pyramid, mostly universal coverage', async () => {
    const rows = await db().select().from(persons);
    const share = (test: (p: (typeof rows)[number]) => boolean) => rows.filter(test).length / rows.length;
    const has = (type: string) => (p: (typeof rows)[number]) => p.vulnerability.includes(type);
    for (const type of [
      'bedbound',
      'disabled',
      'chronic_illness',
      'poor',
      'child_orphan',
      'pregnant',
      'living_alone',
    ]) {
      expect(rows.some(has(type)), type).toBe(true);
    }
    // Elderly is computed from age, never stored.
    expect(rows.some(has('elderly'))).toBe(false);
    const elders = share((p) => p.birthDate <= '1966-06-01');
    expect(elders).toBeGreaterThan(0.2);
    expect(elders).toBeLessThan(0.35);
    expect(share((p) => p.healthCoverage === 'universal')).toBeGreaterThan(0.7);
    expect(share(has('poor'))).toBeGreaterThan(0.1);
    expect(share(has('chronic_illness'))).toBeGreaterThan(0.1);
    for (const p of rows) {
      if (p.vulnerability.includes('disabled')) expect(p.disabilityTypes.length).toBeGreaterThan(0);
      if (p.vulnerability.includes('chronic_illness')) expect(p.chronicConditions.length).toBeGreaterThan(0);
      if (p.vulnerability.includes('pregnant')) expect(p.sex).toBe('female');
      if (p.vulnerability.includes('living_alone'))
        expect(rows.filter((o) => o.householdId === p.householdId)).toHaveLength(1);
      expect(p.firstName).toMatch(/^[\u0E00-\u0E7F]+$/);
      expect(p.lastName).toMatch(/^[\u0E00-\u0E7F]+$/);
    }
    // A caregiver at home is a link to that person, in the same household.
    const byId = new Map(rows.map((p) => [p.id, p]));
    const linked = rows.filter((p) => (p.caregiver as { personId?: string } | null)?.personId);
    expect(linked.length).toBeGreaterThan(0);
    for (const p of linked) {
      const carer = byId.get((p.caregiver as { personId: string }).personId);
      expect(carer?.householdId).toBe(p.householdId);
    }
  });

  it('records consent to collect for most and to share within a group for many, and one revision each', async () => {
    const all = await count(sql`select count(*)::int as n from ${persons}`);
    const collect = await count(
      sql`select count(distinct person_id)::int as n from ${consents} where purpose = 'collect' and granted`,
    );
    const share = await count(
      sql`select count(distinct person_id)::int as n from ${consents} where purpose = 'share_group' and granted`,
    );
    expect(collect / all).toBeGreaterThan(0.8);
    expect(share / all).toBeGreaterThan(0.3);
    expect(
      await count(sql`select count(*)::int as n from ${consents} where method = 'paper'`),
    ).toBeGreaterThan(collect / 2);
    expect(
      await count(sql`select count(*)::int as n from ${consents} c join ${persons} p on p.id = c.person_id
        where c.area_code <> p.area_code or c.recorded_at > now()`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from ${personRevisions} r
        where r.version <> 1 or r.source not in ('import', 'staff')`),
    ).toBe(0);
    expect(await count(sql`select count(distinct person_id)::int as n from ${personRevisions}`)).toBe(all);
    expect(await count(sql`select count(*)::int as n from ${personRevisions}`)).toBe(all);
  });
});

describe('through the API', () => {
  const password = (username: string) => accounts.find((a) => a.username === username)!.password;

  it('shows demo.volunteer the people of their village, IDs masked, and paginates', async () => {
    const volunteer = await login(t, 'demo.volunteer', password('demo.volunteer'));
    const inVillage = await count(
      sql`select count(*)::int as n from ${persons} where village_code = '90150801'`,
    );
    expect(inVillage).toBeGreaterThan(50);
    const seen: { address: { villageCode: string }; nationalId: string | null }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const url: string = `/api/v1/persons?limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await volunteer.request({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: typeof seen; nextCursor: string | null };
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(inVillage);
    for (const p of seen) {
      expect(p.address.villageCode).toBe('90150801');
      if (p.nationalId) expect(p.nationalId).toMatch(/^x-xxxx-xxxxx-\d\d-\d$/);
    }

    const elders = await volunteer.request({
      method: 'GET',
      url: '/api/v1/persons?vulnerability=elderly&limit=500',
    });
    expect(elders.statusCode).toBe(200);
    const items = elders.json().items as { vulnerability: string[]; age: number }[];
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) {
      expect(p.vulnerability).toContain('elderly');
      expect(p.age).toBeGreaterThanOrEqual(60);
    }
  });

  it('shows demo.admin the whole pilot subdistrict with full, valid IDs, and finds people by Thai name', async () => {
    const admin = await login(t, 'demo.admin', password('demo.admin'));
    const res = await admin.request({ method: 'GET', url: '/api/v1/persons?limit=500' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      firstName: string;
      lastName: string;
      nationalId: string | null;
      nationalIdMasked: boolean;
      address: { areaCode: string };
      consent: { collect: boolean };
    }[];
    expect(items.length).toBe(
      await count(sql`select count(*)::int as n from ${persons} where area_code = '901508'`),
    );
    for (const p of items) {
      expect(p.address.areaCode).toBe('901508');
      if (p.nationalId) {
        expect(p.nationalIdMasked).toBe(false);
        expect(isValidNationalId(p.nationalId)).toBe(true);
      }
    }
    expect(items.filter((p) => p.consent.collect).length).toBeGreaterThan(items.length * 0.8);
    const someone = items[0]!;
    const found = await admin.request({
      method: 'GET',
      url: `/api/v1/persons?q=${encodeURIComponent(`${someone.firstName} ${someone.lastName}`)}`,
    });
    expect(found.statusCode).toBe(200);
    expect(
      (found.json().items as { firstName: string }[]).some((p) => p.firstName === someone.firstName),
    ).toBe(true);
  });
});
