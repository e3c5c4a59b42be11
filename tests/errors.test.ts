import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../src/server/app.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';
import { testDatabaseKind } from './support/target.ts';

let t: TestApp;
let operator: Client;

beforeAll(async () => {
  t = await createTestApp();
  operator = (await loginAs(t, { roles: ['operator'] })).client;
});
afterAll(() => t.close());

describe('health', () => {
  it('names the database it runs on', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testDatabaseKind() });
  });
});

describe('bad input never answers 500', () => {
  const post = (payload: string, headers: Record<string, string> = {}) =>
    operator.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('malformed JSON is a 400 problem in Thai by default', async () => {
    const res = await post('{"name": "x",');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: '/problems/malformed_json',
      status: 400,
      title: 'รูปแบบ JSON ไม่ถูกต้อง',
    });
  });

  it('answers in English when asked', async () => {
    const res = await post('{', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.json().title).toBe('Malformed JSON');
  });

  it('wrong types and unknown fields name their paths', async () => {
    const res = await post(JSON.stringify({ name: 12, type: 'shph', areaCode: '901501', colour: 'red' }), {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['colour', 'name']);
  });

  it('a missing required field says it is required', async () => {
    const res = await post(JSON.stringify({ type: 'shph', areaCode: '901501' }), { 'accept-language': 'en' });
    expect(res.json().errors).toEqual([{ path: 'name', message: 'This field is required' }]);
  });

  it('an enum value outside the list lists the allowed values', async () => {
    const res = await post(JSON.stringify({ name: 'ทดสอบ', type: 'spaceship', areaCode: '901501' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('type');
    expect(res.json().errors[0].message).toContain('shph');
  });

  it('an oversized body is 413', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 10) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toBe('/problems/too_large');
  });

  it('a non-JSON content type is 415', async () => {
    const res = await post('name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
  });

  it('bad query parameters are 400 with the parameter named', async () => {
    for (const url of [
      '/api/v1/organizations?limit=0',
      '/api/v1/organizations?limit=abc',
      '/api/v1/organizations?bogus=1',
      '/api/v1/areas?parent=9x',
    ]) {
      const res = await operator.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0].path, url).toMatch(/^query\./);
    }
  });

  it('a forged cursor is 400, not 500', async () => {
    const res = await operator.request({
      method: 'GET',
      url: '/api/v1/organizations?cursor=not-base64-json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.cursor');
  });

  it('a malformed id is 400 and an unknown id is 404', async () => {
    expect((await operator.request({ method: 'GET', url: '/api/v1/organizations/123' })).statusCode).toBe(
      400,
    );
    const res = await operator.request({
      method: 'GET',
      url: '/api/v1/organizations/00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(404);
  });

  it('an unknown API path is a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('/problems/not_found');
  });
});
