/** Shapes of transports (issue 8): requests, responses and queries. */
import { z } from 'zod';
import { transportStatuses, transportTargets } from '../services/transport.ts';
import { uuid } from './common.ts';

export type { TransportStatus, TransportTarget } from '../services/transport.ts';
export { transportStatuses, transportTargets };

/** What the vehicle must carry or bring. */
export const transportNeeds = ['wheelchair', 'stretcher', 'oxygen', 'escort'] as const;
export type TransportNeed = (typeof transportNeeds)[number];

/**
 * A ride for the person of the path (`POST /api/v1/persons/:id/transport`): to an organisation in the
 * directory or to a place named in words (one of the two is required).
 */
export const transportCreate = z
  .object({
    providerOrganizationId: uuid,
    destinationOrganizationId: uuid.optional(),
    destination: z.string().trim().min(2).max(300).optional(),
    pickupAt: z.iso.datetime({ offset: true }),
    pickupAddress: z.string().trim().min(3).max(500),
    needs: z.array(z.enum(transportNeeds)).max(transportNeeds.length).default([]),
    note: z.string().trim().max(1000).optional(),
    clientId: uuid,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.destinationOrganizationId && !body.destination) {
      ctx.addIssue({ code: 'custom', path: ['destination'], message: 'required' });
    }
  });
export type TransportCreate = z.infer<typeof transportCreate>;

/** A move of the request's status; `version` (the one the client saw) refuses a stale move with 409. */
export const transportTransitionInput = z
  .object({
    to: z.enum(transportTargets),
    note: z.string().trim().max(1000).optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type TransportTransitionInput = z.infer<typeof transportTransitionInput>;

/** `open`: requested or accepted, the rides still to happen. */
export const transportStatusFilters = [...transportStatuses, 'open'] as const;

export const transportListQuery = z
  .object({
    /** `me`: my organisation's queue as provider (by pick-up time); `mine`: the requests I made (newest first). */
    to: z.enum(['me', 'mine']).default('me'),
    status: z.enum(transportStatusFilters).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type TransportListQuery = z.infer<typeof transportListQuery>;

export const personTransportQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const transportEvent = z.object({
  fromStatus: z.enum(transportStatuses).nullable(),
  toStatus: z.enum(transportStatuses),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type TransportEvent = z.infer<typeof transportEvent>;

/**
 * A ride as the reader may see it. `view: 'pseudonymous'` (a provider that may not read the person and
 * was not named in their consent to share with agencies): no name, address or note, only the pick-up
 * village, the time, the needs and the destination.
 */
export const transportRequest = z.object({
  id: z.uuid(),
  status: z.enum(transportStatuses),
  version: z.number().int(),
  view: z.enum(['identified', 'pseudonymous']),
  person: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  areaCode: z.string(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  requestedBy: z.object({ id: z.uuid(), displayName: z.string(), organizationName: z.string().nullable() }),
  providerOrganizationId: z.uuid(),
  providerName: z.string(),
  destinationOrganizationId: z.uuid().nullable(),
  destinationName: z.string().nullable(),
  destination: z.string().nullable(),
  pickupAt: z.string(),
  pickupAddress: z.string().nullable(),
  needs: z.array(z.enum(transportNeeds)),
  note: z.string().nullable(),
  /** The status moves, oldest first (on the single request only). */
  history: z.array(transportEvent).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TransportRequestDto = z.infer<typeof transportRequest>;
