import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('describes the stable paths from the zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/areas',
      '/api/v1/areas/{code}',
      '/api/v1/organizations',
      '/api/v1/organizations/{id}',
      '/api/v1/users',
      '/api/v1/auth/login',
      '/api/health',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const body = doc.paths['/api/v1/organizations'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'type', 'areaCode']));
  });

  it('serves a docs page without any CDN', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)\./);
  });
});
