import { eq, gte, inArray, or, type SQL } from 'drizzle-orm';
import { WELLBEING_INSTRUMENT } from '../../../core/plans/index.ts';
import { citizenOnly, decide, placeOf } from '../../../core/policy/index.ts';
import type {
  Referral,
  ReferralCounts,
  ReferralCreate,
  ReferralDetail,
  ReferralListQuery,
  ReferralStatus,
  ReferralTransition,
  ReferralUrgency,
} from '../../../core/schemas/index.ts';
import {
  authorityFor,
  CLOSED_STATUSES,
  checkTransition,
  dueAtFor,
  isClosed,
  URGENCY_RANK,
} from '../../../core/services/referral.ts';
import { unique } from '../../../core/util/unique.ts';
import { referrals } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { conflict, type FieldError, forbidden, notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { ensurePersonAccess, mayAccess } from '../groups/access.ts';
import { organizationExists } from '../organizations/repo.ts';
import { findPerson, type PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { activePlanOf, findPlan, findScreeningRow, latestScreening } from '../plans/repo.ts';
import { isoOf } from '../screenings/iso.ts';
import { recordMove } from '../serviceEvents/repo.ts';
import { accessOf, partyOf, type ReferralContext, type Shared, toDetail, toDtos } from './dto.ts';
import {
  countsFor,
  findByClientId,
  findReferral,
  incoming,
  insertReferral,
  lockReferral,
  ofPerson,
  overdueFilter,
  type ReferralRow,
  sentBy,
  statusFilter,
} from './repo.ts';

export type { ReferralContext } from './dto.ts';

// ---------------------------------------------------------------------------------------------
// Sending

/**
 * Sends a person's case to an organisation: the referral, its first history row (→ sent) and the audit
 * row commit together; the live queue hears of it after. A retried `clientId` answers the stored one.
 */
export async function createReferral(
  c: ReferralContext,
  input: ReferralCreate,
): Promise<{ referral: ReferralDetail; created: boolean }> {
  if (input.clientId) {
    const earlier = await findByClientId(c.db, input.clientId);
    if (earlier) return { referral: await replay(c, earlier, input), created: false };
  }
  const person = await findPerson(c.db, input.personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(accessOf(c), 'referral.create', person);
  if (person.mergedInto) throw ruleBroken('merged_record', {}, 'personId');

  const errors: FieldError[] = [];
  if (!(await organizationExists(c.db, input.toOrganizationId))) {
    errors.push({ path: 'toOrganizationId', detail: 'referral_organization_unknown' });
  }
  const shared = await chooseShared(c, person, input.share, errors);
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);

  const sentAt = c.now.toISOString();
  let row: ReferralRow;
  try {
    row = await c.db.transaction(async (tx) => {
      const r = await insertReferral(tx, {
        personId: person.id,
        areaCode: person.areaCode,
        villageCode: person.villageCode,
        fromUserId: c.actor.userId,
        fromOrganizationId: c.actor.organizationId,
        toOrganizationId: input.toOrganizationId,
        disciplines: unique(input.disciplines ?? []),
        reason: input.reason,
        urgency: input.urgency,
        status: 'sent',
        shared,
        dueAt: dueAtFor(sentAt, input.urgency),
        clientId: input.clientId ?? null,
        createdAt: sentAt,
        updatedAt: sentAt,
      });
      await recordMove(tx, 'referral', {
        subjectId: r.id,
        fromStatus: null,
        toStatus: 'sent',
        note: null,
        actorId: c.actor.userId,
      });
      await audit(tx, c.actor, {
        action: 'referral.create',
        entity: 'referral',
        entityId: r.id,
        areaCode: person.areaCode,
        groupId: access.groupId,
        subjectIds: [person.id],
        // Ids, codes and counts only: the reason is free text and may hold health details.
        detail: {
          personId: person.id,
          toOrganizationId: r.toOrganizationId,
          urgency: r.urgency,
          disciplines: r.disciplines,
          sharedScreening: Boolean(shared.screeningId),
          sharedPlan: Boolean(shared.planId),
        },
      });
      return r;
    });
  } catch (err) {
    if (input.clientId && uniqueViolation(err)) {
      const earlier = await findByClientId(c.db, input.clientId);
      if (earlier) return { referral: await replay(c, earlier, input), created: false };
    }
    throw err;
  }
  announce(c, row, 'created');
  return { referral: await toDetail(c, row), created: true };
}

/**
 * What goes along: what the sender named (it must be this person's and theirs to read), else by default
 * the latest 20-item screening and the active plan, when the sender may read them; `null` sends none.
 */
async function chooseShared(
  c: ReferralContext,
  person: PersonRow,
  share: ReferralCreate['share'],
  errors: FieldError[],
): Promise<Shared> {
  const access = accessOf(c);
  const out: Shared = {};
  const screeningId = share?.screeningId;
  if (screeningId !== null) {
    const mayRead = await mayAccess(access, 'screening.read', person);
    const screening = screeningId
      ? await findScreeningRow(c.db, screeningId)
      : mayRead
        ? await latestScreening(c.db, person.id, WELLBEING_INSTRUMENT)
        : undefined;
    if (screening && screening.personId === person.id && mayRead) out.screeningId = screening.id;
    else if (screeningId) errors.push({ path: 'share.screeningId', detail: 'referral_screening_unknown' });
  }
  const planId = share?.planId;
  if (planId !== null) {
    const mayRead = await mayAccess(access, 'plan.read', person);
    const plan = planId
      ? await findPlan(c.db, planId)
      : mayRead
        ? await activePlanOf(c.db, person.id)
        : undefined;
    if (plan && plan.personId === person.id && mayRead) out.planId = plan.id;
    else if (planId) errors.push({ path: 'share.planId', detail: 'referral_plan_unknown' });
  }
  return out;
}

/** A retried send: the stored referral, if the caller may read it and it is for the same person. */
async function replay(
  c: ReferralContext,
  earlier: ReferralRow,
  input: ReferralCreate,
): Promise<ReferralDetail> {
  if (!(await visible(c, earlier))) throw notFound();
  if (earlier.personId !== input.personId) throw conflict('client_id_reused', {}, 'clientId');
  const dto = await toDetail(c, earlier);
  await auditRead(c, earlier, dto, { replay: true });
  return dto;
}

// ---------------------------------------------------------------------------------------------
// Moving it on

/**
 * One move (core `checkTransition`), by whom the policy says (`authorityFor`): the row is locked, moved,
 * its version bumped, its history row and audit row written, all in one transaction. A stale `version`
 * answers 409 before anything is judged on what the client has not seen.
 */
export async function transitionReferral(
  c: ReferralContext,
  id: string,
  input: ReferralTransition,
): Promise<ReferralDetail> {
  const row = await findReferral(c.db, id);
  if (!row || !(await visible(c, row))) throw notFound();
  // Whoever sees it but may not make this move is told so (403), not that it is gone.
  if (!decide(c.actor, { action: authorityFor(input.to), referral: partyOf(row) }).allow) throw forbidden();

  const moved = await c.db.transaction(async (tx) => {
    const locked = (await lockReferral(tx, id))!;
    if (input.version !== undefined && input.version !== locked.version) {
      throw new Problem(
        409,
        'conflict',
        'referral_version_stale',
        { current: locked.version },
        [{ path: 'version', detail: 'referral_version_stale', params: { current: locked.version } }],
        {},
        { currentVersion: locked.version },
      );
    }
    const from = locked.status as ReferralStatus;
    const check = checkTransition(from, input.to, input.note);
    if (!check.ok) {
      const path = check.problem === 'referral_note_required' ? 'note' : 'to';
      throw ruleBroken(check.problem, { from, to: input.to }, path);
    }
    const at = c.now.toISOString();
    const [next] = await tx
      .update(referrals)
      .set({
        status: input.to,
        version: locked.version + 1,
        updatedAt: at,
        closedAt: isClosed(input.to) ? at : null,
        assignedUserId: input.to === 'accepted' ? c.actor.userId : locked.assignedUserId,
      })
      .where(eq(referrals.id, id))
      .returning();
    await recordMove(tx, 'referral', {
      subjectId: id,
      fromStatus: from,
      toStatus: input.to,
      note: input.note?.trim() || null,
      actorId: c.actor.userId,
    });
    await audit(tx, c.actor, {
      action: 'referral.transition',
      entity: 'referral',
      entityId: id,
      areaCode: locked.areaCode,
      subjectIds: [locked.personId],
      detail: { from, to: input.to, version: next!.version, note: Boolean(input.note?.trim()) },
    });
    return next!;
  });
  announce(c, moved, 'moved');
  return toDetail(c, moved);
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Who sees a referral: its two sides and the person's area team (`referral.read`), and whoever may read
 * the person's service history (the person themself, their identified group members): it is part of it.
 */
async function visible(c: ReferralContext, row: ReferralRow): Promise<boolean> {
  if (decide(c.actor, { action: 'referral.read', referral: partyOf(row) }).allow) return true;
  const person = await findPerson(c.db, row.personId);
  return person ? mayAccess(accessOf(c), 'service.readHistory', person) : false;
}

async function auditRead(
  c: ReferralContext,
  row: ReferralRow,
  dto: ReferralDetail,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await audit(c.db, c.actor, {
    action: 'referral.read',
    entity: 'referral',
    entityId: row.id,
    areaCode: row.areaCode,
    subjectIds: [row.personId],
    detail: {
      view: dto.view,
      status: dto.status,
      sharedScreening: dto.shared.screening !== null,
      sharedPlan: dto.shared.plan !== null,
      ...extra,
    },
  });
}

/** One referral with its history and what it shares. Audited. */
export async function getReferral(c: ReferralContext, id: string): Promise<ReferralDetail> {
  const row = await findReferral(c.db, id);
  if (!row || !(await visible(c, row))) throw notFound();
  const dto = await toDetail(c, row);
  await auditRead(c, row, dto);
  return dto;
}

/** Overdue or not, in SQL, by the same rule as core `isOverdue`. */
function filtersOf(c: ReferralContext, q: ReferralListQuery): SQL[] {
  const out: SQL[] = [];
  const status = statusFilter(q.status);
  if (status) out.push(status);
  if (q.overdue === 'true') out.push(overdueFilter(c.now));
  if (q.overdue === 'false') {
    out.push(or(inArray(referrals.status, [...CLOSED_STATUSES]), gte(referrals.dueAt, c.now.toISOString()))!);
  }
  return out;
}

/**
 * `to=me`: my organisation's incoming queue, the most urgent first and then the soonest due; `to=mine`:
 * what I sent, newest first. Audited with the people the page shows.
 */
export async function listReferrals(
  c: ReferralContext,
  q: ReferralListQuery,
): Promise<{ items: Referral[]; nextCursor: string | null }> {
  const filters = filtersOf(c, q);
  let page: { items: ReferralRow[]; nextCursor: string | null };
  if (q.to === 'me') {
    const org = c.actor.organizationId;
    if (!org || citizenOnly(c.actor.roles)) return { items: [], nextCursor: null };
    const after = decodeCursor(q.cursor, 3) as [number, string, string] | null;
    const rows = await incoming(c.db, org, filters, after, q.limit);
    page = pageOf(rows, q.limit, (last) => [
      URGENCY_RANK[last.urgency as ReferralUrgency],
      isoOf(last.dueAt),
      last.id,
    ]);
  } else {
    const after = decodeCursor(q.cursor, 2) as [string, string] | null;
    const rows = await sentBy(c.db, c.actor.userId, filters, after, q.limit);
    page = pageOf(rows, q.limit, (last) => [isoOf(last.createdAt), last.id]);
  }
  const rows = page.items.filter(
    (r) => decide(c.actor, { action: 'referral.read', referral: partyOf(r) }).allow,
  );
  const items = await toDtos(c, rows);
  await audit(c.db, c.actor, {
    action: 'referral.list',
    entity: q.to === 'me' ? 'organization' : 'user',
    entityId: q.to === 'me' ? c.actor.organizationId : c.actor.userId,
    subjectIds: unique(rows.map((r) => r.personId)),
    detail: {
      to: q.to,
      count: items.length,
      identified: items.filter((i) => i.view === 'identified').length,
      ...(q.status ? { status: q.status } : {}),
      ...(q.overdue ? { overdue: q.overdue } : {}),
    },
  });
  return { items, nextCursor: page.nextCursor };
}

/** A person's referrals, newest first: part of their service history (`service.readHistory`). Audited. */
export async function personReferrals(
  c: ReferralContext,
  personId: string,
  q: { limit: number; cursor?: string },
): Promise<{ items: Referral[]; nextCursor: string | null }> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(accessOf(c), 'service.readHistory', person);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await ofPerson(c.db, person.id, after, q.limit);
  const page = pageOf(rows, q.limit, (last) => [isoOf(last.createdAt), last.id]);
  const items = await toDtos(c, page.items);
  await audit(c.db, c.actor, {
    action: 'referral.list',
    entity: 'person',
    entityId: person.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { count: items.length, via: access.via },
  });
  return { items, nextCursor: page.nextCursor };
}

/** My organisation's incoming queue in numbers, for the menu badge. */
export async function referralCounts(c: ReferralContext): Promise<ReferralCounts> {
  const org = c.actor.organizationId;
  if (!org || citizenOnly(c.actor.roles)) return { waiting: 0, open: 0, overdue: 0 };
  return countsFor(c.db, org, c.now);
}

/** Tells the live streams: ids and state only (see `referralSignal`). */
function announce(c: ReferralContext, r: ReferralRow, kind: 'created' | 'moved'): void {
  c.bus.publish({
    signal: {
      id: r.id,
      kind,
      status: r.status as ReferralStatus,
      urgency: r.urgency as ReferralUrgency,
      dueAt: isoOf(r.dueAt),
      version: r.version,
      toOrganizationId: r.toOrganizationId,
    },
    party: { fromUserId: r.fromUserId, toOrganizationId: r.toOrganizationId, place: placeOf(r) },
  });
}
