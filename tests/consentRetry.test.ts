import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, consents } from '../src/server/db/schema.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

/** A consent recorded from a phone carries a clientId: a retry returns the stored record, never a second one. */
let t: TestApp;
let volunteer: Client;
let outsider: Client;
let personA: string;
let personB: string;

beforeAll(async () => {
  t = await createTestApp();
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  outsider = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  const register = async (lastName: string) => {
    const res = await volunteer.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        idType: 'none',
        noIdReason: 'ยังไม่มีบัตร',
        firstName: 'ยินยอม',
        lastName,
        sex: 'female',
        birthDate: '1948-02-01',
        address: { areaCode: '901508' },
        confirmNotDuplicate: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  personA = await register('ส่งซ้ำ');
  personB = await register('อีกคน');
});
afterAll(() => t.close());

const grant = { purpose: 'share_group', granted: true, method: 'paper' } as const;

const record = (c: Client, personId: string, payload: object, lang?: string) =>
  c.request({
    method: 'POST',
    url: `/api/v1/persons/${personId}/consents`,
    payload,
    headers: lang ? { 'accept-language': lang } : {},
  });

async function storedFor(personId: string) {
  return t.database.db.select().from(consents).where(eq(consents.personId, personId));
}

async function auditCount(personId: string, action: string) {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, personId), eq(auditLog.action, action)));
  return rows.length;
}

describe('a consent sent again with the same clientId', () => {
  const clientId = randomUUID();
  let firstId: string;

  it('is stored the first time (201), with its clientId', async () => {
    const res = await record(volunteer, personA, { ...grant, clientId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().record).toMatchObject({ purpose: 'share_group', granted: true, clientId });
    expect(res.json().state.shareGroup).toBe(true);
    firstId = res.json().record.id;
  });

  it('returns the stored record with 200 on a retry, and records nothing twice', async () => {
    const res = await record(volunteer, personA, { ...grant, clientId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record.id).toBe(firstId);
    expect(res.json().state.shareGroup).toBe(true);
    expect(await storedFor(personA)).toHaveLength(1);
    expect(await auditCount(personA, 'consent.grant')).toBe(1);
  });

  it('is a 409 when the body differs (a withdrawal is not the grant it replays), in Thai and English', async () => {
    const th = await record(volunteer, personA, { ...grant, granted: false, clientId });
    expect(th.statusCode).toBe(409);
    expect(th.headers['content-type']).toContain('application/problem+json');
    expect(th.json()).toMatchObject({ type: '/problems/conflict', status: 409 });
    expect(th.json().detail).toBe('รหัส clientId นี้ใช้กับการบันทึกอื่นไปแล้ว');
    expect(th.json().errors[0].path).toBe('clientId');
    const en = await record(volunteer, personA, { ...grant, note: 'อีกฉบับ', clientId }, 'en');
    expect(en.statusCode).toBe(409);
    expect(en.json().detail).toBe('This clientId was already used for another record');
    expect(await storedFor(personA)).toHaveLength(1);
    // The withdrawal that was refused did not take effect.
    const history = await volunteer.request({ method: 'GET', url: `/api/v1/persons/${personA}/consents` });
    expect(history.json().state.shareGroup).toBe(true);
  });

  it('is a 409 for another person, who gets nothing recorded', async () => {
    const res = await record(volunteer, personB, { ...grant, clientId });
    expect(res.statusCode).toBe(409);
    expect(await storedFor(personB)).toHaveLength(0);
  });

  it('is no way round the scope: someone outside the area gets the 404 of a person they cannot see', async () => {
    const res = await record(outsider, personA, { ...grant, clientId });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(clientId);
    expect(await storedFor(personA)).toHaveLength(1);
  });
});

describe('clientId is optional and checked', () => {
  it('without one, every call is a new record in the history', async () => {
    const before = (await storedFor(personB)).length;
    for (const granted of [true, true]) {
      const res = await record(volunteer, personB, { ...grant, purpose: 'collect', granted });
      expect(res.statusCode).toBe(201);
      expect(res.json().record.clientId).toBeNull();
    }
    expect(await storedFor(personB)).toHaveLength(before + 2);
  });

  it('agencies in another order are the same record', async () => {
    const clientId = randomUUID();
    const agencies = [randomUUID(), randomUUID()];
    const body = { purpose: 'share_agencies', granted: true, method: 'self', agencies, clientId };
    const first = await record(volunteer, personB, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await record(volunteer, personB, { ...body, agencies: [...agencies].reverse() });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().record.id).toBe(first.json().record.id);
  });

  it('two sends at the same moment store one record: one 201, one 200', async () => {
    const clientId = randomUUID();
    const body = { purpose: 'collect', granted: true, method: 'paper', clientId };
    const answers = await Promise.all([record(volunteer, personA, body), record(volunteer, personA, body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((a) => a.json().record.id)).size).toBe(1);
    const rows = await t.database.db.select().from(consents).where(eq(consents.clientId, clientId));
    expect(rows).toHaveLength(1);
  });

  it('a clientId that is not a UUID is a 400 naming the field', async () => {
    const res = await record(volunteer, personA, { ...grant, clientId: 'phone-17' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('clientId');
  });
});
