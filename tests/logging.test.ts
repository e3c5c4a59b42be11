import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

/** Everything the server logs at the most verbose level, to search for personal data. */
let logged = '';
const sink = new Writable({
  write(chunk, _enc, done) {
    logged += chunk.toString();
    done();
  },
});

let t: TestApp;
let volunteer: Client;
const NATIONAL_ID = '1103700123458';

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'trace' }, { logStream: sink });
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
});
afterAll(() => t.close());

describe('logs never hold personal data', () => {
  it('not a national ID, a name, a password or a cookie, in good and bad requests', async () => {
    const body = {
      idType: 'thai_id',
      nationalId: NATIONAL_ID,
      firstName: 'ประเสริฐ',
      lastName: 'ลับเฉพาะ',
      sex: 'male',
      birthDate: '1950-01-01',
      address: { areaCode: '901508' },
    };
    expect(
      (await volunteer.request({ method: 'POST', url: '/api/v1/persons', payload: body })).statusCode,
    ).toBe(201);
    expect(
      (await volunteer.request({ method: 'POST', url: '/api/v1/persons', payload: body })).statusCode,
    ).toBe(409);
    await volunteer.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: { ...body, nationalId: '1103700123459' },
    });
    await volunteer.request({ method: 'GET', url: `/api/v1/persons?q=${NATIONAL_ID}` });
    await volunteer.request({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent('ประเสริฐ')}` });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'secret-password-x' },
    });

    expect(logged.length).toBeGreaterThan(0);
    expect(logged).toContain('/api/v1/persons');
    for (const secret of [
      NATIONAL_ID,
      '1103700123459',
      'ประเสริฐ',
      'ลับเฉพาะ',
      encodeURIComponent('ประเสริฐ'),
      'secret-password-x',
      volunteer.cookie.split('=')[1]!,
    ]) {
      expect(logged, secret).not.toContain(secret);
    }
  });
});
