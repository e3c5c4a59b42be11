import { randomBytes } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument, scoreResponse } from '../src/core/instruments/index.ts';
import { bangkokMonth, shiftMonth } from '../src/core/screenings/month.ts';
import { screenings, users } from '../src/server/db/schema.ts';
import { NationalIdVault } from '../src/server/modules/persons/nationalIdVault.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import { DEMO_SCREENING_MONTHS, demoAnswerSeries, demoUuid } from '../src/server/seed/demoScreenings.ts';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
const today = new Date();

beforeAll(async () => {
  t = await createTestApp();
  const vault = new NationalIdVault(randomBytes(32).toString('hex'));
  if (!(await seedDemo(t.database.db, vault))) throw new Error('the demo was already seeded');
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;
const rowsOf = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
  const res = (await db().execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
};
const count = async (query: ReturnType<typeof sql>) =>
  Number((await rowsOf<{ n: number }>(query))[0]?.n ?? Number.NaN);

describe('the demo screenings', () => {
  it('are the same every time they are built', () => {
    expect(demoAnswerSeries('someone')).toEqual(demoAnswerSeries('someone'));
    expect(demoUuid('a')).toBe(demoUuid('a'));
    expect(demoUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('give about 300 people of 40+ one wellbeing20 a month for 12 months, quickly', async () => {
    const people = await count(sql`select count(distinct person_id)::int as n from ${screenings}`);
    const total = await count(sql`select count(*)::int as n from ${screenings}`);
    expect(people).toBeGreaterThanOrEqual(200);
    expect(people).toBeLessThanOrEqual(330);
    expect(total).toBe(people * DEMO_SCREENING_MONTHS);
    const months = (
      await rowsOf<{ m: string }>(sql`select distinct taken_month as m from ${screenings} order by 1`)
    ).map((r) => r.m);
    const last = bangkokMonth(today);
    expect(months).toEqual(
      Array.from({ length: DEMO_SCREENING_MONTHS }, (_, i) =>
        shiftMonth(last, i - DEMO_SCREENING_MONTHS + 1),
      ),
    );
    // One per person and month, each in the month it counts for (Bangkok time), none in the future.
    expect(
      await count(sql`select count(*)::int as n from (select person_id, taken_month from ${screenings}
        group by 1, 2 having count(*) > 1) d`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from ${screenings}
        where taken_month <> to_char(taken_at at time zone 'Asia/Bangkok', 'YYYY-MM') or taken_at > now()`),
    ).toBe(0);
    // Aged 40 by Bangkok's date, as the seed counts (the database's current_date is UTC's: a day
    // behind Bangkok's from 17:00 UTC).
    expect(
      await count(sql`select count(*)::int as n from ${screenings} s join person p on p.id = s.person_id
        where s.area_code <> p.area_code
           or p.birth_date > ((now() at time zone 'Asia/Bangkok')::date - interval '40 years')::date`),
    ).toBe(0);
  });

  it('were taken by demo.volunteer as volunteer visits, with distinct client ids and no alerts', async () => {
    const [volunteer] = await db()
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.username} = 'demo.volunteer'`);
    expect(
      await count(sql`select count(*)::int as n from ${screenings}
        where method <> 'volunteer' or taken_by is distinct from ${volunteer!.id} or instrument <> 'wellbeing20'
           or version <> 1 or revision <> 1 or client_id is null`),
    ).toBe(0);
    expect(await count(sql`select count(distinct client_id)::int as n from ${screenings}`)).toBe(
      await count(sql`select count(*)::int as n from ${screenings}`),
    );
    expect(await count(sql`select count(*)::int as n from alert`)).toBe(0);
  });

  it('store what the engine scores from the stored answers (a sample of 50)', async () => {
    const definition = getInstrument('wellbeing20')!;
    const all = await db().select().from(screenings).orderBy(asc(screenings.clientId));
    const step = Math.floor(all.length / 50);
    for (let i = 0; i < 50; i++) {
      const row = all[i * step]!;
      const outcome = scoreResponse(definition, row.answers as Record<string, unknown>);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      expect(row.scores).toEqual(outcome.scored.scores);
      expect(row.levels).toEqual(outcome.scored.levels);
      expect(row.results).toEqual(outcome.scored.results);
      expect(row.flags).toEqual(outcome.scored.flags);
      expect(row.followUps).toEqual(outcome.scored.followUps);
    }
  });

  it('show people getting worse, people getting better, most stable, and a few red flags', async () => {
    const change = await rowsOf<{ person_id: string; first: number; last: number }>(sql`
      select f.person_id, (f.scores->>'total')::int as first, (l.scores->>'total')::int as last
      from ${screenings} f join ${screenings} l on l.person_id = f.person_id
      where f.taken_month = (select min(taken_month) from ${screenings})
        and l.taken_month = (select max(taken_month) from ${screenings})`);
    const worse = change.filter((c) => c.last >= c.first + 3).length;
    const better = change.filter((c) => c.last <= c.first - 3).length;
    const stable = change.filter((c) => Math.abs(c.last - c.first) <= 2).length;
    expect(worse).toBeGreaterThan(change.length * 0.05);
    expect(better).toBeGreaterThan(change.length * 0.05);
    expect(stable).toBeGreaterThan(change.length / 2);

    const flagged = await rowsOf<{ flag: string; n: number }>(
      sql`select unnest(flags) as flag, count(distinct person_id)::int as n from ${screenings} group by 1`,
    );
    const people = flagged.reduce((sum, f) => sum + f.n, 0);
    expect(people).toBeGreaterThanOrEqual(3);
    expect(people).toBeLessThan(change.length * 0.25);
    expect(
      flagged.every((f) => ['depressed_mood', 'hunger', 'possible_abuse', 'unsafe_home'].includes(f.flag)),
    ).toBe(true);
    console.info(
      `demo trends: ${worse} worse, ${better} better, ${stable} stable of ${change.length}; flags ${JSON.stringify(flagged)}`,
    );
  });
});
