import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessions, users } from '../src/server/db/schema.ts';
import { SESSION_CACHE_MS } from '../src/server/modules/auth/sessions.ts';
import {
  addUser,
  type Client,
  createTestApp,
  login,
  loginAs,
  TEST_PASSWORD,
  type TestApp,
} from './support/app.ts';

/**
 * Sessions are cached for a moment (SESSION_CACHE_MS), so every test first makes a request that puts
 * the session in the cache, then checks that a change in this process applies to the very next one.
 */
let t: TestApp;
let operator: Client;
beforeAll(async () => {
  t = await createTestApp();
  operator = (await loginAs(t, { roles: ['operator'] })).client;
});
afterAll(() => t.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const me = (c: Client) => c.request({ method: 'GET', url: '/api/v1/auth/me' });

/** A logged-in volunteer whose session is already cached. */
async function cachedVolunteer(areaCodes = ['901508']) {
  const user = await addUser(t, { roles: ['volunteer'], areaCodes });
  const client = await login(t, user.username);
  expect((await me(client)).statusCode).toBe(200);
  expect((await me(client)).statusCode).toBe(200);
  return { user, client };
}

describe('the session cache never outlives a change made in this process', () => {
  it('serves a session from the cache: repeated requests do not read the session again', async () => {
    const { user, client } = await cachedVolunteer();
    // Revoked behind the server's back (as another process would): the cache still answers for a moment.
    await t.database.db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.userId, user.id));
    expect((await me(client)).statusCode).toBe(200);
    // …and no longer once the moment has passed.
    const later = Date.now() + SESSION_CACHE_MS + 1;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('a logged-out session is refused at once', async () => {
    const { client } = await cachedVolunteer();
    expect((await client.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('logout everywhere refuses every cached session of the user at once', async () => {
    const { user, client: phone } = await cachedVolunteer();
    const desk = await login(t, user.username);
    expect((await me(desk)).statusCode).toBe(200);
    expect((await desk.request({ method: 'POST', url: '/api/v1/auth/logout-all' })).statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(desk)).statusCode).toBe(401);
  });

  it('a disabled account is refused at once, and so is a screening it sends', async () => {
    const { user, client } = await cachedVolunteer();
    const res = await operator.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(client)).statusCode).toBe(401);
    const capture = await client.request({
      method: 'POST',
      url: `/api/v1/persons/${crypto.randomUUID()}/screenings`,
      payload: {
        instrument: 'wellbeing20',
        takenAt: new Date().toISOString(),
        clientId: crypto.randomUUID(),
        answers: {},
      },
    });
    expect(capture.statusCode).toBe(401);
  });

  it('new roles and areas apply to the next request', async () => {
    const { user, client } = await cachedVolunteer(['901508']);
    const res = await operator.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { roles: ['caregiver'], areaCodes: ['901501'] },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(client)).json().user).toMatchObject({ roles: ['caregiver'], areaCodes: ['901501'] });
  });

  it('a password reset by an operator refuses the cached session at once', async () => {
    const { user, client } = await cachedVolunteer();
    const res = await operator.request({
      method: 'POST',
      url: `/api/v1/users/${user.id}/password`,
      payload: { newPassword: 'reset-password-456' },
    });
    expect(res.statusCode).toBe(204);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('after changing the password, the session no longer says it must change', async () => {
    const { user, client } = await cachedVolunteer();
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    // The flag set straight in the database shows once the cached moment has passed.
    const later = Date.now() + SESSION_CACHE_MS + 1;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    expect((await me(client)).json().user.mustChangePassword).toBe(true);
    const change = await client.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password-1' },
    });
    expect(change.statusCode).toBe(204);
    expect((await me(client)).json().user.mustChangePassword).toBe(false);
  });

  it('an expired session is refused even from the cache', async () => {
    const { user, client } = await cachedVolunteer();
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    vi.spyOn(Date, 'now').mockReturnValue(new Date(row!.expiresAt).getTime() + 1);
    expect((await me(client)).statusCode).toBe(401);
  });
});
