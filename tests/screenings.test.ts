import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getInstrument,
  type InstrumentDefinition,
  instruments,
  scoreResponse,
} from '../src/core/instruments/index.ts';
import { answersScoring, answersWith } from '../src/core/instruments/testSupport.ts';
import { alerts, auditLog, persons, screeningRevisions, screenings } from '../src/server/db/schema.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Client;
let volunteer: Client;
let outsider: Client;
let operator: Client;

const W20 = getInstrument('wellbeing20')!;
const green = answersWith(W20);

beforeAll(async () => {
  t = await createTestApp();
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  outsider = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;
});
afterAll(() => t.close());

/** Registers someone through the API, then backdates the registration (set-up for month arithmetic). */
async function register(c: Client, areaCode = '901508', birthDate = '1950-04-13'): Promise<string> {
  const res = await c.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      idType: 'none',
      noIdReason: 'ไม่มีบัตร',
      firstName: `ทดสอบ${randomUUID().slice(0, 6)}`,
      lastName: `คัดกรอง${randomUUID().slice(0, 6)}`,
      sex: 'female',
      birthDate,
      address: { areaCode },
      confirmNotDuplicate: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  await t.database.db.update(persons).set({ createdAt: '2025-01-01T00:00:00Z' }).where(eq(persons.id, id));
  return id;
}

const screen = (c: Client, personId: string, body: Record<string, unknown>, lang?: string) =>
  c.request({
    method: 'POST',
    url: `/api/v1/persons/${personId}/screenings`,
    payload: { instrument: 'wellbeing20', takenAt: '2026-11-02T03:00:00Z', clientId: randomUUID(), ...body },
    headers: lang ? { 'accept-language': lang } : {},
  });

const get = (c: Client, url: string) => c.request({ method: 'GET', url });

/** Answers a little above the lowest: 3 points on the dimension where it can be reached, else 1. */
function reachable(definition: InstrumentDefinition, dimension: string) {
  for (const target of [3, 1]) {
    try {
      return answersScoring(definition, dimension, target);
    } catch {
      // not reachable with this instrument's weights: try less
    }
  }
  return answersWith(definition);
}

const countRows = async () => (await t.database.db.select({ id: screenings.id }).from(screenings)).length;

describe('instrument definitions for phones', () => {
  it('lists the current definitions, every version with ?all=true, and one by code', async () => {
    const current = await get(volunteer, '/api/v1/instruments');
    expect(current.statusCode).toBe(200);
    expect(current.json().items.map((d: { code: string }) => d.code)).toEqual(instruments.map((d) => d.code));
    const all = await get(volunteer, '/api/v1/instruments?all=true');
    expect(all.json().items.length).toBeGreaterThanOrEqual(instruments.length);
    const one = await get(volunteer, '/api/v1/instruments/9q?version=1');
    expect(one.json()).toEqual(JSON.parse(JSON.stringify(getInstrument('9q', 1))));
    expect((await get(volunteer, '/api/v1/instruments/9q?version=99')).statusCode).toBe(404);
    expect((await get(volunteer, '/api/v1/instruments/nothing')).statusCode).toBe(404);
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/instruments' })).statusCode).toBe(401);
  });
});

describe('capturing a screening', () => {
  let personId: string;
  beforeAll(async () => {
    personId = await register(volunteer, '901508');
  });

  it('stores the scores, levels, results and flags the engine gives for the same answers', async () => {
    const answers = { ...green, H1: 1, H2: 2, E1: 2, E2: 2, E3: 2, S3: 1, V4: 1 };
    const expected = scoreResponse(W20, answers);
    if (!expected.ok) throw new Error('test answers must be valid');
    const res = await screen(volunteer, personId, { answers, takenAt: '2026-11-02T03:00:00Z' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      personId,
      instrument: 'wellbeing20',
      version: W20.version,
      takenAt: '2026-11-02T03:00:00.000Z',
      takenMonth: '2026-11',
      answers,
      method: 'volunteer',
      takenBy: volunteer.userId,
      revision: 1,
      revisionReason: null,
    });
    expect(body.scores).toEqual(expected.scored.scores);
    expect(body.levels).toEqual(expected.scored.levels);
    expect(body.results).toEqual(expected.scored.results);
    expect(body.flags).toEqual(expected.scored.flags);
    expect(body.followUps).toEqual(expected.scored.followUps);
    expect(body.levels.economy).toBe('red');

    const [row] = await t.database.db.select().from(screenings).where(eq(screenings.id, body.id));
    expect(row).toMatchObject({
      areaCode: '901508',
      version: W20.version,
      takenMonth: '2026-11',
      scores: expected.scored.scores,
      levels: expected.scored.levels,
      flags: expected.scored.flags,
    });
  });

  it.each(instruments.map((d) => [d.code, d] as const))(
    '%s: stored exactly as the engine scores it',
    async (code, definition) => {
      const sum = definition.scoring.dimensions.find((d) => d.score.kind === 'sum');
      const answers = sum ? reachable(definition, sum.code) : answersWith(definition);
      if (code === 'nutrition') Object.assign(answers, { weight: 42, height: 155 });
      const expected = scoreResponse(definition, answers);
      if (!expected.ok) throw new Error(`${code}: ${JSON.stringify(expected.errors)}`);
      const res = await screen(admin, personId, { instrument: code, answers });
      expect(res.statusCode, res.body).toBe(201);
      const { scores, levels, results, flags, followUps, version, method } = res.json();
      expect({ scores, levels, results, flags, followUps }).toEqual(expected.scored);
      expect(version).toBe(definition.version);
      expect(method).toBe('staff');
    },
  );

  it('keeps the version it was taken with, and refuses a version that was never published', async () => {
    const res = await screen(volunteer, personId, { answers: green, version: 1 });
    expect(res.json().version).toBe(1);
    const bad = await screen(volunteer, personId, { answers: green, version: 99 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['version']);
  });

  it('records how it was taken', async () => {
    const res = await screen(volunteer, personId, { answers: green, method: 'self' });
    expect(res.json().method).toBe('self');
  });

  it('lists a person’s screenings newest first, by instrument, a page at a time', async () => {
    const all = (await get(volunteer, `/api/v1/persons/${personId}/screenings?limit=500`)).json();
    const times = all.items.map((s: { takenAt: string }) => s.takenAt);
    expect(times).toEqual([...times].sort().reverse());
    const mine = (
      await get(volunteer, `/api/v1/persons/${personId}/screenings?instrument=wellbeing20`)
    ).json();
    expect(mine.items.length).toBe(4);
    expect(mine.items.every((s: { instrument: string }) => s.instrument === 'wellbeing20')).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await get(volunteer, `/api/v1/persons/${personId}/screenings?limit=3${q}`)).json();
      seen.push(...page.items.map((s: { id: string }) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((s: { id: string }) => s.id));
  });
});

describe('bad answers are refused naming the item, and nothing is stored', () => {
  let personId: string;
  beforeAll(async () => {
    personId = await register(volunteer, '901508', '1990-06-15');
  });
  const { H3: _dropped, ...withoutH3 } = green;
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown item', { answers: { ...green, H9: 1 } }, 'answers.H9'],
    ['a value out of range', { answers: { ...green, H1: 3 } }, 'answers.H1'],
    ['a required item missing', { answers: withoutH3 }, 'answers.H3'],
    ['a required item sent as null', { answers: { ...green, H3: null } }, 'answers.H3'],
    ['a yes/no for a choice', { answers: { ...green, H2: true } }, 'answers.H2'],
    ['a string for a choice', { answers: { ...green, H2: '1' } }, 'answers.H2'],
    [
      'a number beyond the measure',
      { instrument: 'nutrition', answers: { weight: 400, height: 160, weight_loss: false } },
      'answers.weight',
    ],
    [
      'an answer the skip logic hides',
      { instrument: '8q', answers: { ...answersWith(getInstrument('8q')!), q3a: 8 } },
      'answers.q3a',
    ],
    ['a future time', { answers: green, takenAt: new Date(Date.now() + 86400_000).toISOString() }, 'takenAt'],
    ['a time before birth', { answers: green, takenAt: '1990-06-14T10:00:00Z' }, 'takenAt'],
    ['a time without a zone', { answers: green, takenAt: '2026-11-02T10:00:00' }, 'takenAt'],
    ['an unknown instrument', { instrument: 'phq9', answers: green }, 'instrument'],
    ['no clientId', { answers: green, clientId: undefined }, 'clientId'],
  ];

  it.each(cases)('%s', async (_name, body, path) => {
    const before = await countRows();
    const alertsBefore = (await t.database.db.select().from(alerts)).length;
    const res = await screen(volunteer, personId, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await countRows()).toBe(before);
    expect((await t.database.db.select().from(alerts)).length).toBe(alertsBefore);
  });

  it('names every wrong item at once', async () => {
    const res = await screen(volunteer, personId, { answers: { ...withoutH3, H1: 5, X1: 0 } });
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['answers.H1', 'answers.H3', 'answers.X1']));
  });

  it('says what is wrong in Thai by default and in English on request', async () => {
    const th = await screen(volunteer, personId, { answers: withoutH3 });
    expect(th.json().errors[0]).toEqual({ path: 'answers.H3', message: 'ต้องตอบข้อ H3' });
    const en = await screen(volunteer, personId, { answers: { ...green, H1: 3 } }, 'en');
    expect(en.json().errors[0].message).toBe('The answer to H1 is not one of its options (0, 1, 2)');
    const range = await screen(
      volunteer,
      personId,
      { instrument: 'nutrition', answers: { weight: 400, height: 160, weight_loss: false } },
      'en',
    );
    expect(range.json().errors[0].message).toBe('The answer to weight must be between 20 and 250');
  });
});

describe('a retry with the same clientId', () => {
  let personId: string;
  beforeAll(async () => {
    personId = await register(volunteer);
  });

  it('returns the stored screening with 200, never a duplicate', async () => {
    const clientId = randomUUID();
    const first = await screen(volunteer, personId, { answers: green, clientId });
    const again = await screen(volunteer, personId, { answers: { ...green, H1: 2 }, clientId });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const rows = await t.database.db.select().from(screenings).where(eq(screenings.clientId, clientId));
    expect(rows).toHaveLength(1);
  });

  it('holds under a race: one 201, the rest 200, one row', async () => {
    const clientId = randomUUID();
    const all = await Promise.all(
      Array.from({ length: 6 }, () => screen(volunteer, personId, { answers: green, clientId })),
    );
    const codes = all.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(all.map((r) => r.json().id)).size).toBe(1);
    const rows = await t.database.db.select().from(screenings).where(eq(screenings.clientId, clientId));
    expect(rows).toHaveLength(1);
  });

  it('is a conflict when the clientId was used for another person', async () => {
    const clientId = randomUUID();
    await screen(volunteer, personId, { answers: green, clientId });
    const other = await register(volunteer);
    const res = await screen(volunteer, other, { answers: green, clientId });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('clientId');
  });
});

describe('corrections keep the history', () => {
  let personId: string;
  let id: string;
  beforeAll(async () => {
    personId = await register(volunteer);
    id = (await screen(volunteer, personId, { answers: green })).json().id;
  });

  const revise = (c: Client, body: Record<string, unknown>) =>
    c.request({ method: 'POST', url: `/api/v1/screenings/${id}/revisions`, payload: body });

  it('a correction is rescored with the same version and the old revision stays readable', async () => {
    const clientId = randomUUID();
    const res = await revise(volunteer, { answers: { ...green, E5: 2 }, reason: 'กรอกผิดข้อ E5', clientId });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      id,
      revision: 2,
      version: 1,
      revisionReason: 'กรอกผิดข้อ E5',
      revisedBy: volunteer.userId,
      flags: ['hunger'],
      answers: { ...green, E5: 2 },
    });
    expect(body.levels.economy).toBe('red');
    expect(body.revisions).toHaveLength(1);
    expect(body.revisions[0]).toMatchObject({ revision: 1, answers: green, flags: [], reason: null });
    expect(body.revisions[0].levels.economy).toBe('green');

    const again = await revise(volunteer, { answers: { ...green, E5: 2 }, reason: 'กรอกผิดข้อ E5', clientId });
    expect(again.statusCode).toBe(200);
    expect(again.json().revision).toBe(2);

    const detail = (await get(admin, `/api/v1/screenings/${id}`)).json();
    expect(detail.revision).toBe(2);
    expect(detail.revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);
    const kept = await t.database.db
      .select()
      .from(screeningRevisions)
      .where(eq(screeningRevisions.screeningId, id));
    expect(kept).toHaveLength(1);
  });

  it('a new red flag from a correction alerts the area admin', async () => {
    const rows = await t.database.db.select().from(alerts).where(eq(alerts.screeningId, id));
    expect(rows.map((r) => r.flag)).toContain('hunger');
  });

  it('a second correction keeps both earlier revisions, newest first', async () => {
    const res = await revise(admin, { answers: { ...green, E5: 1 }, reason: 'ตรวจสอบอีกครั้ง' });
    expect(res.statusCode).toBe(201);
    expect(res.json().revision).toBe(3);
    expect(res.json().revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(res.json().revisions[0]).toMatchObject({ reason: 'กรอกผิดข้อ E5', madeBy: volunteer.userId });
  });

  it('bad answers or no reason change nothing', async () => {
    const bad = await revise(volunteer, { answers: { ...green, S2: 7 }, reason: 'แก้ไข' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('answers.S2');
    const noReason = await revise(volunteer, { answers: green });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    expect((await get(volunteer, `/api/v1/screenings/${id}`)).json().revision).toBe(3);
  });

  it('someone from another area gets 404, for the screening and the person’s list', async () => {
    expect((await revise(outsider, { answers: green, reason: 'ไม่ควรได้' })).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/screenings/${id}`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/persons/${personId}/screenings`)).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/persons/${personId}/screenings/timeline`)).statusCode).toBe(404);
    expect((await screen(outsider, personId, { answers: green })).statusCode).toBe(404);
    expect((await get(outsider, `/api/v1/screenings/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('the monthly due list, in Bangkok time', () => {
  // Subdistrict 901509 is used by this block only, so its list holds exactly these people.
  let dueAdmin: Client;
  let dueVolunteer: Client;
  let otherVolunteer: Client;
  const ids: Record<string, string> = {};

  const due = async (c: Client, query: string) => {
    const res = await get(c, `/api/v1/screenings/due?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      month: string;
      items: {
        personId: string;
        overdue: boolean;
        due: { instrument: string; reason: string; overdue: boolean }[];
      }[];
      nextCursor: string | null;
    };
  };
  const entry = (list: Awaited<ReturnType<typeof due>>, who: string) =>
    list.items.find((i) => i.personId === ids[who]);
  const instrumentsDue = (list: Awaited<ReturnType<typeof due>>, who: string) =>
    entry(list, who)?.due.map((d) => d.instrument) ?? [];

  beforeAll(async () => {
    dueAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901509'] })).client;
    dueVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901509'] })).client;
    otherVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901509'] })).client;
    for (const who of ['early', 'late', 'never', 'mood', 'twoQ', 'registeredLate']) {
      ids[who] = await register(dueAdmin, '901509');
    }
    // 01:30 on 1 November in Bangkok: November's.
    await screen(dueVolunteer, ids.early!, { answers: green, takenAt: '2026-10-31T18:30:00Z' });
    // 23:30 on 31 October in Bangkok: October's.
    await screen(dueVolunteer, ids.late!, { answers: green, takenAt: '2026-10-31T16:30:00Z' });
    await screen(dueVolunteer, ids.mood!, { answers: { ...green, H3: 2 }, takenAt: '2026-11-05T02:00:00Z' });
    await screen(dueVolunteer, ids.twoQ!, {
      instrument: '2q',
      answers: { q1: true, q2: false },
      takenAt: '2026-11-02T02:00:00Z',
    });
    await t.database.db
      .update(persons)
      .set({ createdAt: '2026-11-10T00:00:00Z' })
      .where(eq(persons.id, ids.registeredLate!));
  });

  it('a screening at 2026-10-31T18:30Z counts for November, one at 16:30Z for October', async () => {
    const rows = await t.database.db
      .select({ personId: screenings.personId, month: screenings.takenMonth })
      .from(screenings)
      .where(inArray(screenings.personId, [ids.early!, ids.late!]));
    expect(Object.fromEntries(rows.map((r) => [r.personId, r.month]))).toEqual({
      [ids.early!]: '2026-11',
      [ids.late!]: '2026-10',
    });
    const november = await due(dueAdmin, 'month=2026-11');
    expect(entry(november, 'early')).toBeUndefined();
    expect(instrumentsDue(november, 'late')).toEqual(['wellbeing20']);
    const october = await due(dueAdmin, 'month=2026-10');
    expect(instrumentsDue(october, 'early')).toEqual(['wellbeing20']);
    expect(entry(october, 'late')).toBeUndefined();
  });

  it('marks overdue when last month was missed too, not for someone registered this month', async () => {
    const november = await due(dueAdmin, 'month=2026-11');
    expect(entry(november, 'never')).toMatchObject({ overdue: true });
    expect(entry(november, 'late')).toMatchObject({ overdue: false });
    expect(entry(november, 'registeredLate')).toMatchObject({ overdue: false });
    const december = await due(dueAdmin, 'month=2026-12');
    expect(entry(december, 'late')).toMatchObject({ overdue: true });
    expect(entry(december, 'early')).toMatchObject({ overdue: false });
    const october = await due(dueAdmin, 'month=2026-10');
    expect(entry(october, 'registeredLate')).toBeUndefined();
  });

  it('9Q is due after a positive 2Q and after H3 = 2, 8Q after a 9Q of 7 or more, until done', async () => {
    let november = await due(dueAdmin, 'month=2026-11');
    expect(entry(november, 'twoQ')!.due).toContainEqual({
      instrument: '9q',
      reason: 'depression_screen_positive',
      overdue: false,
      screeningId: expect.any(String),
      since: '2026-11-02T02:00:00.000Z',
    });
    expect(instrumentsDue(november, 'mood')).toEqual(['9q']);

    const nineQ = answersScoring(getInstrument('9q')!, 'depression', 7);
    const r9 = await screen(dueVolunteer, ids.twoQ!, {
      instrument: '9q',
      answers: nineQ,
      takenAt: '2026-11-03T02:00:00Z',
    });
    expect(r9.json().scores.depression).toBe(7);
    november = await due(dueAdmin, 'month=2026-11');
    expect(instrumentsDue(november, 'twoQ')).toEqual(['wellbeing20', '8q']);

    const none9 = answersScoring(getInstrument('9q')!, 'depression', 6);
    await screen(dueVolunteer, ids.mood!, {
      instrument: '9q',
      answers: none9,
      takenAt: '2026-11-06T02:00:00Z',
    });
    november = await due(dueAdmin, 'month=2026-11');
    expect(entry(november, 'mood')).toBeUndefined();

    // Still owed in December, now overdue; done on 4 December, it is no longer due.
    const december = await due(dueAdmin, 'month=2026-12');
    expect(entry(december, 'twoQ')!.due.find((d) => d.instrument === '8q')).toMatchObject({ overdue: true });
    await screen(dueVolunteer, ids.twoQ!, {
      instrument: '8q',
      answers: answersWith(getInstrument('8q')!),
      takenAt: '2026-11-04T02:00:00Z',
    });
    november = await due(dueAdmin, 'month=2026-11');
    expect(instrumentsDue(november, 'twoQ')).toEqual(['wellbeing20']);
  });

  it('assignee=me lists the people I screen; another volunteer has none of them', async () => {
    const mine = await due(dueVolunteer, 'month=2026-11&assignee=me');
    expect(mine.items.map((i) => i.personId).sort()).toEqual([ids.late!, ids.twoQ!].sort());
    const theirs = await due(otherVolunteer, 'month=2026-11&assignee=me');
    expect(theirs.items).toEqual([]);
  });

  it('pages through the list', async () => {
    const whole = await due(dueAdmin, 'month=2026-11&limit=500');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await due(dueAdmin, `month=2026-11&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.personId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(whole.items.map((i) => i.personId));
    expect(seen.length).toBe(4);
  });

  it('shows nobody outside the actor’s areas; an unknown group is 404, a malformed one 400', async () => {
    const elsewhere = await due(outsider, 'month=2026-11');
    expect(elsewhere.items.filter((i) => Object.values(ids).includes(i.personId))).toEqual([]);
    const filtered = await due(dueAdmin, 'month=2026-11&area=901508');
    expect(filtered.items).toEqual([]);
    const unknown = await get(dueAdmin, `/api/v1/screenings/due?group=${randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    const malformed = await get(dueAdmin, '/api/v1/screenings/due?group=pa-khad');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('query.group');
    const badMonth = await get(dueAdmin, '/api/v1/screenings/due?month=2026-13');
    expect(badMonth.statusCode).toBe(400);
  });
});

describe('change over time', () => {
  let personId: string;
  let neighbour: string;
  beforeAll(async () => {
    personId = await register(volunteer);
    neighbour = await register(volunteer);
    const at = (takenAt: string, answers: Record<string, unknown>, who = personId) =>
      screen(volunteer, who, { answers, takenAt });
    await at('2026-08-10T03:00:00Z', green);
    await at('2026-09-03T03:00:00Z', { ...green, E1: 1 });
    // The latest of September counts for September: health red.
    await at('2026-09-20T03:00:00Z', { ...green, H1: 2, H2: 2, H4: 2 });
    await at('2026-10-05T03:00:00Z', { ...green, H1: 1, E1: 2, E2: 2 });
    await at('2026-09-20T03:00:00Z', green, neighbour);
    await at('2026-10-05T03:00:00Z', { ...green, V1: 1 }, neighbour);
    await screen(volunteer, personId, {
      instrument: 'adl_barthel',
      answers: answersScoring(
        getInstrument('adl_barthel')!,
        getInstrument('adl_barthel')!.scoring.dimensions[0]!.code,
        10,
      ),
      takenAt: '2025-06-01T03:00:00Z',
    });
    await screen(volunteer, personId, {
      instrument: 'adl_barthel',
      answers: answersScoring(
        getInstrument('adl_barthel')!,
        getInstrument('adl_barthel')!.scoring.dimensions[0]!.code,
        20,
      ),
      takenAt: '2026-06-01T03:00:00Z',
    });
  });

  it('the timeline has one point per month, Buddhist-era years, elders by year and change badges', async () => {
    const res = await get(volunteer, `/api/v1/persons/${personId}/screenings/timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(body.months.map((m: { yearBE: number }) => m.yearBE)).toEqual([2569, 2569, 2569]);
    expect(body.months[1].scores).toMatchObject({ health: 6, economy: 0, total: 6 });
    expect(body.months[1].levels.health).toBe('red');
    expect(body.change).toEqual({ health: 'better', economy: 'worse', society: 'same', environment: 'same' });
    expect(body.scoreChange).toEqual({
      health: 'better',
      economy: 'worse',
      society: 'same',
      environment: 'same',
    });
    expect(
      body.elders.map((e: { instrument: string; year: number; yearBE: number }) => [
        e.instrument,
        e.year,
        e.yearBE,
      ]),
    ).toEqual([
      ['adl_barthel', 2025, 2568],
      ['adl_barthel', 2026, 2569],
    ]);
    expect(body.elders[1].results[0].code).toBe('social_bound');
  });

  it('lists who got worse this month, and why', async () => {
    const october = await get(admin, '/api/v1/screenings/worse?month=2026-10');
    expect(october.statusCode, october.body).toBe(200);
    const item = october.json().items.find((i: { personId: string }) => i.personId === personId);
    expect(item).toMatchObject({ worse: ['economy'], previousTakenAt: '2026-09-20T03:00:00.000Z' });
    expect(october.json().items.find((i: { personId: string }) => i.personId === neighbour)).toBeUndefined();
    const september = (await get(admin, '/api/v1/screenings/worse?month=2026-09')).json();
    expect(september.items.find((i: { personId: string }) => i.personId === personId).worse).toEqual([
      'health',
    ]);
    const elsewhere = (await get(outsider, '/api/v1/screenings/worse?month=2026-10')).json();
    expect(elsewhere.items).toEqual([]);
  });
});

describe('the batch from a phone back online', () => {
  let personId: string;
  let hiddenPerson: string;
  let storedClientId: string;
  beforeAll(async () => {
    personId = await register(volunteer);
    hiddenPerson = await register(operator, '901501');
    storedClientId = randomUUID();
    await screen(volunteer, personId, { answers: green, clientId: storedClientId });
  });

  it('each item stands alone: good, bad, repeated and invisible items in one batch', async () => {
    const item = (over: Record<string, unknown>) => ({
      personId,
      instrument: 'wellbeing20',
      answers: green,
      takenAt: '2026-11-10T03:00:00Z',
      clientId: randomUUID(),
      ...over,
    });
    const good = item({});
    const items = [
      good,
      item({ answers: { ...green, H9: 1 } }),
      { ...good },
      item({ personId: hiddenPerson }),
      item({ takenAt: undefined }),
      item({ clientId: storedClientId }),
      item({ instrument: '2q', answers: { q1: false, q2: false } }),
      item({ personId: randomUUID() }),
    ];
    const before = await countRows();
    const res = await volunteer.request({
      method: 'POST',
      url: '/api/v1/screenings/batch',
      payload: { items },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { results } = res.json();
    expect(results.map((r: { status: number }) => r.status)).toEqual([
      201, 400, 200, 404, 400, 200, 201, 404,
    ]);
    expect(results.map((r: { clientId: string }) => r.clientId)).toEqual(items.map((i) => i.clientId));
    expect(results[2].id).toBe(results[0].id);
    expect(results[1].errors).toEqual([{ path: 'answers.H9', message: 'ไม่มีข้อ H9 ในแบบคัดกรองนี้' }]);
    expect(results[4].errors[0].path).toBe('takenAt');
    expect(results[3].errors[0].path).toBe('personId');
    expect(results[3].id).toBeUndefined();
    expect(await countRows()).toBe(before + 2);

    const again = await volunteer.request({
      method: 'POST',
      url: '/api/v1/screenings/batch',
      payload: { items },
    });
    expect(again.json().results.map((r: { status: number }) => r.status)).toEqual([
      200, 400, 200, 404, 400, 200, 200, 404,
    ]);
    expect(await countRows()).toBe(before + 2);
  });

  it('stores plain items together and alerting ones alone, each with its audit row and alerts', async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      personId,
      instrument: 'wellbeing20',
      // Every fourth raises a red flag (S2 = 2: possible abuse).
      answers: i % 4 === 3 ? { ...green, S2: 2 } : { ...green, H1: i % 3 },
      takenAt: `2026-11-${String(i + 1).padStart(2, '0')}T03:00:00Z`,
      clientId: randomUUID(),
    }));
    const res = await volunteer.request({
      method: 'POST',
      url: '/api/v1/screenings/batch',
      payload: { items },
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as { status: number; id: string; clientId: string }[];
    expect(results.map((r) => r.status)).toEqual(items.map(() => 201));
    expect(results.map((r) => r.clientId)).toEqual(items.map((i) => i.clientId));
    const ids = results.map((r) => r.id);
    const rows = await t.database.db.select().from(screenings).where(inArray(screenings.id, ids));
    expect(rows).toHaveLength(12);
    for (const [i, item] of items.entries()) {
      const row = rows.find((r) => r.id === ids[i])!;
      expect(row.clientId).toBe(item.clientId);
      expect(row.answers).toEqual(item.answers);
      expect(row.takenAt).toMatch(new RegExp(`^2026-11-${String(i + 1).padStart(2, '0')}`));
    }
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'screening.create'), inArray(auditLog.entityId, ids)));
    expect(audits).toHaveLength(12);
    for (const a of audits) {
      const i = ids.indexOf(a.entityId!);
      expect(a).toMatchObject({
        actorId: volunteer.userId,
        areaCode: '901508',
        detail: { personId, instrument: 'wellbeing20', version: 1, alerts: i % 4 === 3 ? 2 : 0 },
      });
      expect(a.subjectIds).toEqual([personId]);
    }
    const raised = await t.database.db.select().from(alerts).where(inArray(alerts.screeningId, ids));
    expect(raised.map((r) => ids.indexOf(r.screeningId!)).sort((a, b) => a - b)).toEqual([
      3, 3, 7, 7, 11, 11,
    ]);
  });

  it('a batch racing single captures of the same clientIds stores each once', async () => {
    const items = Array.from({ length: 6 }, () => ({
      personId,
      instrument: 'wellbeing20',
      answers: green,
      takenAt: '2026-11-12T03:00:00Z',
      clientId: randomUUID(),
    }));
    const before = await countRows();
    const [batch, ...singles] = await Promise.all([
      volunteer.request({ method: 'POST', url: '/api/v1/screenings/batch', payload: { items } }),
      ...items.map(({ personId: _, ...body }) => screen(volunteer, personId, body)),
    ]);
    expect(batch!.statusCode, batch!.body).toBe(200);
    expect(await countRows()).toBe(before + items.length);
    const results = batch!.json().results as { status: number; id: string }[];
    for (const [i, single] of singles.entries()) {
      expect([200, 201]).toContain(single.statusCode);
      expect([200, 201]).toContain(results[i]!.status);
      // One of the two stored it, the other answered with the same screening.
      expect(results[i]!.status + single.statusCode).toBe(401);
      expect(results[i]!.id).toBe(single.json().id);
    }
  });

  it('refuses more than 200 items, or none', async () => {
    const items = Array.from({ length: 201 }, () => ({}));
    const res = await volunteer.request({
      method: 'POST',
      url: '/api/v1/screenings/batch',
      payload: { items },
    });
    expect(res.statusCode).toBe(400);
    const none = await volunteer.request({
      method: 'POST',
      url: '/api/v1/screenings/batch',
      payload: { items: [] },
    });
    expect(none.statusCode).toBe(400);
  });
});

describe('audit', () => {
  it('every read and write of screenings is audited with ids and counts, never answers', async () => {
    const personId = await register(volunteer);
    const s = (await screen(volunteer, personId, { answers: { ...green, S2: 2 } })).json();
    await get(admin, `/api/v1/screenings/${s.id}`);
    await get(admin, `/api/v1/persons/${personId}/screenings`);
    await get(admin, `/api/v1/persons/${personId}/screenings/timeline`);
    await admin.request({
      method: 'POST',
      url: `/api/v1/screenings/${s.id}/revisions`,
      payload: { answers: green, reason: 'แก้ไขตามที่ยืนยัน' },
    });
    await get(outsider, `/api/v1/screenings/${s.id}`);

    const rows = await t.database.db.select().from(auditLog).where(like(auditLog.action, 'screening.%'));
    const about = rows.filter((r) => r.entityId === s.id || r.entityId === personId);
    expect(about.map((r) => r.action).sort()).toEqual(
      [
        'screening.create',
        'screening.list',
        'screening.read',
        'screening.revise',
        'screening.timeline.read',
      ].sort(),
    );
    expect(about.find((r) => r.action === 'screening.create')).toMatchObject({
      actorId: volunteer.userId,
      areaCode: '901508',
      detail: { personId, instrument: 'wellbeing20', version: 1, alerts: 2 },
    });
    expect(about.every((r) => r.actorId !== outsider.userId)).toBe(true);
    for (const row of rows) {
      const text = JSON.stringify(row.detail);
      expect(text).not.toMatch(/"answers"|"H\d"|"S2"|"scores"|"levels"/);
    }
    const lists = rows.filter(
      (r) => r.action === 'screening.due.list' || r.action === 'screening.worse.list',
    );
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => typeof (r.detail as { count: unknown }).count === 'number')).toBe(true);
    const alertRows = await t.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.screeningId, s.id), eq(alerts.flag, 'possible_abuse')));
    expect(alertRows).toHaveLength(2);
  });
});

describe('the ADL result on the person', () => {
  const ADL = getInstrument('adl_barthel')!;
  const adl = (score: number) => answersScoring(ADL, 'adl', score);
  const screenAdl = (personId: string, score: number, takenAt: string) =>
    screen(volunteer, personId, { instrument: 'adl_barthel', answers: adl(score), takenAt });
  const personOf = async (personId: string) => {
    const res = await get(admin, `/api/v1/persons/${personId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { adlGroup: string | null; adlTakenAt: string | null; vulnerability: string[] };
  };
  const recorded = async (personId: string) =>
    (await t.database.db.select().from(persons).where(eq(persons.id, personId)))[0]!;
  const revise = (id: string, score: number) =>
    admin.request({
      method: 'POST',
      url: `/api/v1/screenings/${id}/revisions`,
      payload: { answers: adl(score), reason: 'ประเมินใหม่ตามที่ทำได้จริง' },
    });

  let personId: string;
  let latest: string;
  let older: string;
  beforeAll(async () => {
    personId = await register(volunteer, '901508', '1980-02-01');
  });

  it('a person never screened has no ADL group', async () => {
    const p = await personOf(personId);
    expect(p).toMatchObject({ adlGroup: null, adlTakenAt: null });
    expect(p.vulnerability).not.toContain('bedbound');
  });

  it('ADL 3 makes the person bed-bound, with bedbound computed and never recorded', async () => {
    const res = await screenAdl(personId, 3, '2026-11-02T03:00:00Z');
    expect(res.statusCode, res.body).toBe(201);
    latest = res.json().id;
    const p = await personOf(personId);
    expect(p).toMatchObject({ adlGroup: 'bed_bound', adlTakenAt: '2026-11-02T03:00:00.000Z' });
    expect(p.vulnerability).toEqual(['bedbound']);
    const row = await recorded(personId);
    expect(row.vulnerability).toEqual([]);
    expect(row.adlScreeningId).toBe(latest);
  });

  it('a back-dated ADL 18 taken earlier does not change it', async () => {
    const res = await screenAdl(personId, 18, '2026-10-01T03:00:00Z');
    expect(res.statusCode, res.body).toBe(201);
    older = res.json().id;
    expect(res.json().results[0].code).toBe('social_bound');
    const p = await personOf(personId);
    expect(p).toMatchObject({ adlGroup: 'bed_bound', adlTakenAt: '2026-11-02T03:00:00.000Z' });
    expect(p.vulnerability).toContain('bedbound');
  });

  it('other instruments, a retry and a correction of the older screening leave it alone', async () => {
    expect((await screen(volunteer, personId, { answers: green })).statusCode).toBe(201);
    const clientId = randomUUID();
    const first = await screen(volunteer, personId, {
      instrument: 'adl_barthel',
      answers: adl(20),
      takenAt: '2026-09-01T03:00:00Z',
      clientId,
    });
    expect(first.statusCode).toBe(201);
    const retry = await screen(volunteer, personId, {
      instrument: 'adl_barthel',
      answers: adl(20),
      takenAt: '2026-09-01T03:00:00Z',
      clientId,
    });
    expect(retry.statusCode).toBe(200);
    const corrected = await revise(older, 8);
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json().results[0].code).toBe('home_bound');
    expect((await recorded(personId)).adlScreeningId).toBe(latest);
    expect((await personOf(personId)).adlGroup).toBe('bed_bound');
  });

  it('a correction of the latest one moves the group, and bedbound goes', async () => {
    const res = await revise(latest, 14);
    expect(res.statusCode, res.body).toBe(201);
    const p = await personOf(personId);
    expect(p).toMatchObject({ adlGroup: 'social_bound', adlTakenAt: '2026-11-02T03:00:00.000Z' });
    expect(p.vulnerability).not.toContain('bedbound');
    // And back: 11/12 is the home-bound boundary.
    expect((await revise(latest, 11)).statusCode).toBe(201);
    expect((await personOf(personId)).adlGroup).toBe('home_bound');
  });

  it('a newer ADL takes over; a bad one changes nothing', async () => {
    const bad = await screen(volunteer, personId, {
      instrument: 'adl_barthel',
      answers: { ...adl(0), feeding: 7 },
      takenAt: '2026-11-20T03:00:00Z',
    });
    expect(bad.statusCode).toBe(400);
    expect((await personOf(personId)).adlGroup).toBe('home_bound');
    const newer = await screenAdl(personId, 4, '2026-11-10T03:00:00Z');
    expect(newer.statusCode).toBe(201);
    const p = await personOf(personId);
    expect(p).toMatchObject({ adlGroup: 'bed_bound', adlTakenAt: '2026-11-10T03:00:00.000Z' });
    expect(p.vulnerability).toEqual(['bedbound']);
    expect((await recorded(personId)).adlScreeningId).toBe(newer.json().id);
  });

  it('the same from a batch: the latest of the batch wins, in any order', async () => {
    const someone = await register(volunteer, '901508', '1944-05-05');
    const item = (score: number, takenAt: string) => ({
      personId: someone,
      instrument: 'adl_barthel',
      answers: adl(score),
      takenAt,
      clientId: randomUUID(),
    });
    const res = await volunteer.request({
      method: 'POST',
      url: '/api/v1/screenings/batch',
      payload: {
        items: [
          item(2, '2026-11-05T03:00:00Z'),
          item(19, '2026-10-05T03:00:00Z'),
          item(12, '2026-08-05T03:00:00Z'),
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { status: number }) => r.status)).toEqual([201, 201, 201]);
    const p = await personOf(someone);
    expect(p).toMatchObject({ adlGroup: 'bed_bound', adlTakenAt: '2026-11-05T03:00:00.000Z' });
    expect(p.vulnerability).toEqual(['elderly', 'bedbound']);
  });

  it('a bedbound recorded by hand stays, shown once', async () => {
    const someone = await register(volunteer, '901508', '1990-05-05');
    await t.database.db
      .update(persons)
      .set({ vulnerability: ['bedbound', 'poor'] })
      .where(eq(persons.id, someone));
    expect((await screenAdl(someone, 0, '2026-11-05T03:00:00Z')).statusCode).toBe(201);
    expect((await personOf(someone)).vulnerability).toEqual(['bedbound', 'poor']);
  });
});
