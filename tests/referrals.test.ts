import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../src/core/instruments/index.ts';
import { answersWith } from '../src/core/instruments/testSupport.ts';
import type { ReferralStatus } from '../src/core/schemas/index.ts';
import { DUE_HOURS } from '../src/core/services/referral.ts';
import { areas, auditLog, personLinks, referrals, serviceEvents } from '../src/server/db/schema.ts';
import { addOrganization, type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: Client; // area admin of Pa Khad (901508)
let sender: Client; // volunteer of village 1 of Pa Khad, member of the Pa Khad SHPH
let otherVolunteer: Client; // volunteer of Ching Kho (901501)
let receiver: Client; // social worker of the hospital, no area
let receiver2: Client; // agency member of the hospital
let receiverViewer: Client; // committee viewer attached to the hospital
let otherOrgMember: Client; // social worker of another organisation
let citizen: Client; // the account linked to `personId`
let senderOrgId: string;
let receiverOrgId: string;
let otherOrgId: string;
let personId: string;
let firstName: string;
let otherPersonId: string;
let screeningId: string;

const W20 = getInstrument('wellbeing20')!;
const HOUR = 3_600_000;

const get = (c: Client, url: string, lang?: string) =>
  c.request({ method: 'GET', url, headers: lang ? { 'accept-language': lang } : {} });
const post = (c: Client, url: string, payload: unknown, lang?: string) =>
  c.request({
    method: 'POST',
    url,
    payload: payload as object,
    headers: lang ? { 'accept-language': lang } : {},
  });

async function register(areaCode: string, name = `ชื่อ${randomUUID().slice(0, 6)}`): Promise<string> {
  const res = await post(admin, '/api/v1/persons', {
    idType: 'none',
    noIdReason: 'ไม่มีบัตร',
    firstName: name,
    lastName: 'ทดสอบ',
    sex: 'female',
    birthDate: '1950-04-13',
    address: { areaCode },
    confirmNotDuplicate: true,
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const body = (over: Record<string, unknown> = {}) => ({
  personId,
  toOrganizationId: receiverOrgId,
  reason: 'ปวดเข่า เดินไม่ได้ ขอนักกายภาพประเมิน',
  urgency: 'routine',
  clientId: randomUUID(),
  ...over,
});

async function send(over: Record<string, unknown> = {}, by: Client = sender) {
  const res = await post(by, '/api/v1/referrals', body(over));
  if (res.statusCode !== 201) throw new Error(`send: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; status: ReferralStatus };
}

const move = (c: Client, id: string, payload: Record<string, unknown>, lang?: string) =>
  post(c, `/api/v1/referrals/${id}/transitions`, payload, lang);

/** A new referral walked to `status` by the receiver (or withdrawn/declined as needed). */
async function referralAt(status: ReferralStatus): Promise<string> {
  const { id } = await send();
  const path: Record<ReferralStatus, [Client, Record<string, unknown>][]> = {
    sent: [],
    accepted: [[receiver, { to: 'accepted' }]],
    in_progress: [
      [receiver, { to: 'accepted' }],
      [receiver, { to: 'in_progress' }],
    ],
    completed: [
      [receiver, { to: 'accepted' }],
      [receiver, { to: 'completed' }],
    ],
    declined: [[receiver, { to: 'declined', note: 'ไม่มีนักกายภาพ' }]],
    withdrawn: [[sender, { to: 'withdrawn' }]],
  };
  for (const [who, payload] of path[status]) {
    const res = await move(who, id, payload);
    if (res.statusCode !== 200)
      throw new Error(`move ${JSON.stringify(payload)}: ${res.statusCode} ${res.body}`);
  }
  return id;
}

async function auditsOf(action: string, entityId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.insert(areas).values([
    { code: '90150801', level: 'village', parentCode: '901508', villageNo: 1, nameTh: 'บ้านป่าขาด' },
    { code: '90150802', level: 'village', parentCode: '901508', villageNo: 2, nameTh: 'หมู่ที่ 2' },
  ]);
  senderOrgId = (await addOrganization(t, '901508')).id;
  receiverOrgId = (await addOrganization(t, '9015')).id;
  otherOrgId = (await addOrganization(t, '901501')).id;
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'], organizationId: senderOrgId }))
    .client;
  sender = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['90150801'], organizationId: senderOrgId }))
    .client;
  otherVolunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901501'] })).client;
  receiver = (await loginAs(t, { roles: ['social_worker'], organizationId: receiverOrgId })).client;
  receiver2 = (await loginAs(t, { roles: ['agency_member'], organizationId: receiverOrgId })).client;
  receiverViewer = (await loginAs(t, { roles: ['committee_viewer'], organizationId: receiverOrgId })).client;
  otherOrgMember = (await loginAs(t, { roles: ['social_worker'], organizationId: otherOrgId })).client;
  const citizenAccount = await loginAs(t, { roles: ['citizen'] });
  citizen = citizenAccount.client;

  firstName = `สมศรี${randomUUID().slice(0, 6)}`;
  personId = await register('90150801', firstName);
  otherPersonId = await register('90150801');
  await t.database.db
    .insert(personLinks)
    .values({ personId, userId: citizenAccount.user.id, relation: 'self' });
  const screening = await post(sender, `/api/v1/persons/${personId}/screenings`, {
    instrument: 'wellbeing20',
    takenAt: new Date(Date.now() - 60_000).toISOString(),
    clientId: randomUUID(),
    answers: answersWith(W20, { H1: 2 }),
  });
  if (screening.statusCode !== 201) throw new Error(`screening: ${screening.body}`);
  screeningId = screening.json().id;
});
afterAll(() => t?.close());

describe('sending a referral', () => {
  it('stores it sent, due by its urgency, with the latest screening and a first history row', async () => {
    const clientId = randomUUID();
    const res = await post(
      sender,
      '/api/v1/referrals',
      body({ clientId, disciplines: ['physiotherapist', 'nurse', 'physiotherapist'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      status: 'sent',
      urgency: 'routine',
      version: 1,
      overdue: false,
      view: 'identified',
      disciplines: ['physiotherapist', 'nurse'],
      toOrganization: { id: receiverOrgId },
      fromOrganization: { id: senderOrgId },
      villageCode: '90150801',
      villageName: 'บ้านป่าขาด',
      closedAt: null,
      assignedUser: null,
    });
    expect(r.person).toMatchObject({ id: personId, firstName });
    expect(Date.parse(r.dueAt) - Date.parse(r.createdAt)).toBe(DUE_HOURS.routine * HOUR);
    expect(r.shared.screening).toMatchObject({ id: screeningId, instrument: 'wellbeing20' });
    expect(r.shared.screening.levels.health).toBeDefined();
    expect(r.shared.screening).not.toHaveProperty('answers');
    expect(r.shared.plan).toBeNull();
    expect(r.history).toHaveLength(1);
    expect(r.history[0]).toMatchObject({ fromStatus: null, toStatus: 'sent', actor: { id: sender.userId } });
    // The sender may withdraw it; only the receiver moves it on.
    expect(r.allowedTransitions).toEqual(['withdrawn']);

    const [audit] = await auditsOf('referral.create', r.id);
    expect(audit?.actorId).toBe(sender.userId);
    expect(audit?.subjectIds).toEqual([personId]);
    expect(JSON.stringify(audit?.detail)).not.toContain('ปวดเข่า');
  });

  it('an emergency is due in 4 hours, an urgent case in 24', async () => {
    for (const urgency of ['emergency', 'urgent'] as const) {
      const res = await post(sender, '/api/v1/referrals', body({ urgency }));
      expect(res.statusCode).toBe(201);
      const r = res.json();
      expect(Date.parse(r.dueAt) - Date.parse(r.createdAt), urgency).toBe(DUE_HOURS[urgency] * HOUR);
    }
  });

  it('shares nothing when told so, and only this person’s screening when named', async () => {
    const none = await post(
      sender,
      '/api/v1/referrals',
      body({ share: { screeningId: null, planId: null } }),
    );
    expect(none.statusCode).toBe(201);
    expect(none.json().shared).toEqual({ screening: null, plan: null });

    const named = await post(sender, '/api/v1/referrals', body({ share: { screeningId } }));
    expect(named.json().shared.screening.id).toBe(screeningId);

    const other = await post(
      sender,
      '/api/v1/referrals',
      body({ personId: otherPersonId, share: { screeningId } }),
      'en',
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([
      { path: 'share.screeningId', message: expect.stringMatching(/screening/) },
    ]);
  });

  it('shares the active plan by default, and the receiver reads it in brief', async () => {
    const someone = await register('90150801');
    const draft = await post(sender, `/api/v1/persons/${someone}/plans/draft`, {});
    // No screening yet: nothing to draft from, so pick the first library activity instead.
    expect(draft.statusCode).toBe(422);
    const library = await get(sender, '/api/v1/activities?limit=1');
    const activityId = library.json().items[0].id;
    const plan = await post(sender, `/api/v1/persons/${someone}/plans`, {
      activities: [{ activityId, responsible: 'organization', organizationId: receiverOrgId }],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const { id } = await send({ personId: someone });
    const r = (await get(receiver, `/api/v1/referrals/${id}`)).json();
    expect(r.shared.screening).toBeNull();
    expect(r.shared.plan).toMatchObject({ id: plan.json().id, status: 'active', version: 1 });
    expect(r.shared.plan.activities).toEqual([
      expect.objectContaining({ responsible: 'organization', organizationName: expect.any(String) }),
    ]);
    const otherPlan = await post(sender, '/api/v1/referrals', body({ share: { planId: plan.json().id } }));
    expect(otherPlan.statusCode).toBe(422);
    expect(otherPlan.json().errors[0].path).toBe('share.planId');
  });

  it('a repeated clientId answers the stored referral (200), never a second one', async () => {
    const clientId = randomUUID();
    const first = await post(sender, '/api/v1/referrals', body({ clientId }));
    expect(first.statusCode).toBe(201);
    const again = await post(sender, '/api/v1/referrals', body({ clientId, reason: 'ส่งซ้ำ' }));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().reason).toBe(first.json().reason);
    const rows = await t.database.db.select().from(referrals).where(eq(referrals.clientId, clientId));
    expect(rows).toHaveLength(1);
    const events = await t.database.db
      .select()
      .from(serviceEvents)
      .where(eq(serviceEvents.subjectId, first.json().id));
    expect(events).toHaveLength(1);
    // The same clientId for someone else is a mistake, not a retry.
    const reused = await post(sender, '/api/v1/referrals', body({ clientId, personId: otherPersonId }));
    expect(reused.statusCode).toBe(409);
    // Nor does a stranger learn that it exists.
    const stranger = await post(otherOrgMember, '/api/v1/referrals', body({ clientId }));
    expect(stranger.statusCode).toBe(404);
  });

  it('bad input: 400 with the field paths', async () => {
    const res = await post(
      sender,
      '/api/v1/referrals',
      { personId, toOrganizationId: receiverOrgId, urgency: 'soon', disciplines: ['wizard'], extra: 1 },
      'en',
    );
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['reason', 'urgency', 'disciplines.0', 'extra']));

    const blank = await post(sender, '/api/v1/referrals', body({ reason: '   ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe('reason');

    const notUuid = await post(sender, '/api/v1/referrals', body({ personId: 'abc' }));
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().errors[0].path).toBe('personId');
  });

  it('an unknown organisation is a 422 that names the field', async () => {
    const res = await post(sender, '/api/v1/referrals', body({ toOrganizationId: randomUUID() }), 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'toOrganizationId', message: 'There is no such organisation to refer to' },
    ]);
  });

  it('a person the sender may not read is not found; one they may read but not refer is forbidden', async () => {
    expect((await post(otherVolunteer, '/api/v1/referrals', body())).statusCode).toBe(404);
    expect((await post(receiver, '/api/v1/referrals', body())).statusCode).toBe(404);
    expect((await post(sender, '/api/v1/referrals', body({ personId: randomUUID() }))).statusCode).toBe(404);
    // The person reads their own record but does not refer themself: staff work.
    expect((await post(citizen, '/api/v1/referrals', body())).statusCode).toBe(403);
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/referrals', payload: body() });
    expect(res.statusCode).toBe(401);
  });
});

describe('moving a referral on', () => {
  const LEGAL: [ReferralStatus, ReferralStatus, 'receiver' | 'sender' | 'admin'][] = [
    ['sent', 'accepted', 'receiver'],
    ['sent', 'declined', 'receiver'],
    ['sent', 'withdrawn', 'sender'],
    ['accepted', 'in_progress', 'receiver'],
    ['accepted', 'completed', 'receiver'],
    ['accepted', 'withdrawn', 'admin'],
    ['in_progress', 'completed', 'receiver'],
    ['in_progress', 'withdrawn', 'sender'],
  ];
  const who = (w: 'receiver' | 'sender' | 'admin') => ({ receiver, sender, admin })[w];

  for (const [from, to, by] of LEGAL) {
    it(`${from} → ${to} by the ${by}`, async () => {
      const id = await referralAt(from);
      const before = (await get(sender, `/api/v1/referrals/${id}`)).json();
      const res = await move(who(by), id, { to, note: 'บันทึก', version: before.version });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r.status).toBe(to);
      expect(r.version).toBe(before.version + 1);
      expect(r.history.at(-1)).toMatchObject({ fromStatus: from, toStatus: to, note: 'บันทึก' });
      expect(r.history).toHaveLength(before.history.length + 1);
      const closed = ['declined', 'completed', 'withdrawn'].includes(to);
      expect(r.closedAt !== null).toBe(closed);
      if (closed) expect(r.allowedTransitions).toEqual([]);
      const audits = await auditsOf('referral.transition', id);
      expect(audits.map((a) => a.detail)).toContainEqual({ from, to, version: r.version, note: true });
    });
  }

  it('accepting names the member who accepted it', async () => {
    const id = await referralAt('sent');
    const res = await move(receiver2, id, { to: 'accepted' });
    expect(res.json().assignedUser).toMatchObject({ id: receiver2.userId });
  });

  const ILLEGAL: [ReferralStatus, string][] = [
    ['sent', 'in_progress'],
    ['sent', 'completed'],
    ['accepted', 'accepted'],
    ['accepted', 'declined'],
    ['in_progress', 'accepted'],
    ['in_progress', 'declined'],
    ['completed', 'accepted'],
    ['completed', 'in_progress'],
    ['declined', 'accepted'],
    ['declined', 'completed'],
  ];
  for (const [from, to] of ILLEGAL) {
    it(`${from} → ${to} is illegal (422 naming both)`, async () => {
      const id = await referralAt(from);
      const res = await move(receiver, id, { to, note: 'x' }, 'en');
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toBe(`A referral cannot move from "${from}" to "${to}"`);
      expect(res.json().errors).toEqual([{ path: 'to', message: res.json().detail }]);
      const [row] = await t.database.db.select().from(referrals).where(eq(referrals.id, id));
      expect(row?.status).toBe(from);
    });
  }

  it('a withdrawn or completed referral cannot be withdrawn again', async () => {
    for (const status of ['withdrawn', 'completed', 'declined'] as const) {
      const id = await referralAt(status);
      expect((await move(sender, id, { to: 'withdrawn' })).statusCode, status).toBe(422);
    }
  });

  it('a decline needs a reason', async () => {
    const id = await referralAt('sent');
    const res = await move(receiver, id, { to: 'declined' }, 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('note');
    expect((await move(receiver, id, { to: 'declined', note: '   ' })).statusCode).toBe(422);
    const ok = await move(receiver, id, { to: 'declined', note: 'เกินขีดความสามารถ ส่ง รพ.จังหวัด' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().history.at(-1).note).toBe('เกินขีดความสามารถ ส่ง รพ.จังหวัด');
  });

  it('`sent` is not a move and unknown fields are refused (400)', async () => {
    const id = await referralAt('sent');
    expect((await move(receiver, id, { to: 'sent' })).statusCode).toBe(400);
    expect((await move(receiver, id, { to: 'accepted', status: 'x' })).statusCode).toBe(400);
    expect((await move(receiver, id, { to: 'accepted', version: 0 })).statusCode).toBe(400);
  });

  it('a stale version is a conflict (409) and changes nothing', async () => {
    const id = await referralAt('sent');
    expect((await move(receiver, id, { to: 'accepted', version: 1 })).statusCode).toBe(200);
    const stale = await move(receiver2, id, { to: 'in_progress', version: 1 }, 'en');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect(stale.json().detail).toMatch(/version 2/);
    const [row] = await t.database.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row).toMatchObject({ status: 'accepted', version: 2 });
  });

  it('who may make which move', async () => {
    const id = await referralAt('sent');
    // The sender does not accept; the receiver does not withdraw; a committee member reads but does not act.
    expect((await move(sender, id, { to: 'accepted' })).statusCode).toBe(403);
    expect((await move(receiver, id, { to: 'withdrawn' })).statusCode).toBe(403);
    expect((await move(receiverViewer, id, { to: 'accepted' })).statusCode).toBe(403);
    expect((await get(receiverViewer, `/api/v1/referrals/${id}`)).statusCode).toBe(200);
    // The area admin withdraws for the sender but does not accept for the receiver.
    expect((await move(admin, id, { to: 'accepted' })).statusCode).toBe(403);
    // Another organisation learns nothing.
    expect((await move(otherOrgMember, id, { to: 'accepted' })).statusCode).toBe(404);
    expect((await move(otherVolunteer, id, { to: 'withdrawn' })).statusCode).toBe(404);
    expect((await move(receiver, randomUUID(), { to: 'accepted' })).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row).toMatchObject({ status: 'sent', version: 1 });
    expect((await move(admin, id, { to: 'withdrawn' })).statusCode).toBe(200);
  });
});

describe('reading referrals', () => {
  let id: string;
  beforeAll(async () => {
    id = (await send({ urgency: 'urgent' })).id;
  });

  it('the receiver sees the case and what it shares, but not who it is without consent', async () => {
    const res = await get(receiver, `/api/v1/referrals/${id}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.view).toBe('pseudonymous');
    expect(r.person).toBeNull();
    expect(res.body).not.toContain(firstName);
    expect(res.body).not.toContain(personId);
    expect(r.villageName).toBe('บ้านป่าขาด');
    expect(r.shared.screening.id).toBe(screeningId);
    expect(r.allowedTransitions).toEqual(['accepted', 'declined']);
    const reads = await auditsOf('referral.read', id);
    expect(reads.some((a) => a.actorId === receiver.userId && a.subjectIds?.includes(personId))).toBe(true);
  });

  it('names the person to the receiver once they consent to share with it', async () => {
    const someone = await register('90150801', `ยินยอม${randomUUID().slice(0, 4)}`);
    const consent = await post(admin, `/api/v1/persons/${someone}/consents`, {
      purpose: 'share_agencies',
      granted: true,
      method: 'paper',
      agencies: [receiverOrgId],
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const { id: shared } = await send({ personId: someone });
    const r = (await get(receiver, `/api/v1/referrals/${shared}`)).json();
    expect(r.view).toBe('identified');
    expect(r.person.id).toBe(someone);
    // Not to a third organisation.
    expect((await get(otherOrgMember, `/api/v1/referrals/${shared}`)).statusCode).toBe(404);
  });

  it('the sender, the area admin and the area team read it; other organisations and areas do not', async () => {
    for (const c of [sender, admin, receiver2])
      expect((await get(c, `/api/v1/referrals/${id}`)).statusCode).toBe(200);
    for (const c of [otherOrgMember, otherVolunteer]) {
      expect((await get(c, `/api/v1/referrals/${id}`)).statusCode).toBe(404);
    }
    expect((await get(sender, `/api/v1/referrals/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get(sender, '/api/v1/referrals/not-a-uuid')).statusCode).toBe(400);
  });

  it('the person reads their own, as part of their service history, and cannot move it', async () => {
    const list = await get(citizen, `/api/v1/persons/${personId}/referrals`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const one = await get(citizen, `/api/v1/referrals/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().allowedTransitions).toEqual([]);
    expect((await move(citizen, id, { to: 'withdrawn' })).statusCode).toBe(403);
    // Not someone else's.
    expect((await get(citizen, `/api/v1/persons/${otherPersonId}/referrals`)).statusCode).toBe(404);
  });

  it('a person’s referrals: the area team yes, the receiver and other organisations no', async () => {
    const res = await get(admin, `/api/v1/persons/${personId}/referrals?limit=2`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(2);
    expect(res.json().nextCursor).not.toBeNull();
    const next = await get(
      admin,
      `/api/v1/persons/${personId}/referrals?limit=2&cursor=${res.json().nextCursor}`,
    );
    expect(next.json().items[0].createdAt <= res.json().items[1].createdAt).toBe(true);
    expect(next.json().items[0].id).not.toBe(res.json().items[1].id);
    for (const c of [receiver, otherOrgMember, otherVolunteer]) {
      expect((await get(c, `/api/v1/persons/${personId}/referrals`)).statusCode).toBe(404);
    }
    const [listed] = await auditsOf('referral.list', personId);
    expect(listed?.subjectIds).toEqual([personId]);
  });
});

describe('the queues', () => {
  let orgId: string;
  let member: Client;
  let ids: Record<'routine' | 'emergency' | 'urgent' | 'late', string>;
  beforeAll(async () => {
    orgId = (await addOrganization(t, '9015')).id;
    member = (await loginAs(t, { roles: ['social_worker'], organizationId: orgId })).client;
    const to = { toOrganizationId: orgId };
    ids = {
      routine: (await send({ ...to, urgency: 'routine' })).id,
      emergency: (await send({ ...to, urgency: 'emergency' })).id,
      urgent: (await send({ ...to, urgency: 'urgent' })).id,
      late: (await send({ ...to, urgency: 'routine' })).id,
    };
    // Set-up: this one was sent long ago and is past its due time.
    await t.database.db
      .update(referrals)
      .set({ dueAt: new Date(Date.now() - HOUR).toISOString() })
      .where(eq(referrals.id, ids.late));
  });

  it('incoming: the most urgent first, then the soonest due', async () => {
    const res = await get(member, '/api/v1/referrals?to=me');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([
      ids.emergency,
      ids.urgent,
      ids.late,
      ids.routine,
    ]);
    const late = res.json().items.find((r: { id: string }) => r.id === ids.late);
    expect(late.overdue).toBe(true);
    const [audit] = await auditsOf('referral.list', orgId);
    expect(audit?.subjectIds).toEqual([personId]);
  });

  it('pages through the queue with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(member, `/api/v1/referrals?to=me&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((r: { id: string }) => r.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.emergency, ids.urgent, ids.late, ids.routine]);
    expect((await get(member, '/api/v1/referrals?to=me&cursor=bad')).statusCode).toBe(400);
  });

  it('filters by status and by overdue', async () => {
    const overdue = await get(member, '/api/v1/referrals?to=me&overdue=true');
    expect(overdue.json().items.map((r: { id: string }) => r.id)).toEqual([ids.late]);
    const notOverdue = await get(member, '/api/v1/referrals?to=me&overdue=false');
    expect(notOverdue.json().items).toHaveLength(3);

    expect((await move(member, ids.urgent, { to: 'accepted' })).statusCode).toBe(200);
    const accepted = await get(member, '/api/v1/referrals?to=me&status=accepted');
    expect(accepted.json().items.map((r: { id: string }) => r.id)).toEqual([ids.urgent]);
    const open = await get(member, '/api/v1/referrals?to=me&status=open');
    expect(open.json().items).toHaveLength(4);
    expect((await get(member, '/api/v1/referrals?to=me&status=closed')).json().items).toHaveLength(0);
    expect((await get(member, '/api/v1/referrals?to=me&status=lost')).statusCode).toBe(400);

    const counts = await get(member, '/api/v1/referrals/counts');
    expect(counts.json()).toEqual({ waiting: 3, open: 4, overdue: 1 });
  });

  it('a completed referral is no longer overdue', async () => {
    await move(member, ids.late, { to: 'accepted' });
    const done = await move(member, ids.late, { to: 'completed', note: 'เยี่ยมบ้านแล้ว' });
    expect(done.json().overdue).toBe(false);
    expect((await get(member, '/api/v1/referrals?to=me&overdue=true')).json().items).toEqual([]);
  });

  it('mine: what I sent, newest first; another organisation’s queue holds none of them', async () => {
    const mine = await get(sender, '/api/v1/referrals?to=mine&limit=500');
    const listed = mine.json().items.map((r: { id: string }) => r.id);
    for (const id of Object.values(ids)) expect(listed).toContain(id);
    const times = mine.json().items.map((r: { createdAt: string }) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const other = await get(otherOrgMember, '/api/v1/referrals?to=me');
    expect(other.json().items).toEqual([]);
    // No organisation, no incoming queue.
    expect((await get(otherVolunteer, '/api/v1/referrals?to=me')).json().items).toEqual([]);
    expect((await get(otherVolunteer, '/api/v1/referrals/counts')).json()).toEqual({
      waiting: 0,
      open: 0,
      overdue: 0,
    });
  });
});

describe('nothing half-written', () => {
  it('a failure inside the transaction leaves no referral, no history and no audit row', async () => {
    const { db } = t.database;
    await db.execute(sql`
      create function referral_test_fail() returns trigger language plpgsql as $$
      begin
        if new.note = 'boom' or exists (select 1 from referral where id = new.subject_id and reason = 'boom') then
          raise exception 'test failure';
        end if;
        return new;
      end $$`);
    await db.execute(
      sql`create trigger referral_test_fail before insert on service_event for each row execute function referral_test_fail()`,
    );
    try {
      const before = await db.select().from(referrals).where(eq(referrals.reason, 'boom'));
      const created = await post(sender, '/api/v1/referrals', body({ reason: 'boom' }));
      expect(created.statusCode).toBe(500);
      expect(await db.select().from(referrals).where(eq(referrals.reason, 'boom'))).toEqual(before);

      const id = await referralAt('sent');
      const moved = await move(receiver, id, { to: 'accepted', note: 'boom' });
      expect(moved.statusCode).toBe(500);
      const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
      expect(row).toMatchObject({ status: 'sent', version: 1, assignedUserId: null });
      expect(await db.select().from(serviceEvents).where(eq(serviceEvents.subjectId, id))).toHaveLength(1);
      expect(await auditsOf('referral.transition', id)).toEqual([]);
    } finally {
      await db.execute(sql`drop trigger referral_test_fail on service_event`);
      await db.execute(sql`drop function referral_test_fail()`);
    }
  });
});

describe('the live queue (server-sent events)', () => {
  let base: string;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  /** Opens the stream as `c` and collects what arrives. */
  async function open(c: Client) {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/referrals/stream`, {
      // A browser offers compression; the stream must come plain, or events would wait in a buffer.
      headers: { cookie: c.cookie, accept: 'text/event-stream', 'accept-encoding': 'br, gzip' },
      signal: controller.signal,
    });
    let text = '';
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const pump = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted
      }
    })();
    return {
      res,
      text: () => text,
      async waitFor(needle: string, ms = 5_000) {
        const until = Date.now() + ms;
        while (!text.includes(needle) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
        return text.includes(needle);
      },
      async close() {
        controller.abort();
        await pump;
      },
    };
  }

  it('tells the receiving organisation’s members and the sender, not another organisation', async () => {
    const mine = await open(receiver2);
    const theirs = await open(otherOrgMember);
    const senders = await open(sender);
    try {
      expect(mine.res.status).toBe(200);
      expect(mine.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(mine.res.headers.get('content-encoding')).toBeNull();
      expect(await mine.waitFor(': connected')).toBe(true);
      expect(await theirs.waitFor(': connected')).toBe(true);

      const { id } = await send({ urgency: 'emergency' });
      expect(await mine.waitFor(id)).toBe(true);
      expect(await senders.waitFor(id)).toBe(true);
      const event = mine
        .text()
        .split('\n\n')
        .find((block) => block.includes(id))!;
      expect(event).toMatch(/^event: referral$/m);
      const data = JSON.parse(
        event
          .split('\n')
          .find((l) => l.startsWith('data: '))!
          .slice(6),
      );
      expect(data).toEqual({
        id,
        kind: 'created',
        status: 'sent',
        urgency: 'emergency',
        dueAt: expect.any(String),
        version: 1,
        toOrganizationId: receiverOrgId,
      });
      expect(mine.text()).not.toContain(firstName);
      expect(mine.text()).not.toContain(personId);

      expect((await move(receiver, id, { to: 'accepted' })).statusCode).toBe(200);
      expect(await senders.waitFor('"kind":"moved"')).toBe(true);
      expect(await mine.waitFor('"status":"accepted"')).toBe(true);

      // Given the same time, the other organisation heard nothing of it.
      await new Promise((r) => setTimeout(r, 200));
      expect(theirs.text()).not.toContain(id);
      expect(theirs.text()).not.toContain('event: referral');
    } finally {
      await Promise.all([mine.close(), theirs.close(), senders.close()]);
    }
    const [opened] = await auditsOf('referral.stream', receiver2.userId);
    expect(opened).toBeDefined();
  });

  it('sends heartbeats while quiet, and lets go of every stream its client closed', async () => {
    const bus = t.app.referralBus;
    const drained = async () => {
      const until = Date.now() + 5_000;
      while (bus.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return bus.size;
    };
    // The streams of the test before were closed by their clients: none is left behind.
    expect(await drained()).toBe(0);
    bus.heartbeatMs = 50;
    try {
      const quiet = await open(otherOrgMember);
      expect(await quiet.waitFor(': ping')).toBe(true);
      expect(bus.size).toBe(1);
      await quiet.close();
      expect(await drained()).toBe(0);
    } finally {
      bus.heartbeatMs = 25_000;
    }
  });

  it('needs a session', async () => {
    const res = await fetch(`${base}/api/v1/referrals/stream`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
