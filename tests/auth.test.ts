import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../src/server/db/schema.ts';
import { addUser, createTestApp, login, TEST_PASSWORD, type TestApp } from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginRequest = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('login', () => {
  it('sets an httpOnly SameSite cookie and returns the user and a CSRF token', async () => {
    const user = await addUser(t, { username: 'somchai', roles: ['volunteer'], areaCodes: ['901501'] });
    const res = await loginRequest('Somchai ', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'toemsuk_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ user: { id: user.id, username: 'somchai', roles: ['volunteer'] } });
    expect(res.json().user).not.toHaveProperty('passwordHash');
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { toemsuk_session: cookie.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
  });

  it('a wrong password and an unknown user get the same 401 and are audited', async () => {
    await addUser(t, { username: 'malee', roles: ['caregiver'] });
    const wrong = await loginRequest('malee', 'not-the-password', '10.0.0.2');
    const unknown = await loginRequest('nobody-here', 'whatever-password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toHaveLength(0);
    const failures = await t.database.db.select().from(auditLog).where(eq(auditLog.outcome, 'failed'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    // The audit row never holds the password or the typed username.
    expect(JSON.stringify(failures)).not.toContain('not-the-password');
    expect(JSON.stringify(failures)).not.toContain('nobody-here');
  });

  it('a disabled account cannot log in', async () => {
    await addUser(t, { username: 'disabled.one', roles: ['volunteer'], disabled: true });
    const res = await loginRequest('disabled.one', TEST_PASSWORD, '10.0.0.3');
    expect(res.statusCode).toBe(403);
  });

  it('throttles a username after 5 failures with 429 and Retry-After, even with the right password', async () => {
    await addUser(t, { username: 'target', roles: ['volunteer'] });
    for (let i = 0; i < 5; i++)
      expect((await loginRequest('target', 'wrong-password', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await loginRequest('target', TEST_PASSWORD, '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().type).toBe('/problems/rate_limited');
  });

  it('throttles an address that sprays many usernames', async () => {
    for (let i = 0; i < 20; i++) await loginRequest(`spray${i}`, 'wrong-password', '10.2.0.1');
    await addUser(t, { username: 'innocent', roles: ['volunteer'] });
    expect((await loginRequest('innocent', TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(429);
    expect((await loginRequest('innocent', TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout revokes the session', async () => {
    const user = await addUser(t, { roles: ['volunteer'] });
    const c = await login(t, user.username);
    expect((await c.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await c.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('logout everywhere revokes every session of the user', async () => {
    const user = await addUser(t, { roles: ['volunteer'] });
    const phone = await login(t, user.username);
    const desk = await login(t, user.username);
    expect((await desk.request({ method: 'POST', url: '/api/v1/auth/logout-all' })).statusCode).toBe(204);
    expect((await phone.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await desk.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('an expired session is refused', async () => {
    const user = await addUser(t, { roles: ['volunteer'] });
    const c = await login(t, user.username);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.userId, user.id));
    expect((await c.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('a session idle for more than 14 days is refused', async () => {
    const user = await addUser(t, { roles: ['volunteer'] });
    const c = await login(t, user.username);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '15 days'` })
      .where(eq(sessions.userId, user.id));
    expect((await c.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('a made-up cookie is simply not logged in', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { toemsuk_session: 'forged' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe('/problems/unauthenticated');
  });

  it('the database stores a digest, never the cookie value', async () => {
    const user = await addUser(t, { roles: ['volunteer'] });
    const c = await login(t, user.username);
    const raw = c.cookie.split('=')[1]!;
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.id)).not.toContain(raw);
  });
});

describe('CSRF', () => {
  it('a cookie-authenticated write without the token is 403', async () => {
    const user = await addUser(t, { roles: ['operator'] });
    const c = await login(t, user.username);
    const payload = { name: 'มูลนิธิทดสอบ', type: 'foundation', areaCode: '9015' };
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload,
      headers: { cookie: c.cookie },
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().type).toBe('/problems/csrf');
    const wrong = await c.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload,
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await c.request({ method: 'POST', url: '/api/v1/organizations', payload });
    expect(right.statusCode).toBe(201);
  });

  it('reads need no token', async () => {
    const user = await addUser(t, { roles: ['volunteer'] });
    const c = await login(t, user.username);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/areas', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('needs the current password, then the new one works and the old one does not', async () => {
    const user = await addUser(t, { roles: ['volunteer'] });
    const c = await login(t, user.username);
    const wrong = await c.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'nope-nope-nope', newPassword: 'a-new-long-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    const short = await c.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('newPassword');
    const ok = await c.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await loginRequest(user.username, TEST_PASSWORD, '10.9.0.1')).statusCode).toBe(401);
    expect((await loginRequest(user.username, 'a-new-long-password', '10.9.0.1')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('a bearer token authenticates without cookies or CSRF, and stops working when revoked', async () => {
    const user = await addUser(t, { roles: ['operator'] });
    const c = await login(t, user.username);
    const created = await c.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'MoPH import' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^tsk_/);
    const bearer = { authorization: `Bearer ${token}` };

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(me.json().user.id).toBe(user.id);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: bearer,
      payload: { name: 'บริษัททดสอบ', type: 'company', areaCode: '90' },
    });
    expect(write.statusCode).toBe(201);

    const listed = await c.request({ method: 'GET', url: '/api/v1/auth/tokens' });
    expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect(JSON.stringify(listed.json())).not.toContain(token);

    expect((await c.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('one user cannot revoke another user’s token', async () => {
    const a = await login(t, (await addUser(t, { roles: ['volunteer'] })).username);
    const b = await login(t, (await addUser(t, { roles: ['volunteer'] })).username);
    const { id } = (
      await a.request({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'mine' } })
    ).json();
    expect((await b.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(404);
  });

  it('an unknown bearer token is 401', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/areas',
      headers: { authorization: 'Bearer tsk_nope' },
    });
    expect(res.statusCode).toBe(401);
  });
});
