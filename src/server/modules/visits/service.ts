/**
 * Visits and appointments (issue 8, item 2): scheduling from the person's record, reading, moving,
 * recording and cancelling one visit, and a person's list. Every read and write asks the policy and is
 * audited; the audit holds ids, kinds and counts, never a name, a note or a vital sign.
 */

import { eq, sql } from 'drizzle-orm';
import { type Actor, decide, placeOf, taskView } from '../../../core/policy/index.ts';
import type {
  Visit,
  VisitCancel,
  VisitCreate,
  VisitPatch,
  VisitRecordInput,
  VisitStatus,
  VisitSummary,
  VisitWithWarnings,
} from '../../../core/schemas/index.ts';
import { bangkokDate } from '../../../core/screenings/month.ts';
import { changeProblem, recordProblems, transitionProblem, worksNear } from '../../../core/services/visit.ts';
import type { Db } from '../../db/client.ts';
import { visits } from '../../db/schema.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import type { Lang } from '../../http/messages.ts';
import { conflict, type FieldError, forbidden, notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { type Access, ensurePersonAccess, mayAccess } from '../groups/access.ts';
import { organizationExists } from '../organizations/repo.ts';
import { findPerson, type PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { isoOf } from '../screenings/iso.ts';
import { recordMove } from '../serviceEvents/repo.ts';
import { conflictsFor } from './conflicts.ts';
import { presentWarnings, type StoredRecord, storedRecord, summaryDtos, type View, visitDto } from './dto.ts';
import {
  assignableUsers,
  findVisit,
  findVisitByClientId,
  lockVisit,
  planActivityOf,
  sharingWith,
  usersByIds,
  type VisitRow,
  visitsOfPerson,
} from './repo.ts';

export interface VisitContext {
  db: Db;
  actor: Actor;
  lang: Lang;
  now: Date;
}

const accessOf = (c: VisitContext) => ({ db: c.db, actor: c.actor, today: bangkokDate(c.now) });

/** The person's access through the policy without throwing: null when the actor may not read them. */
async function readAccess(c: VisitContext, person: PersonRow): Promise<Access | null> {
  try {
    return await ensurePersonAccess(accessOf(c), 'person.read', person);
  } catch (err) {
    if (err instanceof Problem) return null;
    throw err;
  }
}

/** `taskView`: by name when the actor may read the person or the person shares with their organisation. */
export async function viewOf(c: VisitContext, person: PersonRow, access: Access | null): Promise<View> {
  const shareAgencies = c.actor.organizationId
    ? (await sharingWith(c.db, c.actor.organizationId, [person.id])).has(person.id)
    : false;
  return taskView({ mayReadPerson: access !== null, shareAgencies });
}

const partyOf = (v: VisitRow) => ({
  organizationId: v.organizationId,
  assigneeIds: v.assigneeIds,
  place: placeOf(v),
});

interface Visible {
  visit: VisitRow;
  person: PersonRow;
  access: Access | null;
  view: View;
}

/**
 * A visit the actor may read — as its organisation, an assignee or the area's team (`visit.read`), or as
 * whoever may read the person's service history — and, for `write`, change: `visit.record`, or
 * `visit.schedule` on the person. 404 when they may not even read it, 403 when they may only read.
 */
async function visibleVisit(c: VisitContext, id: string, write: boolean): Promise<Visible> {
  const visit = await findVisit(c.db, id);
  if (!visit) throw notFound();
  const person = await findPerson(c.db, visit.personId);
  if (!person) throw notFound();
  const party = partyOf(visit);
  const asParty = decide(c.actor, { action: 'visit.read', visit: party }).allow;
  if (!asParty && !(await mayAccess(accessOf(c), 'service.readHistory', person))) throw notFound();
  if (write) {
    const mayWrite =
      decide(c.actor, { action: 'visit.record', visit: party }).allow ||
      (await mayAccess(accessOf(c), 'visit.schedule', person));
    if (!mayWrite) throw forbidden();
  }
  const access = await readAccess(c, person);
  return { visit, person, access, view: await viewOf(c, person, access) };
}

function auditEntry(v: Visible | { visit: VisitRow; person: PersonRow; access: Access | null }) {
  return {
    entity: 'visit',
    entityId: v.visit.id,
    areaCode: v.person.areaCode,
    groupId: v.access?.groupId ?? null,
    subjectIds: [v.person.id],
  };
}

async function withWarnings(
  c: VisitContext,
  visit: VisitRow,
  person: PersonRow,
  view: View,
): Promise<VisitWithWarnings> {
  const warnings = await conflictsFor(c.db, [visit]);
  const known = new Set(view === 'identified' ? [person.id] : []);
  return { ...(await visitDto(c.db, visit, view)), warnings: presentWarnings(warnings, known) };
}

// ---------------------------------------------------------------------------------------------
// Checking who and what a visit names

interface Plan {
  organizationId: string | null;
  assigneeIds: string[];
  planActivityId: string | null;
}

/** Every problem with the organisation, the people sent and the plan activity, at once, by field. */
async function checkParties(
  c: VisitContext,
  person: PersonRow,
  kind: string,
  plan: Plan,
  given: { organizationId: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (plan.organizationId && given.organizationId && !(await organizationExists(c.db, plan.organizationId))) {
    errors.push({ path: 'organizationId', detail: 'organization_unknown' });
  }
  if (kind === 'centre_appointment' && !plan.organizationId) {
    errors.push({ path: 'organizationId', detail: 'visit_centre_required' });
  }
  const accounts = await usersByIds(c.db, plan.assigneeIds);
  plan.assigneeIds.forEach((id, i) => {
    const u = accounts.get(id);
    const staff = u && !u.disabled && u.roles.some((r) => r !== 'citizen');
    if (!staff) errors.push({ path: `assigneeIds.${i}`, detail: 'visit_assignee_unknown' });
    else if (
      !worksNear(u.areaCodes, person.areaCode) &&
      !(plan.organizationId && u.organizationId === plan.organizationId)
    ) {
      errors.push({ path: `assigneeIds.${i}`, detail: 'visit_assignee_outside' });
    }
  });
  if (plan.planActivityId && !(await planActivityOf(c.db, person.id, plan.planActivityId))) {
    errors.push({ path: 'planActivityId', detail: 'visit_plan_activity_unknown' });
  }
  return errors;
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

function failOn(errors: FieldError[]) {
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/**
 * Books a home visit or a centre appointment for a person; the answer carries the conflicts it makes
 * (never a refusal for them). A retried clientId answers with the stored visit (created: false).
 */
export async function scheduleVisit(
  c: VisitContext,
  personId: string,
  input: VisitCreate,
): Promise<{ visit: VisitWithWarnings; created: boolean }> {
  const earlier = await findVisitByClientId(c.db, input.clientId);
  if (earlier) return { visit: await replay(c, earlier, personId), created: false };

  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(accessOf(c), 'visit.schedule', person);
  if (person.mergedInto) throw ruleBroken('merged_record');

  const plan: Plan = {
    organizationId: input.organizationId ?? c.actor.organizationId,
    assigneeIds: unique(input.assigneeIds ?? []),
    planActivityId: input.planActivityId ?? null,
  };
  failOn(await checkParties(c, person, input.kind, plan, { organizationId: Boolean(input.organizationId) }));

  let visit: VisitRow;
  try {
    visit = await c.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(visits)
        .values({
          personId: person.id,
          areaCode: person.areaCode,
          villageCode: person.villageCode,
          kind: input.kind,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes ?? 60,
          organizationId: plan.organizationId,
          assigneeIds: plan.assigneeIds,
          planActivityId: plan.planActivityId,
          purpose: input.purpose || null,
          clientId: input.clientId,
          createdBy: c.actor.userId,
        })
        .returning();
      await recordMove(tx, 'visit', {
        subjectId: row!.id,
        fromStatus: null,
        toStatus: 'scheduled',
        actorId: c.actor.userId,
      });
      await audit(tx, c.actor, {
        action: 'visit.create',
        ...auditEntry({ visit: row!, person, access }),
        detail: {
          personId: person.id,
          kind: input.kind,
          organizationId: plan.organizationId,
          assignees: plan.assigneeIds.length,
          planActivity: plan.planActivityId !== null,
        },
      });
      return row!;
    });
  } catch (err) {
    if (uniqueViolation(err)) {
      const stored = await findVisitByClientId(c.db, input.clientId);
      if (stored) return { visit: await replay(c, stored, personId), created: false };
    }
    throw err;
  }
  return { visit: await withWarnings(c, visit, person, 'identified'), created: true };
}

/** A retried scheduling: the stored visit, if it is this person's and the actor may still read it. */
async function replay(c: VisitContext, earlier: VisitRow, personId: string): Promise<VisitWithWarnings> {
  const v = await visibleVisit(c, earlier.id, false);
  if (earlier.personId !== personId) throw conflict('client_id_reused', {}, 'clientId');
  await audit(c.db, c.actor, {
    action: 'visit.read',
    ...auditEntry(v),
    detail: { personId: v.person.id, replay: true, view: v.view },
  });
  return withWarnings(c, v.visit, v.person, v.view);
}

export async function getVisit(c: VisitContext, id: string): Promise<Visit> {
  const v = await visibleVisit(c, id, false);
  const dto = await visitDto(c.db, v.visit, v.view);
  await audit(c.db, c.actor, {
    action: 'visit.read',
    ...auditEntry(v),
    detail: { personId: v.person.id, status: v.visit.status, view: v.view },
  });
  return dto;
}

const staleVersion = (current: number) =>
  new Problem(409, 'conflict', 'visit_version_stale', { current }, [], {}, { currentVersion: current });

/** Reschedules or reassigns a scheduled visit made on `version` (409 if someone changed it since). */
export async function patchVisit(c: VisitContext, id: string, input: VisitPatch): Promise<VisitWithWarnings> {
  const v = await visibleVisit(c, id, true);
  const closed = changeProblem(v.visit.status as VisitStatus);
  if (closed) throw ruleBroken(closed);
  if (input.version !== v.visit.version) throw staleVersion(v.visit.version);

  const plan: Plan = {
    organizationId: input.organizationId === undefined ? v.visit.organizationId : input.organizationId,
    assigneeIds: input.assigneeIds ? unique(input.assigneeIds) : v.visit.assigneeIds,
    planActivityId: input.planActivityId === undefined ? v.visit.planActivityId : input.planActivityId,
  };
  // Only what changes is checked: an assignee who has since left stays until someone moves the visit.
  const errors = await checkParties(
    c,
    v.person,
    v.visit.kind,
    {
      ...plan,
      assigneeIds: input.assigneeIds || input.organizationId !== undefined ? plan.assigneeIds : [],
      planActivityId: input.planActivityId ? input.planActivityId : null,
    },
    { organizationId: Boolean(input.organizationId) },
  );
  failOn(errors);

  const updated = await c.db.transaction(async (tx) => {
    const locked = await lockVisit(tx, id);
    if (!locked) throw notFound();
    const stillClosed = changeProblem(locked.status as VisitStatus);
    if (stillClosed) throw ruleBroken(stillClosed);
    if (locked.version !== input.version) throw staleVersion(locked.version);
    const [row] = await tx
      .update(visits)
      .set({
        startsAt: input.startsAt ?? locked.startsAt,
        durationMinutes: input.durationMinutes ?? locked.durationMinutes,
        organizationId: plan.organizationId,
        assigneeIds: plan.assigneeIds,
        planActivityId: plan.planActivityId,
        purpose: input.purpose === undefined ? locked.purpose : input.purpose || null,
        version: locked.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(visits.id, id))
      .returning();
    await audit(tx, c.actor, {
      action: 'visit.update',
      ...auditEntry(v),
      // Field names only: the purpose is free text.
      detail: {
        personId: v.person.id,
        version: row!.version,
        fields: Object.keys(input).filter((k) => k !== 'version'),
      },
    });
    return row!;
  });
  return withWarnings(c, updated, v.person, v.view);
}

/**
 * Records what happened: done (who went, what was done, vital signs, notes, follow-up) or missed. A
 * retry with the record's clientId answers with the stored visit (replay: true); any other second
 * record is a closed visit (422).
 */
export async function recordVisit(
  c: VisitContext,
  id: string,
  input: VisitRecordInput,
): Promise<{ visit: Visit; replay: boolean }> {
  const v = await visibleVisit(c, id, true);
  const isRetry = (row: VisitRow) =>
    input.clientId !== undefined && storedRecord(row)?.clientId === input.clientId;
  if (isRetry(v.visit)) return { visit: await visitDto(c.db, v.visit, v.view), replay: true };
  const problem = transitionProblem(v.visit.status as VisitStatus, input.status);
  if (problem) throw ruleBroken(problem);
  failOn(recordProblems(input, c.now).map((p) => ({ path: p.path, detail: p.problem })));

  const attendeeIds = unique(input.attendees ?? [c.actor.userId]);
  const accounts = await usersByIds(c.db, attendeeIds);
  failOn(
    attendeeIds.flatMap((uid, i) => {
      const u = accounts.get(uid);
      return u && !u.disabled ? [] : [{ path: `attendees.${i}`, detail: 'visit_attendee_unknown' as const }];
    }),
  );

  const record: StoredRecord = {
    status: input.status,
    doneAt: input.doneAt ? isoOf(input.doneAt) : c.now.toISOString(),
    attendeeIds,
    activities: input.activities || null,
    vitals: input.vitals && Object.keys(input.vitals).length > 0 ? input.vitals : null,
    notes: input.notes || null,
    followUpNeeded: input.followUpNeeded,
    followUpNote: input.followUpNote || null,
    recordedBy: c.actor.userId,
    recordedAt: c.now.toISOString(),
    clientId: input.clientId ?? null,
  };
  const outcome = await c.db.transaction(async (tx) => {
    const locked = await lockVisit(tx, id);
    if (!locked) throw notFound();
    if (isRetry(locked)) return { row: locked, replay: true };
    const again = transitionProblem(locked.status as VisitStatus, input.status);
    if (again) throw ruleBroken(again);
    const [row] = await tx
      .update(visits)
      .set({ status: input.status, record, version: locked.version + 1, updatedAt: sql`now()` })
      .where(eq(visits.id, id))
      .returning();
    await recordMove(tx, 'visit', {
      subjectId: id,
      fromStatus: locked.status,
      toStatus: input.status,
      actorId: c.actor.userId,
    });
    await audit(tx, c.actor, {
      action: 'visit.record',
      ...auditEntry(v),
      // Which measures were taken, never their values.
      detail: {
        personId: v.person.id,
        status: input.status,
        attendees: attendeeIds.length,
        vitals: Object.keys(record.vitals ?? {}),
        followUpNeeded: input.followUpNeeded,
      },
    });
    return { row: row!, replay: false };
  });
  return { visit: await visitDto(c.db, outcome.row, v.view), replay: outcome.replay };
}

/** Calls a scheduled visit off, with the reason in its history (not in the audit: it is free text). */
export async function cancelVisit(c: VisitContext, id: string, input: VisitCancel): Promise<Visit> {
  const v = await visibleVisit(c, id, true);
  const problem = transitionProblem(v.visit.status as VisitStatus, 'cancelled');
  if (problem) throw ruleBroken(problem);
  const row = await c.db.transaction(async (tx) => {
    const locked = await lockVisit(tx, id);
    if (!locked) throw notFound();
    const again = transitionProblem(locked.status as VisitStatus, 'cancelled');
    if (again) throw ruleBroken(again);
    const [next] = await tx
      .update(visits)
      .set({ status: 'cancelled', version: locked.version + 1, updatedAt: sql`now()` })
      .where(eq(visits.id, id))
      .returning();
    await recordMove(tx, 'visit', {
      subjectId: id,
      fromStatus: locked.status,
      toStatus: 'cancelled',
      note: input.reason,
      actorId: c.actor.userId,
    });
    await audit(tx, c.actor, {
      action: 'visit.cancel',
      ...auditEntry(v),
      detail: { personId: v.person.id, from: locked.status },
    });
    return next!;
  });
  return visitDto(c.db, row, v.view);
}

/** A person's visits and appointments, latest first: theirs and their carers' to read. */
export async function listPersonVisits(
  c: VisitContext,
  personId: string,
  q: { limit: number; cursor?: string; status?: VisitStatus },
): Promise<{ items: VisitSummary[]; nextCursor: string | null }> {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(accessOf(c), 'service.readHistory', person);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await visitsOfPerson(c.db, person.id, { status: q.status, after, limit: q.limit });
  const page = pageOf(rows, q.limit, (last) => [isoOf(last.startsAt), last.id]);
  const items = await summaryDtos(c.db, page.items);
  await audit(c.db, c.actor, {
    action: 'visit.list',
    entity: 'person',
    entityId: person.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { count: items.length, ...(q.status ? { status: q.status } : {}) },
  });
  return { items, nextCursor: page.nextCursor };
}

/** Whom a visit to this person may be given: staff working near them or in the organisation. */
export async function listAssignees(
  c: VisitContext,
  personId: string,
  q: { organizationId?: string; q?: string },
) {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  await ensurePersonAccess(accessOf(c), 'visit.schedule', person);
  const rows = await assignableUsers(c.db, {
    subdistrict: person.areaCode,
    organizationId: q.organizationId ?? c.actor.organizationId,
    text: q.q,
    limit: 200,
  });
  return {
    items: rows.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      organizationId: u.organizationId,
      organizationName: u.organizationName,
      inArea: worksNear(u.areaCodes, person.areaCode),
    })),
  };
}
