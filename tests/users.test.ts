import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../src/server/db/schema.ts';
import {
  addOrganization,
  addUser,
  type Client,
  createTestApp,
  login,
  loginAs,
  type TestApp,
} from './support/app.ts';

let t: TestApp;
let operator: Client;
let operatorId: string;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  const op = await loginAs(t, { roles: ['operator'] });
  operator = op.client;
  operatorId = op.user.id;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] })).client;
});
afterAll(() => t.close());

const newVolunteer = (username: string, areaCodes = ['901501']) => ({
  username,
  password: 'first-password-123',
  displayName: 'นางสาวมาลี ใจดี',
  roles: ['volunteer'],
  areaCodes,
});

describe('accounts', () => {
  it('an operator creates an account that must change its password, and it can log in', async () => {
    const org = await addOrganization(t);
    const res = await operator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...newVolunteer('malee.j'), organizationId: org.id },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'malee.j',
      mustChangePassword: true,
      organizationName: org.name,
      disabled: false,
    });
    const c = await login(t, 'malee.j', 'first-password-123');
    const me = await c.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(audits[0]).toMatchObject({ action: 'user.create', actorId: operatorId });
    expect(JSON.stringify(audits)).not.toContain('first-password-123');
    expect(JSON.stringify(audits)).not.toContain('มาลี');
  });

  it('a taken username is 409 on that field', async () => {
    const res = await operator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: newVolunteer('malee.j'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('username');
  });

  it('unknown organisations and areas are named', async () => {
    const res = await operator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        ...newVolunteer('x.y.z', ['901501', '999999']),
        organizationId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('organizationId');
    const area = await operator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: newVolunteer('x.y.z', ['901501', '999999']),
    });
    expect(area.json().errors[0].path).toBe('areaCodes.1');
  });

  it('an area admin creates volunteers in their area, and nothing above it', async () => {
    expect(
      (await admin.request({ method: 'POST', url: '/api/v1/users', payload: newVolunteer('vhv.one') }))
        .statusCode,
    ).toBe(201);
    const elsewhere = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: newVolunteer('vhv.two', ['901502']),
    });
    expect(elsewhere.statusCode).toBe(403);
    const promote = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...newVolunteer('vhv.three'), roles: ['area_admin'] },
    });
    expect(promote.statusCode).toBe(403);
  });

  it('an area admin lists only the accounts they manage; others are 404', async () => {
    const stranger = await addUser(t, { roles: ['volunteer'], areaCodes: ['100101'] });
    const list = await admin.request({ method: 'GET', url: '/api/v1/users' });
    const names = list.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('vhv.one');
    expect(names).toContain('malee.j');
    expect(names).not.toContain(stranger.username);
    expect((await admin.request({ method: 'GET', url: `/api/v1/users/${stranger.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await admin.request({
          method: 'PATCH',
          url: `/api/v1/users/${stranger.id}`,
          payload: { displayName: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a volunteer cannot list accounts', async () => {
    const vhv = await login(t, 'vhv.one', 'first-password-123');
    expect((await vhv.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
  });

  it('disabling an account ends its sessions at once', async () => {
    const vhv = await login(t, 'vhv.one', 'first-password-123');
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 'vhv.one'));
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${row!.id}`,
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await vhv.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('a password reset forces a change and logs the user out everywhere', async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 'malee.j'));
    const before = await login(t, 'malee.j', 'first-password-123');
    const res = await operator.request({
      method: 'POST',
      url: `/api/v1/users/${row!.id}/password`,
      payload: { newPassword: 'reset-password-456' },
    });
    expect(res.statusCode).toBe(204);
    expect((await before.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const after = await login(t, 'malee.j', 'reset-password-456');
    expect(
      (await after.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.mustChangePassword,
    ).toBe(true);
  });

  it('nobody disables themselves, and the last operator cannot be removed', async () => {
    const self = await operator.request({
      method: 'PATCH',
      url: `/api/v1/users/${operatorId}`,
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(422);
    const other = await loginAs(t, { roles: ['operator'] });
    const demote = await other.client.request({
      method: 'PATCH',
      url: `/api/v1/users/${operatorId}`,
      payload: { roles: ['volunteer'] },
    });
    expect(demote.statusCode).toBe(200);
    const last = await other.client.request({
      method: 'PATCH',
      url: `/api/v1/users/${other.user.id}`,
      payload: { roles: ['volunteer'] },
    });
    expect(last.statusCode).toBe(422);
    const [still] = await t.database.db.select().from(users).where(eq(users.id, other.user.id));
    expect(still!.roles).toEqual(['operator']);
  });

  it('filters by role and disabled, and searches names', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?role=volunteer&disabled=true',
      headers: { cookie: admin.cookie },
    });
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['vhv.one']);
    const q = await admin.request({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent('มาลี')}` });
    expect(q.json().items.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the audit trail', () => {
  it('records reads of accounts, and only an operator reads the trail', async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 'malee.j'));
    await admin.request({ method: 'GET', url: `/api/v1/users/${row!.id}` });
    // The first operator was demoted above; a fresh one reads the trail.
    const { client: auditor } = await loginAs(t, { roles: ['operator'] });
    const trail = await auditor.request({
      method: 'GET',
      url: `/api/v1/audit?entity=user&entityId=${row!.id}`,
    });
    expect(trail.statusCode).toBe(200);
    const actions = trail.json().items.map((e: { action: string }) => e.action);
    expect(actions).toContain('user.read');
    expect(actions).toContain('user.create');
    expect((await admin.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });
});
