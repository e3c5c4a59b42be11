/**
 * Transport requests (issue 8): staff ask a transport provider for a ride for a person; the provider
 * accepts or declines it and completes it; the requester (or the area's admin) may cancel it. Every
 * status move is a `service_event` row; every read and write is audited. The rules are in
 * `core/services/transport.ts`, the permissions in `core/policy`.
 */

import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, decide } from '../../../core/policy/index.ts';
import type {
  TransportCreate,
  TransportListQuery,
  TransportRequestDto,
  TransportTransitionInput,
} from '../../../core/schemas/index.ts';
import {
  checkTransportTransition,
  pickupInPast,
  type TransportStatus,
  transportActionFor,
} from '../../../core/services/transport.ts';
import type { Db } from '../../db/client.ts';
import { organizations, transportRequests } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { conflict, type FieldError, invalid, notFound, Problem, ruleBroken } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { ensurePersonAccess } from '../groups/access.ts';
import { findPerson } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import { isoOf } from '../screenings/iso.ts';
import { recordMove } from '../serviceEvents/repo.ts';
import { partyOf, transportDetail, transportDtos } from './dto.ts';
import {
  findTransport,
  findTransportByClientId,
  lockTransport,
  ofPerson,
  providerQueue,
  requestedBy,
  type TransportRow,
} from './repo.ts';

export interface TransportContext {
  db: Db;
  actor: Actor;
  now: Date;
  /** Thai today (`YYYY-MM-DD`): whether a group's period still runs. */
  today: string;
}

const TRANSPORT_SERVICE = 'patient_transport';

/**
 * A new request for a person, `requested`, with its first history row and its audit row in one
 * transaction. A retried clientId returns the stored request (created: false).
 */
export async function createTransport(
  c: TransportContext,
  personId: string,
  input: TransportCreate,
): Promise<{ request: TransportRequestDto; created: boolean }> {
  const earlier = await findTransportByClientId(c.db, input.clientId);
  if (earlier) return { request: await replay(c, earlier, personId), created: false };

  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(c, 'transport.request', person);
  if (person.mergedInto) throw ruleBroken('merged_record');
  await checkRequest(c, input);

  try {
    const row = await c.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(transportRequests)
        .values({
          personId: person.id,
          areaCode: person.areaCode,
          villageCode: person.villageCode,
          requestedBy: c.actor.userId,
          providerOrganizationId: input.providerOrganizationId,
          destinationOrganizationId: input.destinationOrganizationId ?? null,
          destination: input.destination ?? null,
          pickupAt: new Date(input.pickupAt).toISOString(),
          pickupAddress: input.pickupAddress,
          needs: [...new Set(input.needs)],
          note: input.note ?? null,
          clientId: input.clientId,
        })
        .returning();
      await recordMove(tx, 'transport', {
        subjectId: row!.id,
        fromStatus: null,
        toStatus: 'requested',
        note: null,
        actorId: c.actor.userId,
      });
      await audit(tx, c.actor, {
        action: 'transport.create',
        entity: 'transport_request',
        entityId: row!.id,
        areaCode: person.areaCode,
        groupId: access.groupId,
        subjectIds: [person.id],
        detail: {
          personId: person.id,
          providerOrganizationId: input.providerOrganizationId,
          needs: row!.needs,
        },
      });
      return row!;
    });
    return { request: await transportDetail(c, row), created: true };
  } catch (err) {
    if (uniqueViolation(err)) {
      const raced = await findTransportByClientId(c.db, input.clientId);
      if (raced) return { request: await replay(c, raced, personId), created: false };
    }
    throw err;
  }
}

/** Every broken rule of a new request at once, each naming its field (422). */
async function checkRequest(c: TransportContext, input: TransportCreate) {
  const errors: FieldError[] = [];
  const ids = [input.providerOrganizationId, input.destinationOrganizationId].filter((id): id is string =>
    Boolean(id),
  );
  const found = new Map(
    (
      await c.db
        .select({ id: organizations.id, services: organizations.services })
        .from(organizations)
        .where(inArray(organizations.id, ids))
    ).map((o) => [o.id, o]),
  );
  const provider = found.get(input.providerOrganizationId);
  if (!provider) errors.push({ path: 'providerOrganizationId', detail: 'organization_unknown' });
  else if (!provider.services.includes(TRANSPORT_SERVICE)) {
    errors.push({ path: 'providerOrganizationId', detail: 'transport_provider_no_service' });
  }
  if (input.destinationOrganizationId && !found.has(input.destinationOrganizationId)) {
    errors.push({ path: 'destinationOrganizationId', detail: 'organization_unknown' });
  }
  if (pickupInPast(input.pickupAt, c.now)) errors.push({ path: 'pickupAt', detail: 'transport_pickup_past' });
  if (errors.length > 0) throw new Problem(422, 'domain_rule', undefined, {}, errors);
}

/** A retried create: the stored request, if it is this person's and the actor may see it (audited as a read). */
async function replay(
  c: TransportContext,
  row: TransportRow,
  personId: string,
): Promise<TransportRequestDto> {
  ensureAllowed(c.actor, { action: 'transport.read', transport: partyOf(row) });
  if (row.personId !== personId) throw conflict('client_id_reused', {}, 'clientId');
  const dto = await transportDetail(c, row);
  await auditRead(c, row, { replay: true });
  return dto;
}

/** One request with its history: its requester, its provider and the person's area team (else 404). */
export async function getTransport(c: TransportContext, id: string): Promise<TransportRequestDto> {
  const row = await findTransport(c.db, id);
  if (!row) throw notFound();
  ensureAllowed(c.actor, { action: 'transport.read', transport: partyOf(row) });
  const dto = await transportDetail(c, row);
  await auditRead(c, row, { view: dto.view });
  return dto;
}

async function auditRead(c: TransportContext, row: TransportRow, detail: Record<string, unknown>) {
  await audit(c.db, c.actor, {
    action: 'transport.read',
    entity: 'transport_request',
    entityId: row.id,
    areaCode: row.areaCode,
    subjectIds: [row.personId],
    detail: { personId: row.personId, status: row.status, ...detail },
  });
}

/**
 * A status move. 404 if the actor may not see the request; 403 if they may see it but not make this
 * move (only the provider answers, only the requester or area admin cancels); 409 if `version` is not
 * the current one; 422 if the move is not allowed from the current status.
 */
export async function transitionTransport(
  c: TransportContext,
  id: string,
  input: TransportTransitionInput,
): Promise<TransportRequestDto> {
  const row = await findTransport(c.db, id);
  if (!row) throw notFound();
  const party = partyOf(row);
  ensureAllowed(c.actor, { action: 'transport.read', transport: party });
  ensureAllowed(c.actor, { action: transportActionFor(input.to), transport: party });

  const updated = await c.db.transaction(async (tx) => {
    const locked = (await lockTransport(tx, id))!;
    if (input.version !== undefined && input.version !== locked.version) {
      throw conflict('transport_stale', { version: locked.version }, 'version');
    }
    const from = locked.status as TransportStatus;
    const check = checkTransportTransition(from, input.to, input.note);
    if (!check.ok) {
      throw ruleBroken(
        check.detail,
        { from, to: input.to },
        check.detail === 'transport_note_required' ? 'note' : 'to',
      );
    }
    const [next] = await tx
      .update(transportRequests)
      .set({ status: input.to, version: locked.version + 1, updatedAt: sql`now()` })
      .where(and(eq(transportRequests.id, id), eq(transportRequests.version, locked.version)))
      .returning();
    await recordMove(tx, 'transport', {
      subjectId: id,
      fromStatus: from,
      toStatus: input.to,
      note: input.note || null,
      actorId: c.actor.userId,
    });
    await audit(tx, c.actor, {
      action: 'transport.transition',
      entity: 'transport_request',
      entityId: id,
      areaCode: locked.areaCode,
      subjectIds: [locked.personId],
      // Statuses only: the note is free text and may hold health details.
      detail: { personId: locked.personId, from, to: input.to, version: next!.version },
    });
    return next!;
  });
  return transportDetail(c, updated);
}

/**
 * `to=me`: the queue of the actor's organisation as provider, soonest pick-up first; `to=mine`: the
 * requests the actor made, newest first. Audited with the people listed.
 */
export async function listTransport(c: TransportContext, q: TransportListQuery) {
  const after = cursorOf(q.cursor);
  const page = { after, limit: q.limit, status: q.status };
  const org = c.actor.organizationId;
  if (q.to === 'me' && !org) return { items: [], nextCursor: null };
  const rows =
    q.to === 'me' ? await providerQueue(c.db, org!, page) : await requestedBy(c.db, c.actor.userId, page);
  const paged = pageOf(rows, q.limit, (last) => [
    isoOf(q.to === 'me' ? last.pickupAt : last.createdAt),
    last.id,
  ]);
  // Both lists hold only the actor's own side of each request; the policy still checks each row.
  const visible = paged.items.filter(
    (r) => decide(c.actor, { action: 'transport.read', transport: partyOf(r) }).allow,
  );
  const items = await transportDtos(c, visible);
  await audit(c.db, c.actor, {
    action: 'transport.list',
    entity: q.to === 'me' ? 'organization' : 'user',
    entityId: q.to === 'me' ? org : c.actor.userId,
    subjectIds: [...new Set(visible.map((r) => r.personId))],
    detail: {
      to: q.to,
      status: q.status ?? null,
      count: items.length,
      identified: items.filter((i) => i.view === 'identified').length,
    },
  });
  return { items, nextCursor: paged.nextCursor };
}

/** A person's rides, latest pick-up first: for whoever may read their service history. */
export async function listPersonTransport(
  c: TransportContext,
  personId: string,
  q: { limit: number; cursor?: string },
) {
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess(c, 'service.readHistory', person);
  const after = cursorOf(q.cursor);
  const rows = await ofPerson(c.db, person.id, { after, limit: q.limit });
  const paged = pageOf(rows, q.limit, (last) => [isoOf(last.pickupAt), last.id]);
  const items = await transportDtos(c, paged.items);
  await audit(c.db, c.actor, {
    action: 'transport.history',
    entity: 'person',
    entityId: person.id,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [person.id],
    detail: { count: items.length },
  });
  return { items, nextCursor: paged.nextCursor };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `[instant, id]`; its values are cast in SQL, so a forged cursor is bad input, never a server error. */
function cursorOf(cursor: string | undefined): [string, string] | null {
  const after = decodeCursor(cursor, 2);
  if (!after) return null;
  const [at, id] = after;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !UUID.test(String(id))) {
    throw invalid('query.cursor', 'bad_cursor');
  }
  return [at, String(id)];
}
