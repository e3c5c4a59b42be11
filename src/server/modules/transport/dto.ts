/**
 * Transport requests as the reader may see them. Whether the person shows by name is the policy's
 * `taskView`: by name when the reader may read the person anyway or the person's consent to share
 * with agencies names the reader's organisation; otherwise pseudonymously — the pick-up village, the
 * time, the needs and the destination, never the name, the address or the requester's note.
 */

import { type Actor, placeOf, type ServiceParty, taskView } from '../../../core/policy/index.ts';
import type {
  TransportEvent,
  TransportNeed,
  TransportRequestDto,
  TransportStatus,
} from '../../../core/schemas/index.ts';
import type { Db } from '../../db/client.ts';
import { areaNames } from '../areas/repo.ts';
import { filterAccessible } from '../groups/access.ts';
import { organizationNames } from '../organizations/repo.ts';
import { isoOf } from '../screenings/iso.ts';
import { movesOf, type ServiceEventRow } from '../serviceEvents/repo.ts';
import { peopleOf, requesters, sharingWith, type TransportRow } from './repo.ts';

export interface ReadContext {
  db: Db;
  actor: Actor;
  today: string;
}

/** The two sides of a request, for `decide` (`transport.read|respond|cancel`). */
export function partyOf(row: TransportRow): ServiceParty {
  return { fromUserId: row.requestedBy, toOrganizationId: row.providerOrganizationId, place: placeOf(row) };
}

/** The DTOs of some rows, in order, with one query per kind of thing they name. */
export async function transportDtos(
  c: ReadContext,
  rows: readonly TransportRow[],
): Promise<TransportRequestDto[]> {
  if (rows.length === 0) return [];
  const org = c.actor.organizationId;
  const people = await peopleOf(
    c.db,
    rows.map((r) => r.personId),
  );
  const [readable, shared, orgs, who, villages] = await Promise.all([
    filterAccessible(c, 'person.read', people),
    org
      ? sharingWith(
          c.db,
          org,
          people.map((p) => p.id),
        )
      : Promise.resolve(new Set<string>()),
    organizationNames(
      c.db,
      rows.flatMap((r) => [r.providerOrganizationId, r.destinationOrganizationId]),
    ),
    requesters(
      c.db,
      rows.map((r) => r.requestedBy),
    ),
    areaNames(
      c.db,
      rows.map((r) => r.villageCode),
    ),
  ]);
  const mayRead = new Set(readable.map((p) => p.id));
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => {
    const view = taskView({ mayReadPerson: mayRead.has(r.personId), shareAgencies: shared.has(r.personId) });
    const person = byId.get(r.personId);
    const identified = view === 'identified';
    const requester = who.get(r.requestedBy);
    return {
      id: r.id,
      status: r.status as TransportStatus,
      version: r.version,
      view,
      person:
        identified && person
          ? { id: person.id, firstName: person.firstName, lastName: person.lastName }
          : null,
      areaCode: r.areaCode,
      villageCode: r.villageCode,
      villageName: r.villageCode ? (villages.get(r.villageCode) ?? null) : null,
      requestedBy: {
        id: r.requestedBy,
        displayName: requester?.displayName ?? '',
        organizationName: requester?.organizationName ?? null,
      },
      providerOrganizationId: r.providerOrganizationId,
      providerName: orgs.get(r.providerOrganizationId) ?? '',
      destinationOrganizationId: r.destinationOrganizationId,
      destinationName: r.destinationOrganizationId ? (orgs.get(r.destinationOrganizationId) ?? null) : null,
      destination: r.destination,
      pickupAt: isoOf(r.pickupAt),
      pickupAddress: identified ? r.pickupAddress : null,
      needs: r.needs as TransportNeed[],
      note: identified ? r.note : null,
      createdAt: isoOf(r.createdAt),
      updatedAt: isoOf(r.updatedAt),
    };
  });
}

/** One request with its status history, oldest move first. */
export async function transportDetail(c: ReadContext, row: TransportRow): Promise<TransportRequestDto> {
  const [[dto], events] = await Promise.all([transportDtos(c, [row]), movesOf(c.db, 'transport', row.id)]);
  // A note on a move is free text about the person: only for a reader who sees them by name.
  const notes = dto!.view === 'identified';
  return { ...dto!, history: events.map((e) => eventDto(e.event, e.actorName, notes)) };
}

function eventDto(e: ServiceEventRow, actorName: string | null, withNote: boolean): TransportEvent {
  return {
    fromStatus: e.fromStatus as TransportStatus | null,
    toStatus: e.toStatus as TransportStatus,
    note: withNote ? e.note : null,
    actorName,
    at: isoOf(e.at),
  };
}
